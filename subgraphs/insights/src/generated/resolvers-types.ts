import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRef, PreferencesRef, CategoryPreferenceRow, BrandPreferenceRow, ProductRef, AffinityRow } from '../data';
import type { Context } from '../schema';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

/** What a customer bought of one brand. */
export type BrandPreference = {
  __typename?: 'BrandPreference';
  /** The brand (`SoundTech`). */
  brand: Scalars['String']['output'];
  /** Its customer's id. */
  customerId: Scalars['ID']['output'];
  /** Units bought. */
  quantity: Scalars['Int']['output'];
  /** spend / the customer's whole item spend, in [0, 1] (0 when that is 0). */
  share: Scalars['Float']['output'];
  /** Sum of the items' `line_total`. */
  spend: Scalars['Decimal']['output'];
  /** Distinct transactions holding it. */
  transactions: Scalars['Int']['output'];
};

/** What a customer bought of one product category. */
export type CategoryPreference = {
  __typename?: 'CategoryPreference';
  /** The category (`Electronics`). */
  category: Scalars['String']['output'];
  /** Its customer's id. */
  customerId: Scalars['ID']['output'];
  /** Units bought. */
  quantity: Scalars['Int']['output'];
  /** spend / the customer's whole item spend, in [0, 1] (0 when that is 0). */
  share: Scalars['Float']['output'];
  /** Sum of the items' `line_total`. */
  spend: Scalars['Decimal']['output'];
  /** Distinct transactions holding it. */
  transactions: Scalars['Int']['output'];
};

/** A customer of the retailer: CRM profile, loyalty, support history and app usage. */
export type Customer = {
  __typename?: 'Customer';
  /** Customer id (`customer_id`). */
  id: Scalars['ID']['output'];
  /** What the customer buys most, by category and by brand, over their completed transactions in the caller's markets. */
  productPreferences: Maybe<ProductPreferences>;
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
  /**
   * The products most often bought with this one in completed transactions of the caller's markets:
   * most shared transactions first, then highest lift, then product id; `first` defaults to 10, at most
   * 500. Null where the caller may not read it.
   */
  boughtTogether: Maybe<Array<ProductAffinity>>;
  /** Product id (`product_id`). */
  id: Scalars['ID']['output'];
};


/** A catalog product. */
export type ProductBoughtTogetherArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Another product as bought with a given one (association rule: this product -> that one). */
export type ProductAffinity = {
  __typename?: 'ProductAffinity';
  /** transactions / completed transactions holding the given product: how often a basket with it also holds this one. */
  confidence: Scalars['Float']['output'];
  /** confidence / the share of all completed transactions holding this product: above 1, bought together more than by chance. */
  lift: Scalars['Float']['output'];
  /** The other product. */
  product: Product;
  /** Completed transactions holding both. */
  transactions: Scalars['Int']['output'];
};

/**
 * A customer's product preferences: their completed transactions' items grouped by the products'
 * category or brand, largest spend first (then name). Built from the sales and product domains at
 * every load.
 */
export type ProductPreferences = {
  __typename?: 'ProductPreferences';
  /** Its customer's id: whose personal data the rest of it is. */
  customerId: Scalars['ID']['output'];
  /** The brands the customer spent most on; `first` defaults to 5, at most 500. */
  topBrands: Array<BrandPreference>;
  /** The categories the customer spent most on; `first` defaults to 5, at most 500. */
  topCategories: Array<CategoryPreference>;
};


/**
 * A customer's product preferences: their completed transactions' items grouped by the products'
 * category or brand, largest spend first (then name). Built from the sales and product domains at
 * every load.
 */
export type ProductPreferencesTopBrandsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A customer's product preferences: their completed transactions' items grouped by the products'
 * category or brand, largest spend first (then name). Built from the sales and product domains at
 * every load.
 */
export type ProductPreferencesTopCategoriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
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
  Customer: Customer;
  Product: Product;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  BrandPreference: ResolverTypeWrapper<BrandPreferenceRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CategoryPreference: ResolverTypeWrapper<CategoryPreferenceRow>;
  Customer: ResolverTypeWrapper<CustomerRef>;
  DataProduct: ResolverTypeWrapper<DataProduct>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DataProductTable: ResolverTypeWrapper<DataProductTable>;
  DataProducts: ResolverTypeWrapper<DataProducts>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Grain: Grain;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductRef>;
  ProductAffinity: ResolverTypeWrapper<AffinityRow>;
  ProductPreferences: ResolverTypeWrapper<PreferencesRef>;
  QualityCheckResult: ResolverTypeWrapper<QualityCheckResult>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TimeZoneBasis: TimeZoneBasis;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BigInt: Scalars['BigInt']['output'];
  BrandPreference: BrandPreferenceRow;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  CategoryPreference: CategoryPreferenceRow;
  Customer: CustomerRef;
  DataProduct: DataProduct;
  Boolean: Scalars['Boolean']['output'];
  DataProductTable: DataProductTable;
  DataProducts: DataProducts;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  PageInfo: PageInfo;
  Product: ProductRef;
  ProductAffinity: AffinityRow;
  ProductPreferences: PreferencesRef;
  QualityCheckResult: QualityCheckResult;
  Query: Record<PropertyKey, never>;
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

export type BrandPreferenceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BrandPreference'] = ResolversParentTypes['BrandPreference']> = {
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  spend?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  transactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CategoryPreferenceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CategoryPreference'] = ResolversParentTypes['CategoryPreference']> = {
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  spend?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  transactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  productPreferences?: Resolver<Maybe<ResolversTypes['ProductPreferences']>, ParentType, ContextType>;
};

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

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  boughtTogether?: Resolver<Maybe<Array<ResolversTypes['ProductAffinity']>>, ParentType, ContextType, RequireFields<ProductBoughtTogetherArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ProductAffinityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductAffinity'] = ResolversParentTypes['ProductAffinity']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lift?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  transactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductPreferencesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductPreferences'] = ResolversParentTypes['ProductPreferences']> = {
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  topBrands?: Resolver<Array<ResolversTypes['BrandPreference']>, ParentType, ContextType, RequireFields<ProductPreferencesTopBrandsArgs, 'first'>>;
  topCategories?: Resolver<Array<ResolversTypes['CategoryPreference']>, ParentType, ContextType, RequireFields<ProductPreferencesTopCategoriesArgs, 'first'>>;
};

export type QualityCheckResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QualityCheckResult'] = ResolversParentTypes['QualityCheckResult']> = {
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  dataProducts?: Resolver<ResolversTypes['DataProducts'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  BigInt?: GraphQLScalarType;
  BrandPreference?: BrandPreferenceResolvers<ContextType>;
  CategoryPreference?: CategoryPreferenceResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DataProduct?: DataProductResolvers<ContextType>;
  DataProductTable?: DataProductTableResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductAffinity?: ProductAffinityResolvers<ContextType>;
  ProductPreferences?: ProductPreferencesResolvers<ContextType>;
  QualityCheckResult?: QualityCheckResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
