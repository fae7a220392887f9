/**
 * The access policy, as data: roles hold entitlements (`domain:verb`), entitlements open schema
 * coordinates (`Type.field`). Shield rules for every subgraph, the access matrix, the per-role SDL
 * and the auditor queries are all derived from this one module. A field of the supergraph that no
 * entitlement names is denied to everyone, and the coverage test fails on it.
 */

import { createHash } from "node:crypto";

/** `on("Customer", "id email")` → `["Customer.id", "Customer.email"]`. */
const on = (type: string, fields: string): string[] => fields.split(/\s+/).map((f) => `${type}.${f}`);

const connection = (name: string) => [
  ...on(`${name}Connection`, "edges pageInfo totalCount"),
  ...on(`${name}Edge`, "cursor node"),
];

export interface Entitlement {
  description: string;
  coordinates: readonly string[];
}

export const entitlements = {
  "graph:paginate": {
    description: "Page through any list the role can read",
    coordinates: on("PageInfo", "hasNextPage endCursor"),
  },
  "meta:read": {
    description: "Data-product metadata: owners, tables, row counts, freshness, quality checks",
    coordinates: [
      "Query.dataProducts",
      ...on("DataProducts", "customer sales product logistics cxKpi governance insights"),
      ...on(
        "DataProduct",
        "name owner description domain tables qualityChecks policyVersion freshnessSla stale schemaVersion",
      ),
      ...on("DataProductTable", "name rowCount lastLoadedAt"),
      ...on("QualityCheckResult", "name status violations checkedAt"),
    ],
  },
  "audit:read": {
    description: "The access policy, explanations of what a role may read, and the access trail",
    coordinates: [
      ...on("Query", "accessPolicy explainAccess accessEvents"),
      ...on("AccessPolicy", "version roles entitlements fields"),
      ...on("RoleGrant", "name entitlements"),
      ...on("EntitlementGrant", "name description coordinates"),
      ...on("FieldAccess", "coordinate roles entitlements"),
      ...on("AccessExplanation", "role allowed denied"),
      ...on("DeniedField", "coordinate path missing"),
      ...connection("AccessEvent"),
      ...on(
        "AccessEvent",
        "id occurredAt subject roles markets operationName documentHash document policyVersion coordinates denied outcome status codes customerIds customerIdsTruncated variables requestId purpose",
      ),
    ],
  },
  "customer:read": {
    description: "Customer profile without direct identifiers (no name, contact or street address)",
    coordinates: [
      ...on("Query", "customer customers"),
      ...connection("Customer"),
      ...on(
        "Customer",
        "id gender registrationDate registrationDateLocal customerSegment preferredChannel city state zipCode country marketplace",
      ),
      "Marketplace.code",
    ],
  },
  "customer:readPii": {
    description: "Direct identifiers: name, email, phone, date of birth, street address",
    coordinates: on("Customer", "firstName lastName email phone dateOfBirth addressLine1"),
  },
  "customer:readSegment": {
    description: "Customer id, segment and country only",
    coordinates: [
      ...on("Query", "customer customers"),
      ...connection("Customer"),
      ...on("Customer", "id customerSegment country"),
    ],
  },
  "customer:readLoyalty": {
    description: "Loyalty membership",
    coordinates: [
      "Customer.loyalty",
      "Loyalty.customer",
      ...on(
        "Loyalty",
        "customerId loyaltyTier pointsBalance pointsEarnedYtd pointsRedeemedYtd tierStartDate lifetimeValue",
      ),
    ],
  },
  "customer:readTickets": {
    description: "Support tickets, one by one and aggregated",
    coordinates: [
      "Query.supportSummary",
      "Query.supportTickets",
      ...on("SupportSummary", "category priority status channel ticketCount ratedCount meanSatisfaction"),
      "Customer.supportTickets",
      "SupportTicket.customer",
      ...connection("SupportTicket"),
      ...on(
        "SupportTicket",
        "id customerId createdDate createdDateLocal resolvedDate resolvedDateLocal category priority status channel satisfactionScore",
      ),
    ],
  },
  "customer:readSessions": {
    description: "App sessions",
    coordinates: [
      "Customer.appSessions",
      "AppSession.customer",
      ...connection("AppSession"),
      ...on(
        "AppSession",
        "id customerId sessionDate sessionStart sessionStartLocal sessionDurationMinutes pagesViewed actionsTaken deviceType appVersion",
      ),
    ],
  },
  "sales:readTransactions": {
    description: "Transactions and their line items",
    coordinates: [
      "Query.transaction",
      "Query.transactions",
      "Customer.transactions",
      "Customer.id",
      ...connection("Transaction"),
      ...on(
        "Transaction",
        "id customerId customer transactionDate transactionDateLocal channel storeId store paymentMethod subtotal taxAmount discountAmount totalAmount currency status items",
      ),
      ...on("TransactionItem", "id customerId quantity unitPrice lineTotal discountApplied productId product"),
      "Product.id",
      "Location.id",
    ],
  },
  "sales:readSummary": {
    description: "Customers' purchase summaries and what each product sold",
    coordinates: [
      "Customer.purchaseSummary",
      ...on(
        "PurchaseSummary",
        "customerId transactionCount totalSpent averageOrderValue firstPurchaseAt lastPurchaseAt",
      ),
      "Product.salesSummary",
      ...on("ProductSalesSummary", "units revenue transactions"),
    ],
  },
  "sales:readRegional": {
    description: "Regional sales, and sales aggregated by marketplace, channel, status, payment method and month",
    coordinates: [
      "Query.salesSummary",
      ...on(
        "SalesSummary",
        "marketplace channel status paymentMethod month periodEnd days complete transactionCount totalAmount averageOrderValue",
      ),
      "Query.regionalSales",
      ...on(
        "RegionalSales",
        "regionId regionName country grain salesDate totalRevenue totalTransactions averageOrderValue",
      ),
    ],
  },
  "product:readCatalog": {
    description: "Product catalog without cost",
    coordinates: [
      ...on("Query", "product products"),
      ...connection("Product"),
      ...on(
        "Product",
        "id productName category subcategory brand price weightKg dimensions color size createdDate status",
      ),
    ],
  },
  "product:readCost": {
    description: "Product cost and supplier cost prices",
    coordinates: ["Product.cost", "ProductSupplier.costPrice"],
  },
  "product:readSuppliers": {
    description: "Suppliers and their supply terms",
    coordinates: [
      ...on("Query", "supplier suppliers"),
      ...connection("Supplier"),
      "Product.suppliers",
      ...on("ProductSupplier", "product supplier isPrimary leadTimeDays"),
      ...on(
        "Supplier",
        "id supplierName contactPerson email phone address country paymentTerms qualityRating products",
      ),
    ],
  },
  "product:readInventory": {
    description: "Inventory levels per location",
    coordinates: [
      "Query.product",
      "Query.inventoryLevels",
      ...connection("InventoryLevel"),
      "Product.id",
      "Product.inventoryLevels",
      ...on(
        "InventoryLevel",
        "id product locationId location stockQuantity reservedQuantity reorderPoint maxStockLevel lastUpdated available needsReorder",
      ),
      "Location.id",
    ],
  },
  "logistics:readShipments": {
    description: "Shipments with destination address and tracking events",
    coordinates: [
      ...on("Query", "shipment shipmentByTrackingNumber shipments"),
      ...connection("Shipment"),
      "Transaction.shipments",
      "Transaction.id",
      "TrackingEvent.shipment",
      ...on(
        "Shipment",
        "id transaction customerId trackingNumber carrier serviceLevel originLocation origin destinationAddress weightKg dimensions shipDate estimatedDelivery actualDelivery deliveryStatus shippingCost trackingEvents onTime delayDays",
      ),
      ...on(
        "TrackingEvent",
        "id customerId eventTimestamp eventTimestampLocal eventType location description carrierStatus",
      ),
    ],
  },
  "insights:readPreferences": {
    description: "Customers' product preferences: top categories and brands by spend",
    coordinates: [
      "Customer.productPreferences",
      ...on("ProductPreferences", "customerId topCategories topBrands"),
      ...on("CategoryPreference", "customerId category quantity spend transactions share"),
      ...on("BrandPreference", "customerId brand quantity spend transactions share"),
    ],
  },
  "insights:readAffinity": {
    description: "Products bought together in the caller's markets",
    coordinates: ["Product.boughtTogether", ...on("ProductAffinity", "product transactions confidence lift")],
  },
  "product:readName": {
    description: "A product's name, for whoever handles orders and shipments",
    coordinates: ["Product.productName"],
  },
  "logistics:readLocationName": {
    description: "A warehouse's or store's name, for whoever handles orders",
    coordinates: ["Location.locationName"],
  },
  "logistics:readLocations": {
    description: "Warehouses and stores",
    coordinates: [
      ...on("Query", "location locations"),
      ...connection("Location"),
      ...on("Location", "id locationName locationType address city state country capacityCubicMeters managerName"),
    ],
  },
  "cx:readFunnel": {
    description: "The curated cross-stage funnel: impressions to on-time deliveries, conversions and NPS",
    coordinates: [
      "Query.funnel",
      ...on(
        "FunnelPeriod",
        "periodStart grain periodEnd days complete marketplace primeFlag listImpressions pdpViews addToCarts orders deliveredOrders onTimeDeliveries pdpViewRate addToCartRate orderedToCartedRatio deliveredToOrderedRatio onTimeRate npsScore",
      ),
    ],
  },
  "cx:readMarketplace": {
    description: "CX marketplaces",
    coordinates: ["Query.marketplace", ...on("Marketplace", "code name timeZone")],
  },
  "cx:readDiscover": {
    description: "Discover-stage KPIs",
    coordinates: [
      "Query.discoverKpis",
      "Marketplace.discoverKpis",
      ...on(
        "DiscoverKpi",
        "periodStart grain periodEnd days complete marketplace primeFlag listImpressions pdpViews dpvr totalSearches zeroResults zrr helpSessions escalations helpBounceToContact cesResponses cesAvg cesTopBoxRate negReviewShare negReviewSpike sessions explorePropensityMean exploreHighRate recoInsertModule recoModuleType dominantQueryCategory",
      ),
    ],
  },
  "cx:readPurchase": {
    description: "Purchase-stage KPIs",
    coordinates: [
      "Query.purchaseKpis",
      "Marketplace.purchaseKpis",
      ...on(
        "PurchaseKpi",
        "periodStart grain periodEnd days complete marketplace primeFlag pdpViews atc atcr pdpSess orders pcr coAttempts coErrors coErrRate payments declines payDeclRate pmCardShare pmCodShare pmGiftcardShare pmWalletShare cesBuyResponses cesBuyAvg cesBuyTopbox propBuyMean propBuyHighRate nbPromo nbFlow promoAppliedRate promo10pctShare promoBundleShare promoFreeShipShare",
      ),
    ],
  },
  "cx:readFulfillment": {
    description: "Fulfillment-stage KPIs",
    coordinates: [
      "Query.fulfillmentKpis",
      "Marketplace.fulfillmentKpis",
      ...on(
        "FulfillmentKpi",
        "periodStart grain periodEnd days complete marketplace primeFlag orders otdRate promiseAccuracyMaeHours exceptions deliveryExceptionRate wismoContacts wismoContactRate npsScore npsResponses lateRiskMean lateRiskHighRate",
      ),
    ],
  },
} as const satisfies Record<string, Entitlement>;

export type EntitlementName = keyof typeof entitlements;

const every = Object.keys(entitlements) as EntitlementName[];

/** Roles (ARCHITECTURE.md §4) and exactly the entitlements each holds. */
export const roles = {
  c360_admin: every,
  customer_care: [
    "graph:paginate",
    "meta:read",
    "customer:read",
    "customer:readPii",
    "customer:readLoyalty",
    "customer:readTickets",
    "sales:readTransactions",
    "logistics:readShipments",
    "product:readName",
    "logistics:readLocationName",
  ],
  marketing_analyst: [
    "graph:paginate",
    "meta:read",
    "customer:read",
    "customer:readLoyalty",
    "customer:readSessions",
    "sales:readSummary",
    "product:readCatalog",
    "insights:readPreferences",
    "insights:readAffinity",
  ],
  sales_analyst: [
    "graph:paginate",
    "meta:read",
    "sales:readTransactions",
    "sales:readSummary",
    "sales:readRegional",
    "product:readCatalog",
    "customer:readSegment",
    "insights:readPreferences",
    "insights:readAffinity",
  ],
  merchandiser: [
    "graph:paginate",
    "meta:read",
    "product:readCatalog",
    "product:readCost",
    "product:readSuppliers",
    "product:readInventory",
    "insights:readAffinity",
  ],
  logistics_ops: [
    "graph:paginate",
    "meta:read",
    "logistics:readShipments",
    "logistics:readLocations",
    "product:readInventory",
    "product:readName",
  ],
  cx_discover_analyst: ["meta:read", "cx:readMarketplace", "cx:readDiscover"],
  cx_purchase_analyst: ["meta:read", "cx:readMarketplace", "cx:readPurchase"],
  cx_fulfillment_analyst: ["meta:read", "cx:readMarketplace", "cx:readFulfillment"],
  cx_lead: [
    "meta:read",
    "cx:readMarketplace",
    "cx:readDiscover",
    "cx:readPurchase",
    "cx:readFulfillment",
    "cx:readFunnel",
  ],
  cx_funnel_analyst: ["meta:read", "cx:readMarketplace", "cx:readFunnel"],
  auditor: ["graph:paginate", "meta:read", "audit:read"],
} as const satisfies Record<string, readonly EntitlementName[]>;

export type RoleName = keyof typeof roles;

export const roleNames = Object.keys(roles) as RoleName[];

/** Whether `name` is a role of the policy (an own key: `constructor` and `__proto__` are not). */
export const isRole = (name: string): name is RoleName => Object.hasOwn(roles, name);

/** Entitlements held by any of `roleList` (unknown role names hold nothing). */
export function entitlementsOf(roleList: readonly string[]): Set<EntitlementName> {
  return new Set(roleList.flatMap((r) => (isRole(r) ? [...roles[r]] : [])));
}

/** Coordinate → the entitlements that open it. */
export const openedBy: ReadonlyMap<string, readonly EntitlementName[]> = (() => {
  const map = new Map<string, EntitlementName[]>();
  for (const [name, e] of Object.entries(entitlements) as [EntitlementName, Entitlement][]) {
    for (const coordinate of e.coordinates) map.set(coordinate, [...(map.get(coordinate) ?? []), name]);
  }
  return map;
})();

/** Whether holders of `held` may read `coordinate`; a coordinate the policy does not name is denied. */
export function mayRead(held: ReadonlySet<string>, coordinate: string): boolean {
  return (openedBy.get(coordinate) ?? []).some((e) => held.has(e));
}

/**
 * The most rows a role may list per request from a root list (Hasura's select limit): customer care
 * serves one caller at a time, so it lists at most 20 customers; a lookup (by id, or by email or phone
 * through the list's filter) is not a listing and stays open.
 */
export const rowLimits: Partial<Record<RoleName, Readonly<Record<string, number>>>> = {
  customer_care: { "Query.customers": 20 },
};

/**
 * Roles that, in production, may run only the trusted documents (the recorded client operations,
 * `gateway/trusted-documents.json`, by hash): customer care works through its own application, so a
 * stolen care token cannot be used to explore the graph.
 */
export const trustedDocumentsOnly: readonly RoleName[] = ["customer_care"];

/**
 * Roles whose holders are never held to trusted documents, whatever else they hold. Only these lift
 * the hold: any other second role (one that opens a few KPIs, say) would otherwise let a care token
 * that also carries it explore the graph.
 */
export const liftsTrustedDocuments: readonly RoleName[] = ["c360_admin"];

/** Whether holders of `roleList` are held to trusted documents: when they hold a role held to them and none that lifts it. */
export const heldToTrustedDocuments = (roleList: readonly RoleName[]) =>
  roleList.some((r) => trustedDocumentsOnly.includes(r)) && !roleList.some((r) => liftsTrustedDocuments.includes(r));

/**
 * The most rows holders of `roleList` may list from `coordinate` per request: the largest any of their
 * roles that may read it allows (a role without a limit there allows any number); null for no limit.
 */
export function rowLimitOf(roleList: readonly RoleName[], coordinate: string): number | null {
  let limit = 0;
  for (const role of roleList) {
    if (!mayRead(entitlementsOf([role]), coordinate)) continue;
    const own = rowLimits[role]?.[coordinate];
    if (own === undefined) return null;
    limit = Math.max(limit, own);
  }
  return limit || null;
}

/**
 * The most persons whose personal data one answer may carry for holders of `roleList`, however the
 * answer reaches them (a transaction's buyer, a shipment, a ticket): the largest limit on listing
 * customers (`Query.customers`) of their roles that read personal data with one. A role that reads
 * none lifts nothing (customer care with a merchandiser's role stays at 20); nor does one that reads
 * only some of the personal fields the limited roles read (with `logistics_ops`, which reads every
 * shipment without a limit, or `marketing_analyst`, every profile without contact data, care's emails
 * and names stay at 20, and its shipments and profiles with them). Only a role reading, without a
 * limit, every personal field the limited roles read lifts it (null): `c360_admin`.
 */
export function personsLimitOf(roleList: readonly RoleName[]): number | null {
  // Each request asks (and the gateway once per fetch): worked out once per set of roles.
  const key = roleList.join(",");
  let limit = personsLimits.get(key);
  if (limit === undefined) {
    if (personsLimits.size >= 1_024) personsLimits.clear();
    limit = personsLimitOfRoles(roleList);
    personsLimits.set(key, limit);
  }
  return limit;
}

const personsLimits = new Map<string, number | null>();

function personsLimitOfRoles(roleList: readonly RoleName[]): number | null {
  // Each role's share: the personal fields it reads, and its limit on them (null: none).
  const reach = roleList.flatMap((role) => {
    const held = entitlementsOf([role]);
    const reads = personalCoordinates.filter((c) => mayRead(held, c));
    return reads.length ? [{ limit: rowLimits[role]?.["Query.customers"] ?? null, reads }] : [];
  });
  const limit = Math.max(0, ...reach.map((r) => r.limit ?? 0));
  if (limit === 0) return null;
  const unlimited = new Set(reach.flatMap((r) => (r.limit === null ? r.reads : [])));
  const lifted = reach.every((r) => r.limit === null || r.reads.every((c) => unlimited.has(c)));
  return lifted ? null : limit;
}

/** Roles that may read `coordinate`. */
export function rolesFor(coordinate: string): RoleName[] {
  return roleNames.filter((role) => mayRead(entitlementsOf([role]), coordinate));
}

/**
 * Records that belong to a customer, each with a field (`key`) naming that customer (their id). Every
 * other field of such a record is personal data of that customer (GDPR Art. 4(1): anything about an
 * identifiable person): a loyalty tier, a zip code, a purchase, a ticket, a tracking scan, not only
 * contact data. Not personal themselves: the key, which names the person and is how the trail names
 * them (the gateway also fetches keys for its joins, whatever the client selected), and the fields in
 * `except`: a record's id, which says which record and nothing of the person, and a link answered
 * where the key is not known (a transaction's buyer and its shipments are answered by subgraphs
 * holding the transaction's id only; the records they reach are personal field by field).
 */
export const personalRecords: readonly PersonalRecord[] = [
  { type: "Customer", key: "id" },
  { type: "Loyalty", key: "customerId" },
  { type: "SupportTicket", key: "customerId", except: ["id"] },
  { type: "AppSession", key: "customerId", except: ["id"] },
  { type: "Transaction", key: "customerId", except: ["id", "customer", "shipments"] },
  { type: "TransactionItem", key: "customerId", except: ["id"] },
  { type: "PurchaseSummary", key: "customerId" },
  { type: "Shipment", key: "customerId", except: ["id"] },
  { type: "TrackingEvent", key: "customerId", except: ["id"] },
  { type: "ProductPreferences", key: "customerId" },
  { type: "CategoryPreference", key: "customerId" },
  { type: "BrandPreference", key: "customerId" },
];

export interface PersonalRecord {
  type: string;
  /** The field of `type` whose value is the customer's id. */
  key: string;
  /** Fields of `type` besides the key that are not personal data themselves. */
  except?: readonly string[];
}

/**
 * Personal data, field by field: every field the policy names on a personal record's type, but its key
 * and its `except`. Read by the catalogue (which columns to keep out of diagnostics), the subgraphs
 * (each notes the key of every record whose personal field it answered with a value: the access
 * trail's `customerIds`, `accessEvents(filter: { customerId })`) and customer care's persons limit
 * (`personsLimitOf`), which counts those keys.
 */
export const personalData: readonly PersonalFields[] = personalRecords.map(({ type, key, except = [] }) => ({
  type,
  key,
  coordinates: [...openedBy.keys()].filter(
    (c) => c.startsWith(`${type}.`) && ![key, ...except].includes(c.slice(type.length + 1)),
  ),
}));

export interface PersonalFields {
  type: string;
  /** The field of `type` whose value is the customer's id. */
  key: string;
  coordinates: readonly string[];
}

/** Every coordinate of personal data. */
export const personalCoordinates: readonly string[] = personalData.flatMap((p) => p.coordinates);

/**
 * Inputs whose values are personal data themselves (a search by email, phone or name): the access
 * trail keeps a request's variables with the values that reach these masked.
 */
export const secretInputs: readonly string[] = ["CustomerFilter.email", "CustomerFilter.phone", "CustomerFilter.name"];

/**
 * The policy's version: a hash of its content (every role's entitlements, every entitlement's fields,
 * the row limits, what is personal data). Every process enforces the version it was built with and reports it (`/readyz`,
 * `dataProducts`); every access event records the version in force; the gateway is not ready while a
 * subgraph enforces another one.
 */
export const policyVersion = createHash("sha256")
  .update(
    JSON.stringify({
      roles,
      entitlements,
      rowLimits,
      trustedDocumentsOnly,
      liftsTrustedDocuments,
      personalData,
      secretInputs,
    }),
  )
  .digest("hex")
  .slice(0, 16);
