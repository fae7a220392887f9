import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AccessEventRow } from '../data';
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

/** One request to the gateway, however it ended. */
export type AccessEvent = {
  __typename?: 'AccessEvent';
  /** The distinct error codes of the response. */
  codes: Array<Scalars['String']['output']>;
  /** Fields the document selected. */
  coordinates: Array<Scalars['String']['output']>;
  /** The customers whose personal data (the policy's personal fields) the answer carried, at most 1,000. */
  customerIds: Array<Scalars['String']['output']>;
  /** Whether the answer carried more customers' personal data than `customerIds` names. */
  customerIdsTruncated: Scalars['Boolean']['output'];
  /** Fields that were denied. */
  denied: Array<Scalars['String']['output']>;
  /** The document's text (as the trail keeps it: control characters replaced, cut past 64 KiB); null when the request carried none. */
  document: Maybe<Scalars['String']['output']>;
  /** SHA-256 of the document. */
  documentHash: Scalars['String']['output'];
  /** Event id. */
  id: Scalars['ID']['output'];
  /** Row scope of the caller; null for all markets. */
  markets: Maybe<Array<Scalars['String']['output']>>;
  /** When it was answered. */
  occurredAt: Scalars['DateTime']['output'];
  /** Operation name. */
  operationName: Maybe<Scalars['String']['output']>;
  /** How it ended: `ok`, `denied`, `invalid`, `unauthenticated`, `limited`, `error`. */
  outcome: Scalars['String']['output'];
  /** The access policy's version in force when it was answered (empty before versions were recorded). */
  policyVersion: Scalars['String']['output'];
  /** Why the request read, as the client said it in the `x-c360-purpose` header; null when it said nothing. */
  purpose: Maybe<Scalars['String']['output']>;
  /** The request's id, as every log line of that request names it (`x-request-id`). */
  requestId: Maybe<Scalars['String']['output']>;
  /** Roles the token claimed, known to the policy or not. */
  roles: Array<Scalars['String']['output']>;
  /** The HTTP status answered (0: the connection ended first). */
  status: Scalars['Int']['output'];
  /** Token subject; null when the token was refused. */
  subject: Maybe<Scalars['String']['output']>;
  /** The request's variables as JSON text (cut past 4 KiB), the values of inputs the policy marks secret (a search by email, phone or name) masked as `***`; null when it had none or was refused before it ran. */
  variables: Maybe<Scalars['String']['output']>;
};

/** A page of access events. */
export type AccessEventConnection = {
  __typename?: 'AccessEventConnection';
  /** The events of this page. */
  edges: Array<AccessEventEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Events matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An access event in a page. */
export type AccessEventEdge = {
  __typename?: 'AccessEventEdge';
  /** Cursor of this event, for `after`. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: AccessEvent;
};

/** Filters on the access trail; all given conditions must hold. */
export type AccessEventFilter = {
  /** Events whose request selected this field (`Customer.email`). */
  coordinate?: InputMaybe<Scalars['String']['input']>;
  /** Events whose answer carried this customer's personal data (`CUST003`), and those whose list of customers was cut (`customerIdsTruncated`: they may have). */
  customerId?: InputMaybe<Scalars['String']['input']>;
  /** Events whose request was denied this field. */
  deniedCoordinate?: InputMaybe<Scalars['String']['input']>;
  /** At or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Operation name. */
  operationName?: InputMaybe<Scalars['String']['input']>;
  /** Outcome: `ok`, `denied`, `invalid`, `unauthenticated`, `limited`, `error`. */
  outcome?: InputMaybe<Scalars['String']['input']>;
  /** Events whose request gave this purpose (`x-c360-purpose`), exactly. */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** A role the caller held. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Token subject. */
  subject?: InputMaybe<Scalars['String']['input']>;
  /** Before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What a role would be denied in a document. */
export type AccessExplanation = {
  __typename?: 'AccessExplanation';
  /** True when nothing in the document would be denied. */
  allowed: Scalars['Boolean']['output'];
  /** The fields that would be denied. */
  denied: Array<DeniedField>;
  /** The role explained. */
  role: Scalars['String']['output'];
};

/** The access policy as data: who holds what, and what it opens. */
export type AccessPolicy = {
  __typename?: 'AccessPolicy';
  /** Every entitlement and the fields it opens. */
  entitlements: Array<EntitlementGrant>;
  /** Every field of the graph and who may read it. */
  fields: Array<FieldAccess>;
  /** Every role and the entitlements it holds. */
  roles: Array<RoleGrant>;
  /** The policy's version: a hash of its content, as every process reports it. */
  version: Scalars['String']['output'];
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

/** A field a role would be denied. */
export type DeniedField = {
  __typename?: 'DeniedField';
  /** Schema coordinate. */
  coordinate: Scalars['String']['output'];
  /** Entitlements any of which would open it (empty: open to no role). */
  missing: Array<Scalars['String']['output']>;
  /** Where it stands in the document (response keys; `...Fragment.field` inside a named fragment). */
  path: Scalars['String']['output'];
};

/** An entitlement and the schema coordinates it opens. */
export type EntitlementGrant = {
  __typename?: 'EntitlementGrant';
  /** Fields it opens (`Customer.email`). */
  coordinates: Array<Scalars['String']['output']>;
  /** What it grants. */
  description: Scalars['String']['output'];
  /** Entitlement name, `domain:verb`. */
  name: Scalars['String']['output'];
};

/** One field of the graph and who may read it. */
export type FieldAccess = {
  __typename?: 'FieldAccess';
  /** Schema coordinate (`Customer.email`). */
  coordinate: Scalars['String']['output'];
  /** Entitlements any of which opens it. */
  entitlements: Array<Scalars['String']['output']>;
  /** Roles that may read it. */
  roles: Array<Scalars['String']['output']>;
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
  /** The access trail: one event per request to the gateway, refused ones included, newest first. Auditors only. */
  accessEvents: Maybe<AccessEventConnection>;
  /** The access policy: roles, entitlements, and for every field the roles and entitlements that open it. Auditors only. */
  accessPolicy: Maybe<AccessPolicy>;
  /** Self-description of the data products behind the graph: owners, tables, freshness, quality. */
  dataProducts: DataProducts;
  /** Which fields of `document` the role would be denied, and by which missing entitlement, without running it. Auditors only. */
  explainAccess: Maybe<AccessExplanation>;
};


export type QueryAccessEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExplainAccessArgs = {
  document: Scalars['String']['input'];
  role: Scalars['String']['input'];
};

/** A role and its entitlements. */
export type RoleGrant = {
  __typename?: 'RoleGrant';
  /** Entitlements it holds (`customer:read`). */
  entitlements: Array<Scalars['String']['output']>;
  /** Role name (`marketing_analyst`). */
  name: Scalars['String']['output'];
};

/** Whose calendar a grouping of facts by day, week or month counts each row in. */
export type TimeZoneBasis =
  /** The local date in the row's marketplace's time zone (`Marketplace.timeZone`); a row without a marketplace falls on its UTC date. */
  | 'MARKET'
  /** The UTC date. */
  | 'UTC';



export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessEvent: ResolverTypeWrapper<AccessEventRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AccessEventConnection: ResolverTypeWrapper<Omit<AccessEventConnection, 'edges'> & { edges: Array<ResolversTypes['AccessEventEdge']> }>;
  AccessEventEdge: ResolverTypeWrapper<Omit<AccessEventEdge, 'node'> & { node: ResolversTypes['AccessEvent'] }>;
  AccessEventFilter: AccessEventFilter;
  AccessExplanation: ResolverTypeWrapper<AccessExplanation>;
  AccessPolicy: ResolverTypeWrapper<AccessPolicy>;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  DataProduct: ResolverTypeWrapper<DataProduct>;
  DataProductTable: ResolverTypeWrapper<DataProductTable>;
  DataProducts: ResolverTypeWrapper<DataProducts>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DeniedField: ResolverTypeWrapper<DeniedField>;
  EntitlementGrant: ResolverTypeWrapper<EntitlementGrant>;
  FieldAccess: ResolverTypeWrapper<FieldAccess>;
  Grain: Grain;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  QualityCheckResult: ResolverTypeWrapper<QualityCheckResult>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RoleGrant: ResolverTypeWrapper<RoleGrant>;
  TimeZoneBasis: TimeZoneBasis;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessEvent: AccessEventRow;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  AccessEventConnection: Omit<AccessEventConnection, 'edges'> & { edges: Array<ResolversParentTypes['AccessEventEdge']> };
  AccessEventEdge: Omit<AccessEventEdge, 'node'> & { node: ResolversParentTypes['AccessEvent'] };
  AccessEventFilter: AccessEventFilter;
  AccessExplanation: AccessExplanation;
  AccessPolicy: AccessPolicy;
  BigInt: Scalars['BigInt']['output'];
  DataProduct: DataProduct;
  DataProductTable: DataProductTable;
  DataProducts: DataProducts;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  DeniedField: DeniedField;
  EntitlementGrant: EntitlementGrant;
  FieldAccess: FieldAccess;
  PageInfo: PageInfo;
  QualityCheckResult: QualityCheckResult;
  Query: Record<PropertyKey, never>;
  RoleGrant: RoleGrant;
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

export type AccessEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessEvent'] = ResolversParentTypes['AccessEvent']> = {
  codes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  coordinates?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  customerIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  customerIdsTruncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  denied?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documentHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  markets?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policyVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  variables?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AccessEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessEventConnection'] = ResolversParentTypes['AccessEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AccessEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AccessEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessEventEdge'] = ResolversParentTypes['AccessEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AccessEvent'], ParentType, ContextType>;
};

export type AccessExplanationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessExplanation'] = ResolversParentTypes['AccessExplanation']> = {
  allowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  denied?: Resolver<Array<ResolversTypes['DeniedField']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AccessPolicyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessPolicy'] = ResolversParentTypes['AccessPolicy']> = {
  entitlements?: Resolver<Array<ResolversTypes['EntitlementGrant']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['FieldAccess']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['RoleGrant']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

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

export type DeniedFieldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeniedField'] = ResolversParentTypes['DeniedField']> = {
  coordinate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  missing?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EntitlementGrantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EntitlementGrant'] = ResolversParentTypes['EntitlementGrant']> = {
  coordinates?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FieldAccessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldAccess'] = ResolversParentTypes['FieldAccess']> = {
  coordinate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entitlements?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QualityCheckResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QualityCheckResult'] = ResolversParentTypes['QualityCheckResult']> = {
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accessEvents?: Resolver<Maybe<ResolversTypes['AccessEventConnection']>, ParentType, ContextType, RequireFields<QueryAccessEventsArgs, 'first'>>;
  accessPolicy?: Resolver<Maybe<ResolversTypes['AccessPolicy']>, ParentType, ContextType>;
  dataProducts?: Resolver<ResolversTypes['DataProducts'], ParentType, ContextType>;
  explainAccess?: Resolver<Maybe<ResolversTypes['AccessExplanation']>, ParentType, ContextType, RequireFields<QueryExplainAccessArgs, 'document' | 'role'>>;
};

export type RoleGrantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RoleGrant'] = ResolversParentTypes['RoleGrant']> = {
  entitlements?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AccessEvent?: AccessEventResolvers<ContextType>;
  AccessEventConnection?: AccessEventConnectionResolvers<ContextType>;
  AccessEventEdge?: AccessEventEdgeResolvers<ContextType>;
  AccessExplanation?: AccessExplanationResolvers<ContextType>;
  AccessPolicy?: AccessPolicyResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  DataProduct?: DataProductResolvers<ContextType>;
  DataProductTable?: DataProductTableResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DeniedField?: DeniedFieldResolvers<ContextType>;
  EntitlementGrant?: EntitlementGrantResolvers<ContextType>;
  FieldAccess?: FieldAccessResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  QualityCheckResult?: QualityCheckResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RoleGrant?: RoleGrantResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
