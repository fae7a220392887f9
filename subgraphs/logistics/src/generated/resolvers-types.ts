import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ShipmentRow, EventRow, LocationRow } from '../data';
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

/** A warehouse, distribution center or store. */
export type Location = {
  __typename?: 'Location';
  /** Street address. */
  address: Maybe<Scalars['String']['output']>;
  /** Capacity in cubic meters. */
  capacityCubicMeters: Maybe<Scalars['Int']['output']>;
  /** City. */
  city: Maybe<Scalars['String']['output']>;
  /** Country. */
  country: Maybe<Scalars['String']['output']>;
  /** Location id (`location_id`). */
  id: Scalars['ID']['output'];
  /** Name. */
  locationName: Scalars['String']['output'];
  /** Type: `warehouse`, `distribution_center`, `store`. */
  locationType: Maybe<Scalars['String']['output']>;
  /** Manager's name. */
  managerName: Maybe<Scalars['String']['output']>;
  /** State or region. */
  state: Maybe<Scalars['String']['output']>;
};

/** A page of locations. */
export type LocationConnection = {
  __typename?: 'LocationConnection';
  /** The locations of this page. */
  edges: Array<LocationEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Locations, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A location in a page. */
export type LocationEdge = {
  __typename?: 'LocationEdge';
  /** Cursor of this location, for `after`. */
  cursor: Scalars['String']['output'];
  /** The location. */
  node: Location;
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
  /** Self-description of the data products behind the graph: owners, tables, freshness, quality. */
  dataProducts: DataProducts;
  /** A warehouse or store by id (`WH001`, `ST001`); null when there is no such location. */
  location: Maybe<Location>;
  /** Warehouses and stores in id order; `first` defaults to 50, at most 500. */
  locations: Maybe<LocationConnection>;
  /** A shipment by id (`SHP001`); null when there is no such shipment. */
  shipment: Maybe<Shipment>;
  /** A shipment by its carrier tracking number; null when there is none. */
  shipmentByTrackingNumber: Maybe<Shipment>;
  /** Shipments in the caller's markets, filtered, in id order unless `orderBy` says otherwise; `first` defaults to 50, at most 500. */
  shipments: Maybe<ShipmentConnection>;
};


export type QueryLocationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLocationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryShipmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryShipmentByTrackingNumberArgs = {
  trackingNumber: Scalars['String']['input'];
};


export type QueryShipmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ShipmentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ShipmentOrder>;
};

/** A parcel on its way from a location to a customer. */
export type Shipment = {
  __typename?: 'Shipment';
  /** Day it was delivered; null while on its way. */
  actualDelivery: Maybe<Scalars['Date']['output']>;
  /** Carrier: `UPS`, `FedEx`, `USPS`, ... */
  carrier: Scalars['String']['output'];
  /** Its buyer's customer id (its transaction's): whose personal data the destination address is. */
  customerId: Maybe<Scalars['ID']['output']>;
  /** Days delivered after the promised day (0 when on time or early); null while not delivered. */
  delayDays: Maybe<Scalars['Int']['output']>;
  /** Status: `delivered`, `in_transit`, ... */
  deliveryStatus: Scalars['String']['output'];
  /** Delivery address. */
  destinationAddress: Maybe<Scalars['String']['output']>;
  /** Dimensions as written (`25x20x10 cm`). */
  dimensions: Maybe<Scalars['String']['output']>;
  /** Promised delivery day. */
  estimatedDelivery: Scalars['Date']['output'];
  /** Shipment id (`shipment_id`). */
  id: Scalars['ID']['output'];
  /** Delivered on or before the promised day; null while not delivered. */
  onTime: Maybe<Scalars['Boolean']['output']>;
  /** Where it left from. */
  origin: Maybe<Location>;
  /** The origin location's id. */
  originLocation: Scalars['String']['output'];
  /** Service level: `standard`, `expedited`, `overnight`. */
  serviceLevel: Scalars['String']['output'];
  /** Day it shipped. */
  shipDate: Scalars['Date']['output'];
  /** Shipping cost. */
  shippingCost: Scalars['Decimal']['output'];
  /** Carrier scans, oldest first. */
  trackingEvents: Array<TrackingEvent>;
  /** Carrier tracking number. */
  trackingNumber: Scalars['String']['output'];
  /** The transaction it fulfils. */
  transaction: Maybe<Transaction>;
  /** Weight in kg. */
  weightKg: Maybe<Scalars['Decimal']['output']>;
};

/** A page of shipments. */
export type ShipmentConnection = {
  __typename?: 'ShipmentConnection';
  /** The shipments of this page. */
  edges: Array<ShipmentEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Shipments matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A shipment in a page. */
export type ShipmentEdge = {
  __typename?: 'ShipmentEdge';
  /** Cursor of this shipment, for `after`. */
  cursor: Scalars['String']['output'];
  /** The shipment. */
  node: Shipment;
};

/** Filters on shipments; all given conditions must hold. */
export type ShipmentFilter = {
  /** Carrier: `UPS`, `FedEx`, `DHL`, ... */
  carrier?: InputMaybe<Scalars['String']['input']>;
  /** Delivery status: `delivered`, `in_transit`, `out_for_delivery`, `exception`, ... */
  deliveryStatus?: InputMaybe<Scalars['String']['input']>;
  /** Shipped on or after this day. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** True: delivered after the estimated delivery, or still undelivered past it (today, UTC). False: the others. */
  late?: InputMaybe<Scalars['Boolean']['input']>;
  /** Shipped on or before this day. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** How to order shipments; a cursor belongs to its order. */
export type ShipmentOrder = {
  /** Ascending (the default) or descending. */
  direction?: InputMaybe<OrderDirection>;
  /** The value to order by. */
  field: ShipmentOrderField;
};

/** What shipments can be ordered by; ties are broken by id, in the same direction. */
export type ShipmentOrderField =
  /** Estimated delivery date. */
  | 'ESTIMATED_DELIVERY'
  /** Shipment id. */
  | 'ID'
  /** Ship date. */
  | 'SHIP_DATE';

/** Whose calendar a grouping of facts by day, week or month counts each row in. */
export type TimeZoneBasis =
  /** The local date in the row's marketplace's time zone (`Marketplace.timeZone`); a row without a marketplace falls on its UTC date. */
  | 'MARKET'
  /** The UTC date. */
  | 'UTC';

/** A carrier scan of a shipment. */
export type TrackingEvent = {
  __typename?: 'TrackingEvent';
  /** Carrier's status code. */
  carrierStatus: Maybe<Scalars['String']['output']>;
  /** Its shipment's buyer's id: whose personal data the rest of it is; null when not known. */
  customerId: Maybe<Scalars['ID']['output']>;
  /** What happened. */
  description: Maybe<Scalars['String']['output']>;
  /** When it was scanned. */
  eventTimestamp: Scalars['DateTime']['output'];
  /** eventTimestamp in the local time of its shipment's marketplace (ISO 8601 with the UTC offset in force then: `2024-05-15T10:30:00-04:00`); null without a marketplace. */
  eventTimestampLocal: Maybe<Scalars['String']['output']>;
  /** Type: `picked_up`, `in_transit`, `out_for_delivery`, `delivered`. */
  eventType: Scalars['String']['output'];
  /** Event id (`event_id`). */
  id: Scalars['ID']['output'];
  /** Where (`Seattle WA`). */
  location: Maybe<Scalars['String']['output']>;
  /** The shipment it scans. */
  shipment: Maybe<Shipment>;
};

/** A purchase: online, mobile or in a store. */
export type Transaction = {
  __typename?: 'Transaction';
  /** Transaction id (`transaction_id`). */
  id: Scalars['ID']['output'];
  /** Shipments fulfilling it, in ship-date order. */
  shipments: Maybe<Array<Shipment>>;
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
  Location: Location;
  Shipment: Shipment;
  Transaction: Transaction;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Location:
    ( { __typename: 'Location' }
    & GraphQLRecursivePick<FederationTypes['Location'], {"id":true}> );
  Shipment:
    ( { __typename: 'Shipment' }
    & GraphQLRecursivePick<FederationTypes['Shipment'], {"id":true}> );
  Transaction:
    ( { __typename: 'Transaction' }
    & GraphQLRecursivePick<FederationTypes['Transaction'], {"id":true}> );
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
  Location: ResolverTypeWrapper<LocationRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  LocationConnection: ResolverTypeWrapper<Omit<LocationConnection, 'edges'> & { edges: Array<ResolversTypes['LocationEdge']> }>;
  LocationEdge: ResolverTypeWrapper<Omit<LocationEdge, 'node'> & { node: ResolversTypes['Location'] }>;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  QualityCheckResult: ResolverTypeWrapper<QualityCheckResult>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Shipment: ResolverTypeWrapper<ShipmentRow>;
  ShipmentConnection: ResolverTypeWrapper<Omit<ShipmentConnection, 'edges'> & { edges: Array<ResolversTypes['ShipmentEdge']> }>;
  ShipmentEdge: ResolverTypeWrapper<Omit<ShipmentEdge, 'node'> & { node: ResolversTypes['Shipment'] }>;
  ShipmentFilter: ShipmentFilter;
  ShipmentOrder: ShipmentOrder;
  ShipmentOrderField: ShipmentOrderField;
  TimeZoneBasis: TimeZoneBasis;
  TrackingEvent: ResolverTypeWrapper<EventRow>;
  Transaction: ResolverTypeWrapper<Omit<Transaction, 'shipments'> & { shipments?: Maybe<Array<ResolversTypes['Shipment']>> }>;
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
  Location: LocationRow;
  ID: Scalars['ID']['output'];
  LocationConnection: Omit<LocationConnection, 'edges'> & { edges: Array<ResolversParentTypes['LocationEdge']> };
  LocationEdge: Omit<LocationEdge, 'node'> & { node: ResolversParentTypes['Location'] };
  PageInfo: PageInfo;
  QualityCheckResult: QualityCheckResult;
  Query: Record<PropertyKey, never>;
  Shipment: ShipmentRow;
  ShipmentConnection: Omit<ShipmentConnection, 'edges'> & { edges: Array<ResolversParentTypes['ShipmentEdge']> };
  ShipmentEdge: Omit<ShipmentEdge, 'node'> & { node: ResolversParentTypes['Shipment'] };
  ShipmentFilter: ShipmentFilter;
  ShipmentOrder: ShipmentOrder;
  TrackingEvent: EventRow;
  Transaction: Omit<Transaction, 'shipments'> & { shipments?: Maybe<Array<ResolversParentTypes['Shipment']>> } | FederationReferenceTypes['Transaction'];
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

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location'], FederationReferenceType extends FederationReferenceTypes['Location'] = FederationReferenceTypes['Location']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Location']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  capacityCubicMeters?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locationName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  locationType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  managerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LocationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LocationConnection'] = ResolversParentTypes['LocationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LocationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LocationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LocationEdge'] = ResolversParentTypes['LocationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
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
  dataProducts?: Resolver<ResolversTypes['DataProducts'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType, RequireFields<QueryLocationArgs, 'id'>>;
  locations?: Resolver<Maybe<ResolversTypes['LocationConnection']>, ParentType, ContextType, RequireFields<QueryLocationsArgs, 'first'>>;
  shipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType, RequireFields<QueryShipmentArgs, 'id'>>;
  shipmentByTrackingNumber?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType, RequireFields<QueryShipmentByTrackingNumberArgs, 'trackingNumber'>>;
  shipments?: Resolver<Maybe<ResolversTypes['ShipmentConnection']>, ParentType, ContextType, RequireFields<QueryShipmentsArgs, 'first'>>;
};

export type ShipmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment'], FederationReferenceType extends FederationReferenceTypes['Shipment'] = FederationReferenceTypes['Shipment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Shipment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  actualDelivery?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  delayDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  deliveryStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  destinationAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dimensions?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  estimatedDelivery?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  onTime?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  origin?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  originLocation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceLevel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shipDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  shippingCost?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  trackingEvents?: Resolver<Array<ResolversTypes['TrackingEvent']>, ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType>;
  weightKg?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type ShipmentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShipmentConnection'] = ResolversParentTypes['ShipmentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ShipmentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ShipmentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShipmentEdge'] = ResolversParentTypes['ShipmentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType>;
};

export type TrackingEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrackingEvent'] = ResolversParentTypes['TrackingEvent']> = {
  carrierStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventTimestamp?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventTimestampLocal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
};

export type TransactionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction'], FederationReferenceType extends FederationReferenceTypes['Transaction'] = FederationReferenceTypes['Transaction']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Transaction']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shipments?: Resolver<Maybe<Array<ResolversTypes['Shipment']>>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  BigInt?: GraphQLScalarType;
  DataProduct?: DataProductResolvers<ContextType>;
  DataProductTable?: DataProductTableResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Location?: LocationResolvers<ContextType>;
  LocationConnection?: LocationConnectionResolvers<ContextType>;
  LocationEdge?: LocationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  QualityCheckResult?: QualityCheckResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShipmentConnection?: ShipmentConnectionResolvers<ContextType>;
  ShipmentEdge?: ShipmentEdgeResolvers<ContextType>;
  TrackingEvent?: TrackingEventResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
