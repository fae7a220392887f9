/**
 * The one list of the product's subgraphs. Everything that needs to know them reads it: the
 * configuration (ports and URLs), codegen, composition, the one-process stack, drizzle-kit's schema
 * filter, the policy coverage test and the catalog checks. Adding a subgraph is its folder
 * (`subgraphs/<name>`, a package named `package` exporting `subgraph`), one line here, and the
 * platform's dependency on the package (pnpm links workspace packages only where declared).
 */
export interface RegisteredSubgraph {
  /** Data product and federation subgraph name (`cx-kpi`). */
  name: string;
  /** Its contract port on loopback (ARCHITECTURE.md §5); `C360_<NAME>_PORT` overrides it. */
  port: number;
  /** Its workspace package, exporting its definition as `subgraph`. */
  package: string;
  /** The one Postgres schema it owns: the only one its SQL reads and writes. */
  schema: string;
  /** The team that owns it. */
  owner: string;
  /** Codegen mappers: the data module's row type each GraphQL type resolves from (`../data#CustomerRow`). */
  mappers: Readonly<Record<string, string>>;
  /**
   * The entity types it owns that are shared reference data, the same for every customer: the
   * gateway keeps them for a while (C360_ENTITY_CACHE_MS) instead of fetching them per request.
   */
  referenceEntities?: readonly string[];
  /**
   * How old its newest load may grow before its data is stale: an ISO 8601 duration in days, hours
   * or minutes (`P1D`, `PT6H`). None for a product no load writes (the access trail is written as
   * requests arrive).
   */
  freshnessSla?: string;
}

export const subgraphRegistry: readonly RegisteredSubgraph[] = [
  {
    name: "customer",
    port: 4001,
    package: "@c360/customer",
    schema: "customer",
    owner: "CRM & Loyalty team",
    freshnessSla: "P1D",
    mappers: {
      Customer: "../data#CustomerRow",
      Loyalty: "../data#LoyaltyRow",
      SupportTicket: "../data#TicketRow",
      SupportSummary: "../data#SupportSummaryRow",
      AppSession: "../data#SessionRow",
      Transaction: "../data#TransactionRef",
    },
  },
  {
    name: "sales",
    port: 4002,
    package: "@c360/sales",
    schema: "sales",
    owner: "Sales Analytics team",
    freshnessSla: "P1D",
    mappers: {
      Customer: "../data#CustomerRef",
      Transaction: "../data#TransactionRow",
      TransactionItem: "../data#ItemRow",
      PurchaseSummary: "../data#PurchaseSummaryRow",
      Product: "../data#ProductRef",
      ProductSalesSummary: "../data#ProductSalesRow",
      SalesSummary: "../data#SalesSummaryRow",
    },
  },
  {
    name: "product",
    port: 4003,
    package: "@c360/product",
    schema: "product",
    owner: "Merchandising team",
    freshnessSla: "P1D",
    mappers: {
      Product: "../data#ProductRow",
      Supplier: "../data#SupplierRow",
      ProductSupplier: "../data#ProductSupplierRow",
      InventoryLevel: "../data#InventoryRow",
    },
    referenceEntities: ["Product", "Supplier"],
  },
  {
    name: "logistics",
    port: 4004,
    package: "@c360/logistics",
    schema: "logistics",
    owner: "Fulfillment Operations team",
    freshnessSla: "P1D",
    mappers: {
      Shipment: "../data#ShipmentRow",
      TrackingEvent: "../data#EventRow",
      Location: "../data#LocationRow",
    },
    referenceEntities: ["Location"],
  },
  {
    name: "cx-kpi",
    port: 4005,
    package: "@c360/cx-kpi",
    schema: "cx",
    owner: "CX Analytics team",
    freshnessSla: "P1D",
    mappers: {
      Marketplace: "../data#MarketplaceRef",
      DiscoverKpi: "../data#KpiSeriesRow",
      PurchaseKpi: "../data#KpiSeriesRow",
      FulfillmentKpi: "../data#KpiSeriesRow",
    },
  },
  {
    name: "governance",
    port: 4006,
    package: "@c360/governance",
    schema: "audit",
    owner: "Data Governance team",
    mappers: { AccessEvent: "../data#AccessEventRow" },
  },
  {
    name: "insights",
    port: 4007,
    package: "@c360/insights",
    schema: "insights",
    owner: "Customer Insights team",
    freshnessSla: "P1D",
    mappers: {
      Customer: "../data#CustomerRef",
      ProductPreferences: "../data#PreferencesRef",
      CategoryPreference: "../data#CategoryPreferenceRow",
      BrandPreference: "../data#BrandPreferenceRow",
      Product: "../data#ProductRef",
      ProductAffinity: "../data#AffinityRow",
    },
  },
];

/**
 * An ISO 8601 duration of days, hours and minutes (`P1D`, `PT6H`, `P1DT12H`) in milliseconds; throws
 * on anything else (years and months have no fixed length).
 */
export function durationMs(iso: string): number {
  const match = /^P(?=\d|T\d)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!match) throw new Error(`${iso}: expected an ISO 8601 duration in days, hours or minutes (P1D, PT6H)`);
  const [days, hours, minutes] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number];
  return ((days * 24 + hours) * 60 + minutes) * 60_000;
}

/** The gateway's contract port (ARCHITECTURE.md §5); `C360_GATEWAY_PORT` overrides it. */
export const GATEWAY_PORT = 4000;

/**
 * The V8 options the gateway process is started with, wherever it runs (its Dockerfile target, the
 * process tests, the bench). Its old generation starts at 64 MiB instead of V8's default (about
 * 140 MiB here): V8 takes that first limit as given until a full collection under load, so the
 * heap grew to three times its live data (about 60 MiB) before the first one; after it,
 * `C360_HEAP_GROWTH_PERCENT` bounds the growth. Only a start-up option does this: V8 reads it
 * when the heap is made, not later. Measured under the bench's loads: peak resident memory 226-260
 * MiB without it, 183-188 with, throughput unchanged.
 */
export const GATEWAY_NODE_OPTIONS: readonly string[] = ["--initial-old-space-size=64"];

/** `cx-kpi` -> `CX_KPI`: how a subgraph's name appears in environment variable names. */
export const envName = (name: string) => name.toUpperCase().replaceAll("-", "_");
