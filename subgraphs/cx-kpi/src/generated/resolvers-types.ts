import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MarketplaceRef, KpiSeriesRow } from '../data';
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
 * Discover-stage KPIs (browse, search, help) of one period and group.
 * Counts are summed, ratios recomputed from the summed counts, means weighted by their count.
 */
export type DiscoverKpi = {
  __typename?: 'DiscoverKpi';
  /** Mean customer-effort score (1..7), weighted by cesResponses; null without responses. */
  cesAvg: Maybe<Scalars['Float']['output']>;
  /** Customer-effort survey responses (summed). */
  cesResponses: Scalars['BigInt']['output'];
  /** Share of top-box effort scores, weighted by cesResponses. */
  cesTopBoxRate: Maybe<Scalars['Float']['output']>;
  /** True when the whole period lies inside the filter's range; an incomplete period's sums cover only `days` days. */
  complete: Scalars['Boolean']['output'];
  /** Days of the period inside the filter's range: fewer than the period's own where the range cuts it (a WEEK starting before `from`). */
  days: Scalars['Int']['output'];
  /** The most frequent dominant search category. */
  dominantQueryCategory: Maybe<Scalars['String']['output']>;
  /** Detail page view rate: pdpViews / listImpressions; null when there were no impressions. */
  dpvr: Maybe<Scalars['Float']['output']>;
  /** Help sessions escalated to a contact (summed). */
  escalations: Scalars['BigInt']['output'];
  /** Share of high explore propensity, weighted by sessions. */
  exploreHighRate: Maybe<Scalars['Float']['output']>;
  /** Mean explore propensity, weighted by sessions. */
  explorePropensityMean: Maybe<Scalars['Float']['output']>;
  /** The period's length. */
  grain: Grain;
  /** escalations / helpSessions; null without help sessions. */
  helpBounceToContact: Maybe<Scalars['Float']['output']>;
  /** Help-centre sessions (summed). */
  helpSessions: Scalars['BigInt']['output'];
  /** Product list impressions (summed). */
  listImpressions: Scalars['BigInt']['output'];
  /** Marketplace code; null when not grouped by MARKETPLACE (the row covers all). */
  marketplace: Maybe<Scalars['String']['output']>;
  /** Share of negative reviews, weighted by sessions. */
  negReviewShare: Maybe<Scalars['Float']['output']>;
  /** True when any day of the period had a negative-review spike. */
  negReviewSpike: Maybe<Scalars['Boolean']['output']>;
  /** Product detail page views (summed). */
  pdpViews: Scalars['BigInt']['output'];
  /** Last day of the period (for TOTAL, the filter's last day). */
  periodEnd: Scalars['Date']['output'];
  /** First day of the period. */
  periodStart: Scalars['Date']['output'];
  /** Prime flag (0 or 1); null when not grouped by PRIME_FLAG (the row covers both). */
  primeFlag: Maybe<Scalars['Int']['output']>;
  /** True when a recommendation module was inserted on any day of the period. */
  recoInsertModule: Maybe<Scalars['Boolean']['output']>;
  /** The most frequent recommendation module type. */
  recoModuleType: Maybe<Scalars['String']['output']>;
  /** Sessions (summed). */
  sessions: Scalars['BigInt']['output'];
  /** Searches (summed). */
  totalSearches: Scalars['BigInt']['output'];
  /** Searches with no result (summed). */
  zeroResults: Scalars['BigInt']['output'];
  /** Zero-result rate: zeroResults / totalSearches; null without searches. */
  zrr: Maybe<Scalars['Float']['output']>;
};

/**
 * Fulfillment-stage KPIs (delivery, contacts, satisfaction) of one period and group.
 * Counts are summed, ratios recomputed from the summed counts, means weighted by their count.
 */
export type FulfillmentKpi = {
  __typename?: 'FulfillmentKpi';
  /** True when the whole period lies inside the filter's range; an incomplete period's sums cover only `days` days. */
  complete: Scalars['Boolean']['output'];
  /** Days of the period inside the filter's range: fewer than the period's own where the range cuts it (a WEEK starting before `from`). */
  days: Scalars['Int']['output'];
  /** exceptions / orders; null without orders. */
  deliveryExceptionRate: Maybe<Scalars['Float']['output']>;
  /** Delivery exceptions (summed). */
  exceptions: Scalars['BigInt']['output'];
  /** The period's length. */
  grain: Grain;
  /** Share of orders at high late risk, weighted by orders. */
  lateRiskHighRate: Maybe<Scalars['Float']['output']>;
  /** Mean predicted late-delivery risk, weighted by orders. */
  lateRiskMean: Maybe<Scalars['Float']['output']>;
  /** Marketplace code; null when not grouped by MARKETPLACE (the row covers all). */
  marketplace: Maybe<Scalars['String']['output']>;
  /** NPS responses (summed). */
  npsResponses: Scalars['BigInt']['output'];
  /** Net promoter score (-100..100), weighted by npsResponses; null without responses. */
  npsScore: Maybe<Scalars['Float']['output']>;
  /** Orders delivered (summed). */
  orders: Scalars['BigInt']['output'];
  /** On-time delivery rate, weighted by orders. */
  otdRate: Maybe<Scalars['Float']['output']>;
  /** Last day of the period (for TOTAL, the filter's last day). */
  periodEnd: Scalars['Date']['output'];
  /** First day of the period. */
  periodStart: Scalars['Date']['output'];
  /** Prime flag (0 or 1); null when not grouped by PRIME_FLAG (the row covers both). */
  primeFlag: Maybe<Scalars['Int']['output']>;
  /** Mean absolute error of the delivery promise in hours, weighted by orders. */
  promiseAccuracyMaeHours: Maybe<Scalars['Float']['output']>;
  /** wismoContacts / orders; null without orders. */
  wismoContactRate: Maybe<Scalars['Float']['output']>;
  /** Where-is-my-order contacts (summed). */
  wismoContacts: Scalars['BigInt']['output'];
};

/**
 * One period and segment of the funnel, from list impressions to on-time deliveries, joined across the
 * Discover, Purchase and Fulfillment stages: counts summed, each step's conversion recomputed from the
 * summed counts (null on a zero denominator), NPS weighted by its responses.
 */
export type FunnelPeriod = {
  __typename?: 'FunnelPeriod';
  /** addToCarts / pdpViews. */
  addToCartRate: Maybe<Scalars['Float']['output']>;
  /** Add-to-carts (Purchase). */
  addToCarts: Scalars['BigInt']['output'];
  /** True when the whole period lies inside the filter's range; an incomplete period's sums cover only `days` days. */
  complete: Scalars['Boolean']['output'];
  /** Days of the period inside the filter's range: fewer than the period's own where the range cuts it (a WEEK starting before `from`). */
  days: Scalars['Int']['output'];
  /** Orders delivered (Fulfillment). */
  deliveredOrders: Scalars['BigInt']['output'];
  /**
   * deliveredOrders / orders: orders delivered in the period over orders placed in it. Two different
   * flows (an order is delivered days after it is placed), so not a rate of one cohort: it exceeds 1
   * when deliveries catch up on earlier orders; null without orders.
   */
  deliveredToOrderedRatio: Maybe<Scalars['Float']['output']>;
  /** The period's length. */
  grain: Grain;
  /** List impressions (Discover). */
  listImpressions: Scalars['BigInt']['output'];
  /** Marketplace code; null unless grouped by MARKETPLACE. */
  marketplace: Maybe<Scalars['String']['output']>;
  /** Net promoter score, weighted by its responses. */
  npsScore: Maybe<Scalars['Float']['output']>;
  /** Orders delivered on time (Fulfillment: on-time rate times delivered orders, summed). */
  onTimeDeliveries: Scalars['BigInt']['output'];
  /** onTimeDeliveries / deliveredOrders. */
  onTimeRate: Maybe<Scalars['Float']['output']>;
  /**
   * orders / addToCarts: orders placed in the period over add-to-carts in it. Two different flows (an
   * order may come from a cart filled days before), so not a rate of one cohort: it exceeds 1 when
   * orders from earlier carts outnumber new carts; null without add-to-carts.
   */
  orderedToCartedRatio: Maybe<Scalars['Float']['output']>;
  /** Orders (Purchase). */
  orders: Scalars['BigInt']['output'];
  /** pdpViews / listImpressions. */
  pdpViewRate: Maybe<Scalars['Float']['output']>;
  /** Product detail page views (Discover). */
  pdpViews: Scalars['BigInt']['output'];
  /** Last day of the period (for TOTAL, the filter's last day). */
  periodEnd: Scalars['Date']['output'];
  /** First day of the period. */
  periodStart: Scalars['Date']['output'];
  /** Prime flag (0 or 1); null unless grouped by PRIME_FLAG. */
  primeFlag: Maybe<Scalars['Int']['output']>;
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

/** A dimension KPI rows can be grouped by; a dimension not grouped by is summed over (its field is null). */
export type KpiDimension =
  /** One row per marketplace. */
  | 'MARKETPLACE'
  /** One row per prime flag (0 = non-Prime, 1 = Prime). */
  | 'PRIME_FLAG';

/** Which daily KPI rows to read. */
export type KpiFilter = {
  /** First day included. */
  from: Scalars['Date']['input'];
  /** Only these marketplaces (`US`, `DE`, ...); all when absent. */
  marketplaces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only this prime flag (0 or 1); both when absent. */
  primeFlag?: InputMaybe<Scalars['Int']['input']>;
  /** Last day included. */
  to: Scalars['Date']['input'];
};

/** A CX marketplace and its KPI series. */
export type Marketplace = {
  __typename?: 'Marketplace';
  /** Marketplace code (`US`, `UK`, ...). */
  code: Scalars['String']['output'];
  /** This marketplace's discover KPIs per period and prime flag. */
  discoverKpis: Maybe<Array<DiscoverKpi>>;
  /** This marketplace's fulfillment KPIs per period and prime flag. */
  fulfillmentKpis: Maybe<Array<FulfillmentKpi>>;
  /** Country name. */
  name: Scalars['String']['output'];
  /** This marketplace's purchase KPIs per period and prime flag. */
  purchaseKpis: Maybe<Array<PurchaseKpi>>;
  /** Its IANA time zone (`America/New_York`): the local time of its records and its local calendar. */
  timeZone: Scalars['String']['output'];
};


/** A CX marketplace and its KPI series. */
export type MarketplaceDiscoverKpisArgs = {
  from: Scalars['Date']['input'];
  grain?: InputMaybe<Grain>;
  timeZone?: InputMaybe<TimeZoneBasis>;
  to: Scalars['Date']['input'];
};


/** A CX marketplace and its KPI series. */
export type MarketplaceFulfillmentKpisArgs = {
  from: Scalars['Date']['input'];
  grain?: InputMaybe<Grain>;
  timeZone?: InputMaybe<TimeZoneBasis>;
  to: Scalars['Date']['input'];
};


/** A CX marketplace and its KPI series. */
export type MarketplacePurchaseKpisArgs = {
  from: Scalars['Date']['input'];
  grain?: InputMaybe<Grain>;
  timeZone?: InputMaybe<TimeZoneBasis>;
  to: Scalars['Date']['input'];
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

/**
 * Purchase-stage KPIs (cart, checkout, payment) of one period and group.
 * Counts are summed, ratios recomputed from the summed counts, means weighted by their count.
 */
export type PurchaseKpi = {
  __typename?: 'PurchaseKpi';
  /** Add-to-cart events (summed). */
  atc: Scalars['BigInt']['output'];
  /** Add-to-cart rate: atc / pdpViews; null without views. */
  atcr: Maybe<Scalars['Float']['output']>;
  /** Mean checkout effort score (1..7), weighted by cesBuyResponses; null without responses. */
  cesBuyAvg: Maybe<Scalars['Float']['output']>;
  /** Checkout effort survey responses (summed). */
  cesBuyResponses: Scalars['BigInt']['output'];
  /** Share of top-box checkout effort scores, weighted by cesBuyResponses. */
  cesBuyTopbox: Maybe<Scalars['Float']['output']>;
  /** Checkout attempts (summed). */
  coAttempts: Scalars['BigInt']['output'];
  /** coErrors / coAttempts; null without attempts. */
  coErrRate: Maybe<Scalars['Float']['output']>;
  /** Checkout errors (summed). */
  coErrors: Scalars['BigInt']['output'];
  /** True when the whole period lies inside the filter's range; an incomplete period's sums cover only `days` days. */
  complete: Scalars['Boolean']['output'];
  /** Days of the period inside the filter's range: fewer than the period's own where the range cuts it (a WEEK starting before `from`). */
  days: Scalars['Int']['output'];
  /** Declined payments (summed). */
  declines: Scalars['BigInt']['output'];
  /** The period's length. */
  grain: Grain;
  /** Marketplace code; null when not grouped by MARKETPLACE (the row covers all). */
  marketplace: Maybe<Scalars['String']['output']>;
  /** The most frequent next-best checkout flow. */
  nbFlow: Maybe<Scalars['String']['output']>;
  /** The most frequent next-best promotion. */
  nbPromo: Maybe<Scalars['String']['output']>;
  /** Orders (summed; `orders_x`/`orders_y` of the export). */
  orders: Scalars['BigInt']['output'];
  /** declines / payments; null without payments. */
  payDeclRate: Maybe<Scalars['Float']['output']>;
  /** Payments (summed). */
  payments: Scalars['BigInt']['output'];
  /** Purchase conversion rate: orders / pdpSess; null without sessions. */
  pcr: Maybe<Scalars['Float']['output']>;
  /** Sessions with a detail page view (summed). */
  pdpSess: Scalars['BigInt']['output'];
  /** Product detail page views (summed). */
  pdpViews: Scalars['BigInt']['output'];
  /** Last day of the period (for TOTAL, the filter's last day). */
  periodEnd: Scalars['Date']['output'];
  /** First day of the period. */
  periodStart: Scalars['Date']['output'];
  /** Share of card payments, weighted by payments. */
  pmCardShare: Maybe<Scalars['Float']['output']>;
  /** Share of cash-on-delivery payments, weighted by payments. */
  pmCodShare: Maybe<Scalars['Float']['output']>;
  /** Share of gift-card payments, weighted by payments. */
  pmGiftcardShare: Maybe<Scalars['Float']['output']>;
  /** Share of wallet payments, weighted by payments. */
  pmWalletShare: Maybe<Scalars['Float']['output']>;
  /** Prime flag (0 or 1); null when not grouped by PRIME_FLAG (the row covers both). */
  primeFlag: Maybe<Scalars['Int']['output']>;
  /** Share of 10%-off promotions, weighted by orders. */
  promo10pctShare: Maybe<Scalars['Float']['output']>;
  /** Share of orders with a promotion, weighted by orders. */
  promoAppliedRate: Maybe<Scalars['Float']['output']>;
  /** Share of bundle promotions, weighted by orders. */
  promoBundleShare: Maybe<Scalars['Float']['output']>;
  /** Share of free-shipping promotions, weighted by orders. */
  promoFreeShipShare: Maybe<Scalars['Float']['output']>;
  /** Share of high purchase propensity, weighted by pdpSess. */
  propBuyHighRate: Maybe<Scalars['Float']['output']>;
  /** Mean purchase propensity, weighted by pdpSess. */
  propBuyMean: Maybe<Scalars['Float']['output']>;
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
  /** Discover KPIs over a date range, rolled up to `grain` and grouped by `groupBy`; at most 5,000 rows. */
  discoverKpis: Maybe<Array<DiscoverKpi>>;
  /** Fulfillment KPIs over a date range, rolled up to `grain` and grouped by `groupBy`; at most 5,000 rows. */
  fulfillmentKpis: Maybe<Array<FulfillmentKpi>>;
  /** The curated cross-stage funnel over a date range, rolled up to `grain` and grouped by `groupBy`; at most 5,000 rows. */
  funnel: Maybe<Array<FunnelPeriod>>;
  /** A CX marketplace by code (`US`, `UK`, ...); null for an unknown code. */
  marketplace: Maybe<Marketplace>;
  /** Purchase KPIs over a date range, rolled up to `grain` and grouped by `groupBy`; at most 5,000 rows. */
  purchaseKpis: Maybe<Array<PurchaseKpi>>;
};


export type QueryDiscoverKpisArgs = {
  filter: KpiFilter;
  grain?: InputMaybe<Grain>;
  groupBy?: InputMaybe<Array<KpiDimension>>;
  timeZone?: InputMaybe<TimeZoneBasis>;
};


export type QueryFulfillmentKpisArgs = {
  filter: KpiFilter;
  grain?: InputMaybe<Grain>;
  groupBy?: InputMaybe<Array<KpiDimension>>;
  timeZone?: InputMaybe<TimeZoneBasis>;
};


export type QueryFunnelArgs = {
  filter: KpiFilter;
  grain?: InputMaybe<Grain>;
  groupBy?: InputMaybe<Array<KpiDimension>>;
  timeZone?: InputMaybe<TimeZoneBasis>;
};


export type QueryMarketplaceArgs = {
  code: Scalars['String']['input'];
};


export type QueryPurchaseKpisArgs = {
  filter: KpiFilter;
  grain?: InputMaybe<Grain>;
  groupBy?: InputMaybe<Array<KpiDimension>>;
  timeZone?: InputMaybe<TimeZoneBasis>;
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
  Marketplace: Marketplace;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Marketplace:
    ( { __typename: 'Marketplace' }
    & GraphQLRecursivePick<FederationTypes['Marketplace'], {"code":true}> );
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
  DiscoverKpi: ResolverTypeWrapper<KpiSeriesRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FulfillmentKpi: ResolverTypeWrapper<KpiSeriesRow>;
  FunnelPeriod: ResolverTypeWrapper<FunnelPeriod>;
  Grain: Grain;
  KpiDimension: KpiDimension;
  KpiFilter: KpiFilter;
  Marketplace: ResolverTypeWrapper<MarketplaceRef>;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PurchaseKpi: ResolverTypeWrapper<KpiSeriesRow>;
  QualityCheckResult: ResolverTypeWrapper<QualityCheckResult>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
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
  DiscoverKpi: KpiSeriesRow;
  Float: Scalars['Float']['output'];
  FulfillmentKpi: KpiSeriesRow;
  FunnelPeriod: FunnelPeriod;
  KpiFilter: KpiFilter;
  Marketplace: MarketplaceRef;
  PageInfo: PageInfo;
  PurchaseKpi: KpiSeriesRow;
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

export type DiscoverKpiResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscoverKpi'] = ResolversParentTypes['DiscoverKpi']> = {
  cesAvg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cesResponses?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  cesTopBoxRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dominantQueryCategory?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dpvr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  escalations?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  exploreHighRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  explorePropensityMean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  helpBounceToContact?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  helpSessions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  listImpressions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  marketplace?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  negReviewShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  negReviewSpike?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  pdpViews?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  primeFlag?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  recoInsertModule?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  recoModuleType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sessions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  totalSearches?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  zeroResults?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  zrr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type FulfillmentKpiResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FulfillmentKpi'] = ResolversParentTypes['FulfillmentKpi']> = {
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveryExceptionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  exceptions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  lateRiskHighRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lateRiskMean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  marketplace?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  npsResponses?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  npsScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  otdRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  primeFlag?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  promiseAccuracyMaeHours?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  wismoContactRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  wismoContacts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type FunnelPeriodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FunnelPeriod'] = ResolversParentTypes['FunnelPeriod']> = {
  addToCartRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  addToCarts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveredOrders?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  deliveredToOrderedRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  listImpressions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  marketplace?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  npsScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  onTimeDeliveries?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  onTimeRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  orderedToCartedRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pdpViewRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pdpViews?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  primeFlag?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type MarketplaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Marketplace'] = ResolversParentTypes['Marketplace'], FederationReferenceType extends FederationReferenceTypes['Marketplace'] = FederationReferenceTypes['Marketplace']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Marketplace']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discoverKpis?: Resolver<Maybe<Array<ResolversTypes['DiscoverKpi']>>, ParentType, ContextType, RequireFields<MarketplaceDiscoverKpisArgs, 'from' | 'grain' | 'timeZone' | 'to'>>;
  fulfillmentKpis?: Resolver<Maybe<Array<ResolversTypes['FulfillmentKpi']>>, ParentType, ContextType, RequireFields<MarketplaceFulfillmentKpisArgs, 'from' | 'grain' | 'timeZone' | 'to'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purchaseKpis?: Resolver<Maybe<Array<ResolversTypes['PurchaseKpi']>>, ParentType, ContextType, RequireFields<MarketplacePurchaseKpisArgs, 'from' | 'grain' | 'timeZone' | 'to'>>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PurchaseKpiResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseKpi'] = ResolversParentTypes['PurchaseKpi']> = {
  atc?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  atcr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cesBuyAvg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cesBuyResponses?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  cesBuyTopbox?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  coAttempts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  coErrRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  coErrors?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  declines?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  marketplace?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nbFlow?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nbPromo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  payDeclRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  payments?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pcr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pdpSess?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pdpViews?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  pmCardShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pmCodShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pmGiftcardShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pmWalletShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  primeFlag?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  promo10pctShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  promoAppliedRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  promoBundleShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  promoFreeShipShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  propBuyHighRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  propBuyMean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QualityCheckResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QualityCheckResult'] = ResolversParentTypes['QualityCheckResult']> = {
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  dataProducts?: Resolver<ResolversTypes['DataProducts'], ParentType, ContextType>;
  discoverKpis?: Resolver<Maybe<Array<ResolversTypes['DiscoverKpi']>>, ParentType, ContextType, RequireFields<QueryDiscoverKpisArgs, 'filter' | 'grain' | 'groupBy' | 'timeZone'>>;
  fulfillmentKpis?: Resolver<Maybe<Array<ResolversTypes['FulfillmentKpi']>>, ParentType, ContextType, RequireFields<QueryFulfillmentKpisArgs, 'filter' | 'grain' | 'groupBy' | 'timeZone'>>;
  funnel?: Resolver<Maybe<Array<ResolversTypes['FunnelPeriod']>>, ParentType, ContextType, RequireFields<QueryFunnelArgs, 'filter' | 'grain' | 'groupBy' | 'timeZone'>>;
  marketplace?: Resolver<Maybe<ResolversTypes['Marketplace']>, ParentType, ContextType, RequireFields<QueryMarketplaceArgs, 'code'>>;
  purchaseKpis?: Resolver<Maybe<Array<ResolversTypes['PurchaseKpi']>>, ParentType, ContextType, RequireFields<QueryPurchaseKpisArgs, 'filter' | 'grain' | 'groupBy' | 'timeZone'>>;
};

export type Resolvers<ContextType = Context> = {
  BigInt?: GraphQLScalarType;
  DataProduct?: DataProductResolvers<ContextType>;
  DataProductTable?: DataProductTableResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DiscoverKpi?: DiscoverKpiResolvers<ContextType>;
  FulfillmentKpi?: FulfillmentKpiResolvers<ContextType>;
  FunnelPeriod?: FunnelPeriodResolvers<ContextType>;
  Marketplace?: MarketplaceResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PurchaseKpi?: PurchaseKpiResolvers<ContextType>;
  QualityCheckResult?: QualityCheckResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
