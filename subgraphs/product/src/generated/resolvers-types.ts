import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProductRow, SupplierRow, ProductSupplierRow, InventoryRow } from '../data';
import type { Context } from '../schema';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A 64-bit whole number (a count, a sum of counts), exact: a JSON number up to 2^53 - 1, beyond it a
   * string of digits (`"9007199254740993"`); either form is accepted as input.
   */
  BigInt: { input: bigint; output: string | number; }
  /** A calendar date, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 in UTC: `2024-01-15T09:30:00.000Z`. */
  DateTime: { input: Date; output: Date | string; }
  /** An exact decimal number as a string (money, weights): `"149.99"`. */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A domain data product: who owns it, what it holds, how fresh and how trustworthy it is. */
export type DataProduct = {
  __typename?: 'DataProduct';
  /** What it covers. */
  description: Scalars['String']['output'];
  /** Its Postgres schema. */
  domain: Scalars['String']['output'];
  /** How old its newest load may grow before its data is stale: an ISO 8601 duration (`P1D`); null for a product no load writes. */
  freshnessSla: Maybe<Scalars['String']['output']>;
  /** The data product's (and its subgraph's) name. */
  name: Scalars['String']['output'];
  /** The team accountable for it. */
  owner: Scalars['String']['output'];
  /** The version of the access policy its subgraph enforces. */
  policyVersion: Scalars['String']['output'];
  /** The latest quality-check results for its tables. */
  qualityChecks: Array<QualityCheckResult>;
  /** A hash of its subgraph's SDL: it changes whenever the schema it serves does. */
  schemaVersion: Scalars['String']['output'];
  /** True when one of its tables was last loaded longer ago than `freshnessSla`, or never; null when it has no SLA. */
  stale: Maybe<Scalars['Boolean']['output']>;
  /** Its tables, with row counts and last load times. */
  tables: Array<DataProductTable>;
};

/** A table of a data product. */
export type DataProductTable = {
  __typename?: 'DataProductTable';
  /** When a load (import or seed) last wrote it; null if never. */
  lastLoadedAt: Maybe<Scalars['DateTime']['output']>;
  /** `schema.table`. */
  name: Scalars['String']['output'];
  /** Rows after its latest load (for a table no load writes, the planner's estimate, null before the first ANALYZE); null when the caller's markets claim narrows this table (a count would tell what lies outside it). */
  rowCount: Maybe<Scalars['Int']['output']>;
};

/** One field per data product (each contributed by the subgraph that owns it). */
export type DataProducts = {
  __typename?: 'DataProducts';
};

/**
 * Length of a reporting period, on the UTC date unless a `timeZone: MARKET` argument says otherwise; a
 * period's start is its first day.
 */
export type Grain =
  /** One calendar day. */
  | 'DAY'
  /** A calendar month. */
  | 'MONTH'
  /** A calendar quarter (January, April, July, October). */
  | 'QUARTER'
  /** The whole range asked for, as one period starting on its first day. */
  | 'TOTAL'
  /** An ISO week, Monday to Sunday. */
  | 'WEEK'
  /** A calendar year. */
  | 'YEAR';

/** Filters on inventory levels; all given conditions must hold. */
export type InventoryFilter = {
  /** The location holding the stock. */
  locationId?: InputMaybe<Scalars['String']['input']>;
  /** True: available stock (stock less reserved) at or below the reorder point. False: above it. */
  needsReorder?: InputMaybe<Scalars['Boolean']['input']>;
  /** The product stocked. */
  productId?: InputMaybe<Scalars['String']['input']>;
};

/** Stock of one product at one location. */
export type InventoryLevel = {
  __typename?: 'InventoryLevel';
  /** stockQuantity - reservedQuantity. */
  available: Scalars['Int']['output'];
  /** Inventory record id (`inventory_id`). */
  id: Scalars['ID']['output'];
  /** When the figures were last updated. */
  lastUpdated: Scalars['DateTime']['output'];
  /** The warehouse or store holding it. */
  location: Maybe<Location>;
  /** The location's id. */
  locationId: Scalars['String']['output'];
  /** Most units the location holds. */
  maxStockLevel: Scalars['Int']['output'];
  /** True when available <= reorderPoint. */
  needsReorder: Scalars['Boolean']['output'];
  /** The product. */
  product: Product;
  /** Reorder when available stock falls to this. */
  reorderPoint: Scalars['Int']['output'];
  /** Units reserved for orders. */
  reservedQuantity: Scalars['Int']['output'];
  /** Units in stock. */
  stockQuantity: Scalars['Int']['output'];
};

/** A page of inventory levels. */
export type InventoryLevelConnection = {
  __typename?: 'InventoryLevelConnection';
  /** The inventory levels of this page. */
  edges: Array<InventoryLevelEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Inventory levels matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An inventory level in a page. */
export type InventoryLevelEdge = {
  __typename?: 'InventoryLevelEdge';
  /** Cursor of this inventory level, for `after`. */
  cursor: Scalars['String']['output'];
  /** The inventory level. */
  node: InventoryLevel;
};

/** How to order inventory levels; a cursor belongs to its order. */
export type InventoryOrder = {
  /** Ascending (the default) or descending. */
  direction?: InputMaybe<OrderDirection>;
  /** The value to order by. */
  field: InventoryOrderField;
};

/** What inventory levels can be ordered by; ties are broken by id, in the same direction. */
export type InventoryOrderField =
  /** Available stock (stock less reserved). */
  | 'AVAILABLE'
  /** Inventory id. */
  | 'ID'
  /** When the level was last updated. */
  | 'LAST_UPDATED';

/** A warehouse, distribution center or store. */
export type Location = {
  __typename?: 'Location';
  /** Location id (`location_id`). */
  id: Scalars['ID']['output'];
};

/** The direction of an order. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

/** Where a page of a connection ends. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null on an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A catalog product. */
export type Product = {
  __typename?: 'Product';
  /** Brand. */
  brand: Maybe<Scalars['String']['output']>;
  /** Category. */
  category: Maybe<Scalars['String']['output']>;
  /** Colour. */
  color: Maybe<Scalars['String']['output']>;
  /** Unit cost to the retailer. */
  cost: Maybe<Scalars['Decimal']['output']>;
  /** When it entered the catalog. */
  createdDate: Maybe<Scalars['Date']['output']>;
  /** Dimensions as written (`20x18x8 cm`). */
  dimensions: Maybe<Scalars['String']['output']>;
  /** Product id (`product_id`). */
  id: Scalars['ID']['output'];
  /** Stock at each location. */
  inventoryLevels: Maybe<Array<InventoryLevel>>;
  /** List price. */
  price: Maybe<Scalars['Decimal']['output']>;
  /** Name. */
  productName: Maybe<Scalars['String']['output']>;
  /** Size. */
  size: Maybe<Scalars['String']['output']>;
  /** Status: `active`, `seasonal`. */
  status: Maybe<Scalars['String']['output']>;
  /** Subcategory. */
  subcategory: Maybe<Scalars['String']['output']>;
  /** Who supplies it, primary supplier first. */
  suppliers: Maybe<Array<ProductSupplier>>;
  /** Weight in kg. */
  weightKg: Maybe<Scalars['Decimal']['output']>;
};

/** A page of products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products of this page. */
  edges: Array<ProductEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Products matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A product in a page. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Cursor of this product, for `after`. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** Filters on products; all given conditions must hold. */
export type ProductFilter = {
  /** Brand (`SoundTech`). */
  brand?: InputMaybe<Scalars['String']['input']>;
  /** Category (`Electronics`). */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Price at most this. */
  maxPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Price at least this. */
  minPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Status: `active`, `seasonal`. */
  status?: InputMaybe<Scalars['String']['input']>;
};

/** The link between a product and one of its suppliers, with the supply terms. */
export type ProductSupplier = {
  __typename?: 'ProductSupplier';
  /** Cost price from this supplier. */
  costPrice: Maybe<Scalars['Decimal']['output']>;
  /** Whether this is the product's primary supplier. */
  isPrimary: Scalars['Boolean']['output'];
  /** Lead time in days. */
  leadTimeDays: Scalars['Int']['output'];
  /** The product. */
  product: Product;
  /** The supplier. */
  supplier: Supplier;
};

/** The latest result of one data quality check. */
export type QualityCheckResult = {
  __typename?: 'QualityCheckResult';
  /** When it ran. */
  checkedAt: Scalars['DateTime']['output'];
  /** What the check verifies. */
  name: Scalars['String']['output'];
  /** `pass` or `fail`. */
  status: Scalars['String']['output'];
  /** Rows that violate it. */
  violations: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Self-description of the data products behind the graph: owners, tables, freshness, quality. */
  dataProducts: DataProducts;
  /** Inventory levels, filtered, in id order unless `orderBy` says otherwise; `first` defaults to 50, at most 500. */
  inventoryLevels: Maybe<InventoryLevelConnection>;
  /** A product by id (`PRD001`); null when there is no such product. */
  product: Maybe<Product>;
  /** Products in id order, filtered; `first` defaults to 50, at most 500. */
  products: Maybe<ProductConnection>;
  /** A supplier by id (`SUP001`); null when there is no such supplier. */
  supplier: Maybe<Supplier>;
  /** Suppliers in id order; `first` defaults to 50, at most 500. */
  suppliers: Maybe<SupplierConnection>;
};


export type QueryInventoryLevelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InventoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<InventoryOrder>;
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySupplierArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySuppliersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A supplier of products. */
export type Supplier = {
  __typename?: 'Supplier';
  /** Address. */
  address: Maybe<Scalars['String']['output']>;
  /** Contact person. */
  contactPerson: Maybe<Scalars['String']['output']>;
  /** Country. */
  country: Scalars['String']['output'];
  /** Contact email. */
  email: Maybe<Scalars['String']['output']>;
  /** Supplier id (`supplier_id`). */
  id: Scalars['ID']['output'];
  /** Payment terms (`Net 30`). */
  paymentTerms: Maybe<Scalars['String']['output']>;
  /** Contact phone. */
  phone: Maybe<Scalars['String']['output']>;
  /** The products it supplies. */
  products: Maybe<Array<ProductSupplier>>;
  /** Quality rating from 1.00 to 5.00, exact (`"4.25"`). */
  qualityRating: Maybe<Scalars['Decimal']['output']>;
  /** Name. */
  supplierName: Scalars['String']['output'];
};

/** A page of suppliers. */
export type SupplierConnection = {
  __typename?: 'SupplierConnection';
  /** The suppliers of this page. */
  edges: Array<SupplierEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Suppliers, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A supplier in a page. */
export type SupplierEdge = {
  __typename?: 'SupplierEdge';
  /** Cursor of this supplier, for `after`. */
  cursor: Scalars['String']['output'];
  /** The supplier. */
  node: Supplier;
};

/** Whose calendar a grouping of facts by day, week or month counts each row in. */
export type TimeZoneBasis =
  /** The local date in the row's marketplace's time zone (`Marketplace.timeZone`); a row without a marketplace falls on its UTC date. */
  | 'MARKET'
  /** The UTC date. */
  | 'UTC';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Product: Product;
  Supplier: Supplier;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  Supplier:
    ( { __typename: 'Supplier' }
    & GraphQLRecursivePick<FederationTypes['Supplier'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  DataProduct: ResolverTypeWrapper<DataProduct>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DataProductTable: ResolverTypeWrapper<DataProductTable>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DataProducts: ResolverTypeWrapper<DataProducts>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Grain: Grain;
  InventoryFilter: InventoryFilter;
  InventoryLevel: ResolverTypeWrapper<InventoryRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InventoryLevelConnection: ResolverTypeWrapper<Omit<InventoryLevelConnection, 'edges'> & { edges: Array<ResolversTypes['InventoryLevelEdge']> }>;
  InventoryLevelEdge: ResolverTypeWrapper<Omit<InventoryLevelEdge, 'node'> & { node: ResolversTypes['InventoryLevel'] }>;
  InventoryOrder: InventoryOrder;
  InventoryOrderField: InventoryOrderField;
  Location: ResolverTypeWrapper<Location>;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductRow>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductFilter: ProductFilter;
  ProductSupplier: ResolverTypeWrapper<ProductSupplierRow>;
  QualityCheckResult: ResolverTypeWrapper<QualityCheckResult>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Supplier: ResolverTypeWrapper<SupplierRow>;
  SupplierConnection: ResolverTypeWrapper<Omit<SupplierConnection, 'edges'> & { edges: Array<ResolversTypes['SupplierEdge']> }>;
  SupplierEdge: ResolverTypeWrapper<Omit<SupplierEdge, 'node'> & { node: ResolversTypes['Supplier'] }>;
  TimeZoneBasis: TimeZoneBasis;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BigInt: Scalars['BigInt']['output'];
  DataProduct: DataProduct;
  Boolean: Scalars['Boolean']['output'];
  DataProductTable: DataProductTable;
  Int: Scalars['Int']['output'];
  DataProducts: DataProducts;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  InventoryFilter: InventoryFilter;
  InventoryLevel: InventoryRow;
  ID: Scalars['ID']['output'];
  InventoryLevelConnection: Omit<InventoryLevelConnection, 'edges'> & { edges: Array<ResolversParentTypes['InventoryLevelEdge']> };
  InventoryLevelEdge: Omit<InventoryLevelEdge, 'node'> & { node: ResolversParentTypes['InventoryLevel'] };
  InventoryOrder: InventoryOrder;
  Location: Location;
  PageInfo: PageInfo;
  Product: ProductRow;
  ProductConnection: Omit<ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductFilter: ProductFilter;
  ProductSupplier: ProductSupplierRow;
  QualityCheckResult: QualityCheckResult;
  Query: Record<PropertyKey, never>;
  Supplier: SupplierRow;
  SupplierConnection: Omit<SupplierConnection, 'edges'> & { edges: Array<ResolversParentTypes['SupplierEdge']> };
  SupplierEdge: Omit<SupplierEdge, 'node'> & { node: ResolversParentTypes['Supplier'] };
  String: Scalars['String']['output'];
};

export type InaccessibleDirectiveArgs = { };

export type InaccessibleDirectiveResolver<Result, Parent, ContextType = Context, Args = InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  import?: Maybe<Array<Maybe<Scalars['String']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = Context, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = Context, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type DataProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DataProduct'] = ResolversParentTypes['DataProduct']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  freshnessSla?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  qualityChecks?: Resolver<Array<ResolversTypes['QualityCheckResult']>, ParentType, ContextType>;
  schemaVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stale?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['DataProductTable']>, ParentType, ContextType>;
};

export type DataProductTableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DataProductTable'] = ResolversParentTypes['DataProductTable']> = {
  lastLoadedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rowCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type InventoryLevelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryLevel'] = ResolversParentTypes['InventoryLevel']> = {
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUpdated?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  locationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxStockLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  needsReorder?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  reorderPoint?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reservedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stockQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InventoryLevelConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryLevelConnection'] = ResolversParentTypes['InventoryLevelConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InventoryLevelEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InventoryLevelEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryLevelEdge'] = ResolversParentTypes['InventoryLevelEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InventoryLevel'], ParentType, ContextType>;
};

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  brand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  color?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cost?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  createdDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  dimensions?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inventoryLevels?: Resolver<Maybe<Array<ResolversTypes['InventoryLevel']>>, ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  productName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subcategory?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  suppliers?: Resolver<Maybe<Array<ResolversTypes['ProductSupplier']>>, ParentType, ContextType>;
  weightKg?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type ProductSupplierResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSupplier'] = ResolversParentTypes['ProductSupplier']> = {
  costPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  isPrimary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  leadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  supplier?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType>;
};

export type QualityCheckResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QualityCheckResult'] = ResolversParentTypes['QualityCheckResult']> = {
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  dataProducts?: Resolver<ResolversTypes['DataProducts'], ParentType, ContextType>;
  inventoryLevels?: Resolver<Maybe<ResolversTypes['InventoryLevelConnection']>, ParentType, ContextType, RequireFields<QueryInventoryLevelsArgs, 'first'>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'id'>>;
  products?: Resolver<Maybe<ResolversTypes['ProductConnection']>, ParentType, ContextType, RequireFields<QueryProductsArgs, 'first'>>;
  supplier?: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType, RequireFields<QuerySupplierArgs, 'id'>>;
  suppliers?: Resolver<Maybe<ResolversTypes['SupplierConnection']>, ParentType, ContextType, RequireFields<QuerySuppliersArgs, 'first'>>;
};

export type SupplierResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Supplier'] = ResolversParentTypes['Supplier'], FederationReferenceType extends FederationReferenceTypes['Supplier'] = FederationReferenceTypes['Supplier']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Supplier']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contactPerson?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paymentTerms?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  products?: Resolver<Maybe<Array<ResolversTypes['ProductSupplier']>>, ParentType, ContextType>;
  qualityRating?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  supplierName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupplierConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierConnection'] = ResolversParentTypes['SupplierConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SupplierEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupplierEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierEdge'] = ResolversParentTypes['SupplierEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  BigInt?: GraphQLScalarType;
  DataProduct?: DataProductResolvers<ContextType>;
  DataProductTable?: DataProductTableResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  InventoryLevel?: InventoryLevelResolvers<ContextType>;
  InventoryLevelConnection?: InventoryLevelConnectionResolvers<ContextType>;
  InventoryLevelEdge?: InventoryLevelEdgeResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductSupplier?: ProductSupplierResolvers<ContextType>;
  QualityCheckResult?: QualityCheckResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Supplier?: SupplierResolvers<ContextType>;
  SupplierConnection?: SupplierConnectionResolvers<ContextType>;
  SupplierEdge?: SupplierEdgeResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
