import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRow, LoyaltyRow, TicketRow, SupportSummaryRow, SessionRow, TransactionRef } from '../data';
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

/** A session in the retailer's app. */
export type AppSession = {
  __typename?: 'AppSession';
  /** Actions taken. */
  actionsTaken: Scalars['Int']['output'];
  /** App version. */
  appVersion: Maybe<Scalars['String']['output']>;
  /** The customer whose session it was; null when outside the caller's markets. */
  customer: Maybe<Customer>;
  /** Its customer's id: whose personal data the rest of it is. */
  customerId: Maybe<Scalars['ID']['output']>;
  /** Device: `ios`, `android`, `web`. */
  deviceType: Scalars['String']['output'];
  /** Session id (`usage_id`). */
  id: Scalars['ID']['output'];
  /** Pages viewed. */
  pagesViewed: Scalars['Int']['output'];
  /** Day of the session. */
  sessionDate: Scalars['Date']['output'];
  /** Duration in minutes. */
  sessionDurationMinutes: Scalars['Int']['output'];
  /** When it started. */
  sessionStart: Scalars['DateTime']['output'];
  /** sessionStart in the local time of its customer's market (ISO 8601 with the UTC offset in force then: `2024-05-15T10:30:00-04:00`); null when the country maps to no marketplace. */
  sessionStartLocal: Maybe<Scalars['String']['output']>;
};

/** A page of a customer's app sessions. */
export type AppSessionConnection = {
  __typename?: 'AppSessionConnection';
  /** The sessions of this page. */
  edges: Array<AppSessionEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** The customer's sessions over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An app session in a page. */
export type AppSessionEdge = {
  __typename?: 'AppSessionEdge';
  /** Cursor of this session, for `after`. */
  cursor: Scalars['String']['output'];
  /** The session. */
  node: AppSession;
};

/** A customer of the retailer: CRM profile, loyalty, support history and app usage. */
export type Customer = {
  __typename?: 'Customer';
  /** Street address. */
  addressLine1: Maybe<Scalars['String']['output']>;
  /** App sessions, newest first. */
  appSessions: Maybe<AppSessionConnection>;
  /** City. */
  city: Maybe<Scalars['String']['output']>;
  /** Country as written in the CRM. */
  country: Maybe<Scalars['String']['output']>;
  /** Segment: `Premium`, `Standard`, `Basic`. */
  customerSegment: Maybe<Scalars['String']['output']>;
  /** Date of birth. */
  dateOfBirth: Maybe<Scalars['Date']['output']>;
  /** Email address. */
  email: Maybe<Scalars['String']['output']>;
  /** Given name. */
  firstName: Maybe<Scalars['String']['output']>;
  /** Gender as recorded (`F`, `M`). */
  gender: Maybe<Scalars['String']['output']>;
  /** Customer id (`customer_id`). */
  id: Scalars['ID']['output'];
  /** Family name. */
  lastName: Maybe<Scalars['String']['output']>;
  /** Loyalty programme membership; null when not a member. */
  loyalty: Maybe<Loyalty>;
  /** The CX marketplace of the customer's country, with its KPIs; null when the country maps to none. */
  marketplace: Maybe<Marketplace>;
  /** Phone number. */
  phone: Maybe<Scalars['String']['output']>;
  /** Preferred channel: `online`, `store`, `mobile`. */
  preferredChannel: Maybe<Scalars['String']['output']>;
  /** When the customer registered. */
  registrationDate: Maybe<Scalars['DateTime']['output']>;
  /** registrationDate in the local time of the customer's market (ISO 8601 with the UTC offset in force then: `2024-05-15T10:30:00-04:00`); null without a registration date or when the country maps to no marketplace. */
  registrationDateLocal: Maybe<Scalars['String']['output']>;
  /** State or region. */
  state: Maybe<Scalars['String']['output']>;
  /** Support tickets, newest first. */
  supportTickets: Maybe<SupportTicketConnection>;
  /** Postal code. */
  zipCode: Maybe<Scalars['String']['output']>;
};


/** A customer of the retailer: CRM profile, loyalty, support history and app usage. */
export type CustomerAppSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer of the retailer: CRM profile, loyalty, support history and app usage. */
export type CustomerSupportTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of customers. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers of this page, each with its cursor. */
  edges: Array<CustomerEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Customers matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A customer in a page. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Cursor of this customer, for `after`. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** Filters on customers; all given conditions must hold. */
export type CustomerFilter = {
  /** Country as written in the CRM (`USA`, `United Kingdom`). */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Email address, exact but case-insensitive (needs the right to read emails). */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Loyalty tier (`Gold`); only programme members match (needs the right to read tiers). */
  loyaltyTier?: InputMaybe<Scalars['String']['input']>;
  /** CX marketplace code the customer's country maps to (`US`, `UK`). */
  marketplace?: InputMaybe<Scalars['String']['input']>;
  /** Loyalty lifetime value at least this; only programme members match (needs the right to read it). */
  minLifetimeValue?: InputMaybe<Scalars['Decimal']['input']>;
  /** Case-insensitive prefix of the first or the last name (needs the right to read both). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Phone number, exact on its digits: `+1 (555) 0103` finds `+1-555-0103` (needs the right to read phones). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Registered at or after this instant. */
  registeredFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Registered before this instant. */
  registeredTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** Customer segment: `Premium`, `Standard`, `Basic`. */
  segment?: InputMaybe<Scalars['String']['input']>;
};

/** How to order customers; ties are broken by id, in the same direction. A cursor belongs to its order. */
export type CustomerOrder = {
  /** Ascending (the default) or descending. */
  direction?: InputMaybe<OrderDirection>;
  /** The value to order by. */
  field: CustomerOrderField;
};

/** What customers can be ordered by. */
export type CustomerOrderField =
  /** Customer id. */
  | 'ID'
  /** Family name (needs the right to read it). */
  | 'LAST_NAME'
  /** Loyalty lifetime value; a customer outside the programme counts as 0 (needs the right to read it). */
  | 'LIFETIME_VALUE'
  /** When the customer registered. */
  | 'REGISTRATION_DATE';

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

/** A customer's loyalty programme membership. */
export type Loyalty = {
  __typename?: 'Loyalty';
  /** The member; null when outside the caller's markets. */
  customer: Maybe<Customer>;
  /** Its customer's id: whose personal data the rest of it is. */
  customerId: Maybe<Scalars['ID']['output']>;
  /** Lifetime value in USD. */
  lifetimeValue: Scalars['Decimal']['output'];
  /** Tier: `Bronze`, `Silver`, `Gold`, `Platinum`. */
  loyaltyTier: Scalars['String']['output'];
  /** Points available. */
  pointsBalance: Scalars['Int']['output'];
  /** Points earned this year. */
  pointsEarnedYtd: Scalars['Int']['output'];
  /** Points redeemed this year. */
  pointsRedeemedYtd: Scalars['Int']['output'];
  /** Since when the customer holds this tier. */
  tierStartDate: Scalars['Date']['output'];
};

/** A CX marketplace and its KPI series. */
export type Marketplace = {
  __typename?: 'Marketplace';
  /** Marketplace code (`US`, `UK`, ...). */
  code: Scalars['String']['output'];
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
  /** A customer by id (`CUST001`); null when there is no such customer. */
  customer: Maybe<Customer>;
  /** Customers in id order, filtered; `first` defaults to 50, at most 500. */
  customers: Maybe<CustomerConnection>;
  /** Self-description of the data products behind the graph: owners, tables, freshness, quality. */
  dataProducts: DataProducts;
  /** Support tickets aggregated in one SQL GROUP BY by the dimensions in `groupBy` (the others come back null); at most 5,000 rows. */
  supportSummary: Maybe<Array<SupportSummary>>;
  /** Support tickets of customers in the caller's markets, filtered, in id order unless `orderBy` says otherwise; `first` defaults to 50, at most 500. */
  supportTickets: Maybe<SupportTicketConnection>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CustomerOrder>;
};


export type QuerySupportSummaryArgs = {
  filter?: InputMaybe<SupportSummaryFilter>;
  groupBy?: InputMaybe<Array<SupportDimension>>;
};


export type QuerySupportTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SupportTicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<SupportTicketOrder>;
};

/** A dimension a support summary can be grouped by. */
export type SupportDimension =
  /** The ticket's category. */
  | 'CATEGORY'
  /** The channel it came in by. */
  | 'CHANNEL'
  /** Its priority. */
  | 'PRIORITY'
  /** Its status. */
  | 'STATUS';

/** Support tickets of one group, each dimension not grouped by null. */
export type SupportSummary = {
  __typename?: 'SupportSummary';
  /** Category; null unless grouped by CATEGORY. */
  category: Maybe<Scalars['String']['output']>;
  /** Channel; null unless grouped by CHANNEL. */
  channel: Maybe<Scalars['String']['output']>;
  /** Mean satisfaction score (1-5) of the rated tickets; null when none is rated. */
  meanSatisfaction: Maybe<Scalars['Float']['output']>;
  /** Priority; null unless grouped by PRIORITY. */
  priority: Maybe<Scalars['String']['output']>;
  /** Tickets with a satisfaction score. */
  ratedCount: Scalars['Int']['output'];
  /** Status; null unless grouped by STATUS. */
  status: Maybe<Scalars['String']['output']>;
  /** Tickets in the group. */
  ticketCount: Scalars['Int']['output'];
};

/** Filters on the tickets a support summary aggregates; all given conditions must hold. */
export type SupportSummaryFilter = {
  /** Category: `billing`, `shipping`, `product`, ... */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Channel: `email`, `phone`, `chat`, ... */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** Created on or after this day (UTC). */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Priority: `low`, `medium`, `high`, `urgent`. */
  priority?: InputMaybe<Scalars['String']['input']>;
  /** Status: `open`, `in_progress`, `resolved`, `closed`. */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Created on or before this day (UTC). */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A support ticket. */
export type SupportTicket = {
  __typename?: 'SupportTicket';
  /** Topic: `billing`, `product`, `shipping`, `account`, `technical`. */
  category: Scalars['String']['output'];
  /** Contact channel: `email`, `phone`, `chat`, `store`. */
  channel: Scalars['String']['output'];
  /** When it was opened. */
  createdDate: Scalars['DateTime']['output'];
  /** createdDate in the local time of its customer's market (ISO 8601 with the UTC offset in force then: `2024-05-15T10:30:00-04:00`); null when the country maps to no marketplace. */
  createdDateLocal: Maybe<Scalars['String']['output']>;
  /** The customer who opened it; null when outside the caller's markets. */
  customer: Maybe<Customer>;
  /** Its customer's id: whose personal data the rest of it is. */
  customerId: Maybe<Scalars['ID']['output']>;
  /** Ticket id (`ticket_id`). */
  id: Scalars['ID']['output'];
  /** Priority: `low`, `medium`, `high`, `urgent`. */
  priority: Scalars['String']['output'];
  /** When it was resolved; null while open. */
  resolvedDate: Maybe<Scalars['DateTime']['output']>;
  /** resolvedDate in the local time of its customer's market, like createdDateLocal; null while open. */
  resolvedDateLocal: Maybe<Scalars['String']['output']>;
  /** Satisfaction score 1..5; null until rated. */
  satisfactionScore: Maybe<Scalars['Int']['output']>;
  /** Status: `open`, `in_progress`, `resolved`. */
  status: Scalars['String']['output'];
};

/** A page of a customer's support tickets. */
export type SupportTicketConnection = {
  __typename?: 'SupportTicketConnection';
  /** The tickets of this page. */
  edges: Array<SupportTicketEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** The customer's tickets over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A support ticket in a page. */
export type SupportTicketEdge = {
  __typename?: 'SupportTicketEdge';
  /** Cursor of this ticket, for `after`. */
  cursor: Scalars['String']['output'];
  /** The ticket. */
  node: SupportTicket;
};

/** Filters on support tickets; all given conditions must hold. */
export type SupportTicketFilter = {
  /** Category: `billing`, `shipping`, `product`, ... */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Created on or after this day (UTC). */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Priority: `low`, `medium`, `high`, `urgent`. */
  priority?: InputMaybe<Scalars['String']['input']>;
  /** Status: `open`, `in_progress`, `resolved`, `closed`. */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Created on or before this day (UTC). */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** How to order support tickets; a cursor belongs to its order. */
export type SupportTicketOrder = {
  /** Ascending (the default) or descending. */
  direction?: InputMaybe<OrderDirection>;
  /** The value to order by. */
  field: SupportTicketOrderField;
};

/** What support tickets can be ordered by; ties are broken by id, in the same direction. */
export type SupportTicketOrderField =
  /** When it was opened. */
  | 'CREATED_DATE'
  /** Ticket id. */
  | 'ID';

/** Whose calendar a grouping of facts by day, week or month counts each row in. */
export type TimeZoneBasis =
  /** The local date in the row's marketplace's time zone (`Marketplace.timeZone`); a row without a marketplace falls on its UTC date. */
  | 'MARKET'
  /** The UTC date. */
  | 'UTC';

/** A purchase: online, mobile or in a store. */
export type Transaction = {
  __typename?: 'Transaction';
  /** The customer who bought; null when outside the caller's markets. */
  customer: Maybe<Customer>;
  /** The buyer's customer id; not exposed: the customer subgraph resolves `customer` from it, within the caller's row scope. */
  customerId: Maybe<Scalars['String']['output']>;
  /** Transaction id (`transaction_id`). */
  id: Scalars['ID']['output'];
};



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
  Transaction: Transaction;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Transaction:
    ( { __typename: 'Transaction' }
    & GraphQLRecursivePick<FederationTypes['Transaction'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Transaction'], {"customerId":true}> ) );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AppSession: ResolverTypeWrapper<SessionRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AppSessionConnection: ResolverTypeWrapper<Omit<AppSessionConnection, 'edges'> & { edges: Array<ResolversTypes['AppSessionEdge']> }>;
  AppSessionEdge: ResolverTypeWrapper<Omit<AppSessionEdge, 'node'> & { node: ResolversTypes['AppSession'] }>;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  Customer: ResolverTypeWrapper<CustomerRow>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerFilter: CustomerFilter;
  CustomerOrder: CustomerOrder;
  CustomerOrderField: CustomerOrderField;
  DataProduct: ResolverTypeWrapper<DataProduct>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DataProductTable: ResolverTypeWrapper<DataProductTable>;
  DataProducts: ResolverTypeWrapper<DataProducts>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Grain: Grain;
  Loyalty: ResolverTypeWrapper<LoyaltyRow>;
  Marketplace: ResolverTypeWrapper<Marketplace>;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  QualityCheckResult: ResolverTypeWrapper<QualityCheckResult>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SupportDimension: SupportDimension;
  SupportSummary: ResolverTypeWrapper<SupportSummaryRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  SupportSummaryFilter: SupportSummaryFilter;
  SupportTicket: ResolverTypeWrapper<TicketRow>;
  SupportTicketConnection: ResolverTypeWrapper<Omit<SupportTicketConnection, 'edges'> & { edges: Array<ResolversTypes['SupportTicketEdge']> }>;
  SupportTicketEdge: ResolverTypeWrapper<Omit<SupportTicketEdge, 'node'> & { node: ResolversTypes['SupportTicket'] }>;
  SupportTicketFilter: SupportTicketFilter;
  SupportTicketOrder: SupportTicketOrder;
  SupportTicketOrderField: SupportTicketOrderField;
  TimeZoneBasis: TimeZoneBasis;
  Transaction: ResolverTypeWrapper<TransactionRef>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AppSession: SessionRow;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  AppSessionConnection: Omit<AppSessionConnection, 'edges'> & { edges: Array<ResolversParentTypes['AppSessionEdge']> };
  AppSessionEdge: Omit<AppSessionEdge, 'node'> & { node: ResolversParentTypes['AppSession'] };
  BigInt: Scalars['BigInt']['output'];
  Customer: CustomerRow;
  CustomerConnection: Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  CustomerFilter: CustomerFilter;
  CustomerOrder: CustomerOrder;
  DataProduct: DataProduct;
  Boolean: Scalars['Boolean']['output'];
  DataProductTable: DataProductTable;
  DataProducts: DataProducts;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Loyalty: LoyaltyRow;
  Marketplace: Marketplace;
  PageInfo: PageInfo;
  QualityCheckResult: QualityCheckResult;
  Query: Record<PropertyKey, never>;
  SupportSummary: SupportSummaryRow;
  Float: Scalars['Float']['output'];
  SupportSummaryFilter: SupportSummaryFilter;
  SupportTicket: TicketRow;
  SupportTicketConnection: Omit<SupportTicketConnection, 'edges'> & { edges: Array<ResolversParentTypes['SupportTicketEdge']> };
  SupportTicketEdge: Omit<SupportTicketEdge, 'node'> & { node: ResolversParentTypes['SupportTicket'] };
  SupportTicketFilter: SupportTicketFilter;
  SupportTicketOrder: SupportTicketOrder;
  Transaction: TransactionRef;
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

export type AppSessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AppSession'] = ResolversParentTypes['AppSession']> = {
  actionsTaken?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  appVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  deviceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pagesViewed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sessionDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  sessionDurationMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sessionStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sessionStartLocal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AppSessionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AppSessionConnection'] = ResolversParentTypes['AppSessionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AppSessionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AppSessionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AppSessionEdge'] = ResolversParentTypes['AppSessionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AppSession'], ParentType, ContextType>;
};

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  addressLine1?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  appSessions?: Resolver<Maybe<ResolversTypes['AppSessionConnection']>, ParentType, ContextType, RequireFields<CustomerAppSessionsArgs, 'first'>>;
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customerSegment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  loyalty?: Resolver<Maybe<ResolversTypes['Loyalty']>, ParentType, ContextType>;
  marketplace?: Resolver<Maybe<ResolversTypes['Marketplace']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  preferredChannel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registrationDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  registrationDateLocal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  supportTickets?: Resolver<Maybe<ResolversTypes['SupportTicketConnection']>, ParentType, ContextType, RequireFields<CustomerSupportTicketsArgs, 'first'>>;
  zipCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
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

export type LoyaltyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Loyalty'] = ResolversParentTypes['Loyalty']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  lifetimeValue?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  loyaltyTier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointsBalance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsEarnedYtd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsRedeemedYtd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tierStartDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type MarketplaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Marketplace'] = ResolversParentTypes['Marketplace']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<Maybe<ResolversTypes['CustomerConnection']>, ParentType, ContextType, RequireFields<QueryCustomersArgs, 'first'>>;
  dataProducts?: Resolver<ResolversTypes['DataProducts'], ParentType, ContextType>;
  supportSummary?: Resolver<Maybe<Array<ResolversTypes['SupportSummary']>>, ParentType, ContextType, RequireFields<QuerySupportSummaryArgs, 'groupBy'>>;
  supportTickets?: Resolver<Maybe<ResolversTypes['SupportTicketConnection']>, ParentType, ContextType, RequireFields<QuerySupportTicketsArgs, 'first'>>;
};

export type SupportSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportSummary'] = ResolversParentTypes['SupportSummary']> = {
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  channel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  meanSatisfaction?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  priority?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ratedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ticketCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupportTicketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportTicket'] = ResolversParentTypes['SupportTicket']> = {
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdDate?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdDateLocal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolvedDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedDateLocal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  satisfactionScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupportTicketConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportTicketConnection'] = ResolversParentTypes['SupportTicketConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SupportTicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupportTicketEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportTicketEdge'] = ResolversParentTypes['SupportTicketEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SupportTicket'], ParentType, ContextType>;
};

export type TransactionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction'], FederationReferenceType extends FederationReferenceTypes['Transaction'] = FederationReferenceTypes['Transaction']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Transaction']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AppSession?: AppSessionResolvers<ContextType>;
  AppSessionConnection?: AppSessionConnectionResolvers<ContextType>;
  AppSessionEdge?: AppSessionEdgeResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  DataProduct?: DataProductResolvers<ContextType>;
  DataProductTable?: DataProductTableResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Loyalty?: LoyaltyResolvers<ContextType>;
  Marketplace?: MarketplaceResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  QualityCheckResult?: QualityCheckResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SupportSummary?: SupportSummaryResolvers<ContextType>;
  SupportTicket?: SupportTicketResolvers<ContextType>;
  SupportTicketConnection?: SupportTicketConnectionResolvers<ContextType>;
  SupportTicketEdge?: SupportTicketEdgeResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
