import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRef, TransactionRow, ItemRow, PurchaseSummaryRow, ProductRef, ProductSalesRow, SalesSummaryRow } from '../data';
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

/** A customer of the retailer: CRM profile, loyalty, support history and app usage. */
export type Customer = {
  __typename?: 'Customer';
  /** Customer id (`customer_id`). */
  id: Scalars['ID']['output'];
  /** Totals over the customer's completed transactions. */
  purchaseSummary: Maybe<PurchaseSummary>;
  /** The customer's transactions, newest first. */
  transactions: Maybe<TransactionConnection>;
};


/** A customer of the retailer: CRM profile, loyalty, support history and app usage. */
export type CustomerTransactionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TransactionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  /** Product id (`product_id`). */
  id: Scalars['ID']['output'];
  /** What the product sold over completed transactions in the caller's markets; zeros when it sold nothing. */
  salesSummary: Maybe<ProductSalesSummary>;
};

/** What a product sold, over completed transactions. */
export type ProductSalesSummary = {
  __typename?: 'ProductSalesSummary';
  /** Revenue: the sum of the line totals. */
  revenue: Scalars['Decimal']['output'];
  /** Transactions that hold the product. */
  transactions: Scalars['Int']['output'];
  /** Units sold. */
  units: Scalars['Int']['output'];
};

/** Totals over a customer's completed transactions. */
export type PurchaseSummary = {
  __typename?: 'PurchaseSummary';
  /** totalSpent / transactionCount, to the cent; null without transactions. */
  averageOrderValue: Maybe<Scalars['Decimal']['output']>;
  /** Its customer's id: whose personal data the rest of it is. */
  customerId: Maybe<Scalars['ID']['output']>;
  /** The first one. */
  firstPurchaseAt: Maybe<Scalars['DateTime']['output']>;
  /** The latest one. */
  lastPurchaseAt: Maybe<Scalars['DateTime']['output']>;
  /** Sum of their total amounts. */
  totalSpent: Scalars['Decimal']['output'];
  /** Completed transactions. */
  transactionCount: Scalars['Int']['output'];
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
  /** Regional sales per period, region order then period order; at most 5,000 rows (narrow the filter beyond that). */
  regionalSales: Maybe<Array<RegionalSales>>;
  /** Transactions aggregated in one SQL GROUP BY by the dimensions in `groupBy` (the others come back null); at most 5,000 rows. */
  salesSummary: Maybe<Array<SalesSummary>>;
  /** A transaction by id (`TXN001`); null when there is no such transaction. */
  transaction: Maybe<Transaction>;
  /** Transactions in the caller's markets, filtered, in id order unless `orderBy` says otherwise; `first` defaults to 50, at most 500. */
  transactions: Maybe<TransactionConnection>;
};


export type QueryRegionalSalesArgs = {
  filter?: InputMaybe<RegionalSalesFilter>;
  grain?: InputMaybe<Grain>;
  timeZone?: InputMaybe<TimeZoneBasis>;
};


export type QuerySalesSummaryArgs = {
  filter?: InputMaybe<SalesSummaryFilter>;
  groupBy?: InputMaybe<Array<SalesDimension>>;
  timeZone?: InputMaybe<TimeZoneBasis>;
};


export type QueryTransactionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTransactionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TransactionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TransactionOrder>;
};

/** Sales of one region over one period. */
export type RegionalSales = {
  __typename?: 'RegionalSales';
  /** totalRevenue / totalTransactions, to the cent; null without transactions. */
  averageOrderValue: Maybe<Scalars['Decimal']['output']>;
  /** Country. */
  country: Scalars['String']['output'];
  /** The period's length. */
  grain: Grain;
  /** Region id (`region_id`). */
  regionId: Scalars['String']['output'];
  /** Region name. */
  regionName: Scalars['String']['output'];
  /** First day of the period (the day itself for DAY). */
  salesDate: Scalars['Date']['output'];
  /** Revenue. */
  totalRevenue: Scalars['Decimal']['output'];
  /** Transactions. */
  totalTransactions: Scalars['Int']['output'];
};

/** Filters on regional sales; all given conditions must hold. */
export type RegionalSalesFilter = {
  /** Country as written in the source (`USA`). */
  country?: InputMaybe<Scalars['String']['input']>;
  /** First day included. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Region id (`RGN001`). */
  regionId?: InputMaybe<Scalars['String']['input']>;
  /** Last day included. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A dimension a sales summary can be grouped by. */
export type SalesDimension =
  /** The channel. */
  | 'CHANNEL'
  /** The transaction's CX marketplace. */
  | 'MARKETPLACE'
  /** The calendar month of the transaction date (on the calendar of `timeZone`). */
  | 'MONTH'
  /** The payment method. */
  | 'PAYMENT_METHOD'
  /** The status. */
  | 'STATUS';

/** Transactions of one group: counts and amounts, each dimension not grouped by null. */
export type SalesSummary = {
  __typename?: 'SalesSummary';
  /** totalAmount / transactionCount, to the cent. */
  averageOrderValue: Maybe<Scalars['Decimal']['output']>;
  /** Channel; null unless grouped by CHANNEL. */
  channel: Maybe<Scalars['String']['output']>;
  /** True when the whole month lies inside the filter's range; an incomplete month's sums cover only `days` days. Null unless grouped by MONTH. */
  complete: Maybe<Scalars['Boolean']['output']>;
  /** Days of the month inside the filter's range (an open end cuts nothing); null unless grouped by MONTH. */
  days: Maybe<Scalars['Int']['output']>;
  /** CX marketplace; null unless grouped by MARKETPLACE. */
  marketplace: Maybe<Scalars['String']['output']>;
  /** First day of the month; null unless grouped by MONTH. */
  month: Maybe<Scalars['Date']['output']>;
  /** Payment method; null unless grouped by PAYMENT_METHOD. */
  paymentMethod: Maybe<Scalars['String']['output']>;
  /** Last day of the month; null unless grouped by MONTH. */
  periodEnd: Maybe<Scalars['Date']['output']>;
  /** Status; null unless grouped by STATUS. */
  status: Maybe<Scalars['String']['output']>;
  /** Sum of their total amounts. */
  totalAmount: Scalars['Decimal']['output'];
  /** Transactions in the group. */
  transactionCount: Scalars['Int']['output'];
};

/** Filters on the transactions a sales summary aggregates; all given conditions must hold. */
export type SalesSummaryFilter = {
  /** Channel: `online`, `store`, `mobile`. */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** First day included (on the calendar of `timeZone`). */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** CX marketplace codes of the transactions (`US`, `DE`). */
  marketplaces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Status: `completed`, `refunded`, `cancelled`, ... */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Last day included (on the calendar of `timeZone`). */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** Whose calendar a grouping of facts by day, week or month counts each row in. */
export type TimeZoneBasis =
  /** The local date in the row's marketplace's time zone (`Marketplace.timeZone`); a row without a marketplace falls on its UTC date. */
  | 'MARKET'
  /** The UTC date. */
  | 'UTC';

/** A purchase: online, mobile or in a store. */
export type Transaction = {
  __typename?: 'Transaction';
  /** Channel: `online`, `mobile`, `store`. */
  channel: Maybe<Scalars['String']['output']>;
  /** Currency code. */
  currency: Maybe<Scalars['String']['output']>;
  /** The buyer's customer id; not exposed: the customer subgraph resolves `customer` from it, within the caller's row scope. */
  customerId: Maybe<Scalars['String']['output']>;
  /** Discount. */
  discountAmount: Maybe<Scalars['Decimal']['output']>;
  /** Transaction id (`transaction_id`). */
  id: Scalars['ID']['output'];
  /** Line items, in id order. */
  items: Maybe<Array<TransactionItem>>;
  /** Payment method. */
  paymentMethod: Maybe<Scalars['String']['output']>;
  /** Status: `completed`, `refunded`, `cancelled`. */
  status: Maybe<Scalars['String']['output']>;
  /** The store where it happened; null for online and mobile orders. */
  store: Maybe<Location>;
  /** The store's location id; null for online and mobile orders. */
  storeId: Maybe<Scalars['String']['output']>;
  /** Sum of line totals before tax and discount. */
  subtotal: Maybe<Scalars['Decimal']['output']>;
  /** Tax. */
  taxAmount: Maybe<Scalars['Decimal']['output']>;
  /** subtotal + taxAmount - discountAmount. */
  totalAmount: Maybe<Scalars['Decimal']['output']>;
  /** When it happened. */
  transactionDate: Maybe<Scalars['DateTime']['output']>;
  /** transactionDate in the local time of its marketplace (ISO 8601 with the UTC offset in force then: `2024-05-15T10:30:00-04:00`); null without a date or a marketplace. */
  transactionDateLocal: Maybe<Scalars['String']['output']>;
};

/** A page of a customer's transactions. */
export type TransactionConnection = {
  __typename?: 'TransactionConnection';
  /** The transactions of this page. */
  edges: Array<TransactionEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** The customer's transactions matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A transaction in a page. */
export type TransactionEdge = {
  __typename?: 'TransactionEdge';
  /** Cursor of this transaction, for `after`. */
  cursor: Scalars['String']['output'];
  /** The transaction. */
  node: Transaction;
};

/** Filters on transactions; all given conditions must hold. */
export type TransactionFilter = {
  /** Channel: `online`, `mobile`, `store`. */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** The buyer's customer id (needs the right to read who bought). */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** At or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Total amount at least this. */
  minTotal?: InputMaybe<Scalars['Decimal']['input']>;
  /** Status: `completed`, `refunded`, `cancelled`. */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** One line of a transaction. */
export type TransactionItem = {
  __typename?: 'TransactionItem';
  /** Its transaction's buyer's id: whose personal data the rest of it is. */
  customerId: Maybe<Scalars['ID']['output']>;
  /** Discount applied to this line. */
  discountApplied: Scalars['Decimal']['output'];
  /** Item id (`item_id`). */
  id: Scalars['ID']['output'];
  /** quantity * unitPrice. */
  lineTotal: Scalars['Decimal']['output'];
  /** The product bought. */
  product: Maybe<Product>;
  /** The product's id. */
  productId: Scalars['String']['output'];
  /** Quantity. */
  quantity: Scalars['Int']['output'];
  /** Price of one unit. */
  unitPrice: Scalars['Decimal']['output'];
};

/** How to order transactions; a cursor belongs to its order. */
export type TransactionOrder = {
  /** Ascending (the default) or descending. */
  direction?: InputMaybe<OrderDirection>;
  /** The value to order by. */
  field: TransactionOrderField;
};

/** What transactions can be ordered by; ties are broken by id, in the same direction. */
export type TransactionOrderField =
  /** When it took place. */
  | 'DATE'
  /** Transaction id. */
  | 'ID'
  /** Its total amount. */
  | 'TOTAL_AMOUNT';



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
  Transaction: Transaction;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  Transaction:
    ( { __typename: 'Transaction' }
    & GraphQLRecursivePick<FederationTypes['Transaction'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  Customer: ResolverTypeWrapper<CustomerRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DataProduct: ResolverTypeWrapper<DataProduct>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DataProductTable: ResolverTypeWrapper<DataProductTable>;
  DataProducts: ResolverTypeWrapper<DataProducts>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Grain: Grain;
  Location: ResolverTypeWrapper<Location>;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductRef>;
  ProductSalesSummary: ResolverTypeWrapper<ProductSalesRow>;
  PurchaseSummary: ResolverTypeWrapper<PurchaseSummaryRow>;
  QualityCheckResult: ResolverTypeWrapper<QualityCheckResult>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegionalSales: ResolverTypeWrapper<RegionalSales>;
  RegionalSalesFilter: RegionalSalesFilter;
  SalesDimension: SalesDimension;
  SalesSummary: ResolverTypeWrapper<SalesSummaryRow>;
  SalesSummaryFilter: SalesSummaryFilter;
  TimeZoneBasis: TimeZoneBasis;
  Transaction: ResolverTypeWrapper<TransactionRow>;
  TransactionConnection: ResolverTypeWrapper<Omit<TransactionConnection, 'edges'> & { edges: Array<ResolversTypes['TransactionEdge']> }>;
  TransactionEdge: ResolverTypeWrapper<Omit<TransactionEdge, 'node'> & { node: ResolversTypes['Transaction'] }>;
  TransactionFilter: TransactionFilter;
  TransactionItem: ResolverTypeWrapper<ItemRow>;
  TransactionOrder: TransactionOrder;
  TransactionOrderField: TransactionOrderField;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BigInt: Scalars['BigInt']['output'];
  Customer: CustomerRef;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  DataProduct: DataProduct;
  Boolean: Scalars['Boolean']['output'];
  DataProductTable: DataProductTable;
  DataProducts: DataProducts;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Location: Location;
  PageInfo: PageInfo;
  Product: ProductRef;
  ProductSalesSummary: ProductSalesRow;
  PurchaseSummary: PurchaseSummaryRow;
  QualityCheckResult: QualityCheckResult;
  Query: Record<PropertyKey, never>;
  RegionalSales: RegionalSales;
  RegionalSalesFilter: RegionalSalesFilter;
  SalesSummary: SalesSummaryRow;
  SalesSummaryFilter: SalesSummaryFilter;
  Transaction: TransactionRow;
  TransactionConnection: Omit<TransactionConnection, 'edges'> & { edges: Array<ResolversParentTypes['TransactionEdge']> };
  TransactionEdge: Omit<TransactionEdge, 'node'> & { node: ResolversParentTypes['Transaction'] };
  TransactionFilter: TransactionFilter;
  TransactionItem: ItemRow;
  TransactionOrder: TransactionOrder;
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

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchaseSummary?: Resolver<Maybe<ResolversTypes['PurchaseSummary']>, ParentType, ContextType>;
  transactions?: Resolver<Maybe<ResolversTypes['TransactionConnection']>, ParentType, ContextType, RequireFields<CustomerTransactionsArgs, 'first'>>;
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

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  salesSummary?: Resolver<Maybe<ResolversTypes['ProductSalesSummary']>, ParentType, ContextType>;
};

export type ProductSalesSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSalesSummary'] = ResolversParentTypes['ProductSalesSummary']> = {
  revenue?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  transactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  units?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PurchaseSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseSummary'] = ResolversParentTypes['PurchaseSummary']> = {
  averageOrderValue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  firstPurchaseAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastPurchaseAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  totalSpent?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  transactionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QualityCheckResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QualityCheckResult'] = ResolversParentTypes['QualityCheckResult']> = {
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  dataProducts?: Resolver<ResolversTypes['DataProducts'], ParentType, ContextType>;
  regionalSales?: Resolver<Maybe<Array<ResolversTypes['RegionalSales']>>, ParentType, ContextType, RequireFields<QueryRegionalSalesArgs, 'grain' | 'timeZone'>>;
  salesSummary?: Resolver<Maybe<Array<ResolversTypes['SalesSummary']>>, ParentType, ContextType, RequireFields<QuerySalesSummaryArgs, 'groupBy' | 'timeZone'>>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType, RequireFields<QueryTransactionArgs, 'id'>>;
  transactions?: Resolver<Maybe<ResolversTypes['TransactionConnection']>, ParentType, ContextType, RequireFields<QueryTransactionsArgs, 'first'>>;
};

export type RegionalSalesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegionalSales'] = ResolversParentTypes['RegionalSales']> = {
  averageOrderValue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  regionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regionName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  salesDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  totalRevenue?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  totalTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SalesSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesSummary'] = ResolversParentTypes['SalesSummary']> = {
  averageOrderValue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  channel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  complete?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  days?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  marketplace?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  month?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  paymentMethod?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  periodEnd?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  totalAmount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  transactionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TransactionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction'], FederationReferenceType extends FederationReferenceTypes['Transaction'] = FederationReferenceTypes['Transaction']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Transaction']> | FederationReferenceType, FederationReferenceType, ContextType>;
  channel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  discountAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Maybe<Array<ResolversTypes['TransactionItem']>>, ParentType, ContextType>;
  paymentMethod?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  store?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  storeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subtotal?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  taxAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  totalAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  transactionDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  transactionDateLocal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TransactionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransactionConnection'] = ResolversParentTypes['TransactionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TransactionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TransactionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransactionEdge'] = ResolversParentTypes['TransactionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType>;
};

export type TransactionItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransactionItem'] = ResolversParentTypes['TransactionItem']> = {
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  discountApplied?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  BigInt?: GraphQLScalarType;
  Customer?: CustomerResolvers<ContextType>;
  DataProduct?: DataProductResolvers<ContextType>;
  DataProductTable?: DataProductTableResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Location?: LocationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductSalesSummary?: ProductSalesSummaryResolvers<ContextType>;
  PurchaseSummary?: PurchaseSummaryResolvers<ContextType>;
  QualityCheckResult?: QualityCheckResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegionalSales?: RegionalSalesResolvers<ContextType>;
  SalesSummary?: SalesSummaryResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
  TransactionConnection?: TransactionConnectionResolvers<ContextType>;
  TransactionEdge?: TransactionEdgeResolvers<ContextType>;
  TransactionItem?: TransactionItemResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
