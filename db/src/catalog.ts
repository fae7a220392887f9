import { type PersonalFields, personalData } from "@c360/auth/policy";
import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** The value kinds a seed column can hold, as the importer and generator see them. */
export type ColumnKind = "text" | "integer" | "bigint" | "numeric" | "boolean" | "date" | "timestamptz";

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  notNull: boolean;
  /** numeric(precision, scale) */
  precision?: number;
  scale?: number;
  /** Set by the loads from other tables, not read from the source files (a fact's market). */
  derived: boolean;
}

export interface TableSpec {
  /** Its Postgres schema, owned by one registered subgraph. */
  domain: string;
  name: string;
  /** `schema.table`, safe to splice into SQL (both parts are fixed identifiers). */
  qualified: string;
  columns: ColumnSpec[];
  primaryKey: string[];
}

/** Columns the loads derive: each fact's market, from its buyer's country, and each shipment's buyer. */
const derivedColumns = new Set([
  "sales.transactions.marketplace",
  "logistics.shipments.marketplace",
  "logistics.shipments.customer_id",
]);

const kinds: Record<string, ColumnKind> = {
  PgText: "text",
  PgInteger: "integer",
  PgBigInt53: "bigint",
  PgSmallInt: "integer",
  PgNumeric: "numeric",
  PgBoolean: "boolean",
  PgDateString: "date",
  PgDate: "date",
  PgTimestamp: "timestamptz",
  PgTimestampString: "timestamptz",
};

function describe(table: PgTable): TableSpec {
  const config = getTableConfig(table);
  const columns = config.columns.map((column): ColumnSpec => {
    const kind = kinds[column.columnType];
    if (!kind)
      throw new Error(`${config.schema}.${config.name}.${column.name}: no column kind for ${column.columnType}`);
    const numeric = column as { precision?: number; scale?: number };
    return {
      name: column.name,
      kind,
      notNull: column.notNull,
      precision: numeric.precision,
      scale: numeric.scale,
      derived: derivedColumns.has(`${config.schema}.${config.name}.${column.name}`),
    };
  });
  const primaryKey =
    config.primaryKeys[0]?.columns.map((c) => c.name) ??
    columns.filter((_, i) => config.columns[i]?.primary).map((c) => c.name);
  return {
    domain: config.schema as string,
    name: config.name,
    qualified: `${config.schema}.${config.name}`,
    columns,
    primaryKey,
  };
}

/** Every data table, parents before children: the order loads must follow. */
export const tables: readonly TableSpec[] = [
  schema.customers,
  schema.loyaltyProgram,
  schema.supportTickets,
  schema.appUsage,
  schema.warehouseLocations,
  schema.products,
  schema.suppliers,
  schema.productSuppliers,
  schema.inventory,
  schema.transactions,
  schema.transactionItems,
  schema.regionalSales,
  schema.shipments,
  schema.trackingEvents,
  schema.kpiDiscoverDaily,
  schema.kpiPurchaseDaily,
  schema.kpiFulfillmentDaily,
].map(describe);

export function tableByName(name: string): TableSpec | undefined {
  return tables.find((t) => t.name === name || t.qualified === name);
}

/**
 * The table behind each record type of the graph, null for one the graph computes (a purchase summary
 * is its customer's transactions): the policy's personal data and the data contracts' classification
 * read a type's fields as its table's columns. A personal type the policy adds must be placed here,
 * or the catalogue refuses to load.
 */
export const recordTables: Readonly<Record<string, PgTable | null>> = {
  Customer: schema.customers,
  Loyalty: schema.loyaltyProgram,
  SupportTicket: schema.supportTickets,
  AppSession: schema.appUsage,
  Transaction: schema.transactions,
  TransactionItem: schema.transactionItems,
  PurchaseSummary: null,
  Shipment: schema.shipments,
  TrackingEvent: schema.trackingEvents,
  ProductPreferences: null,
  CategoryPreference: schema.customerPreferences,
  BrandPreference: schema.customerPreferences,
  RegionalSales: schema.regionalSales,
  Product: schema.products,
  Supplier: schema.suppliers,
  ProductSupplier: schema.productSuppliers,
  InventoryLevel: schema.inventory,
  Location: schema.warehouseLocations,
  DiscoverKpi: schema.kpiDiscoverDaily,
  PurchaseKpi: schema.kpiPurchaseDaily,
  FulfillmentKpi: schema.kpiFulfillmentDaily,
  AccessEvent: schema.accessEvents,
};

/** The columns behind a personal record's fields (a field is its column's camelCase name). */
function personalColumns({ type, coordinates }: PersonalFields): string[] {
  const table = recordTables[type];
  if (table === undefined) throw new Error(`the policy's personal data has ${type}: name its table in the catalogue`);
  if (table === null) return [];
  const { schema: domain, name } = getTableConfig(table);
  const columns = getTableColumns(table) as Record<string, { name: string } | undefined>;
  return coordinates.flatMap((c) => {
    const column = columns[c.slice(type.length + 1)];
    return column ? [`${domain}.${name}.${column.name}`] : [];
  });
}

/**
 * Columns holding personal data: their values never appear in error messages or logs. A customer's
 * are those of the policy's personal fields (`personalData`, one declaration for the graph, its trail
 * and this list); a supplier's contact and a site's manager are persons too, but no customer, so the
 * policy's trail does not follow them. The access policy decides who may read them; this list only
 * keeps them out of diagnostics.
 */
export const piiColumns: ReadonlySet<string> = new Set([
  ...personalData.flatMap(personalColumns),
  "product.suppliers.contact_person",
  "product.suppliers.email",
  "product.suppliers.phone",
  "logistics.warehouse_locations.manager_name",
]);

export interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
  /** A real constraint (same domain) or checked by the importer and quality checks (across domains). */
  enforcedBy: "constraint" | "checks";
}

const fk = (child: string, column: string, parent: string, parentColumn = column): ForeignKey => ({
  child,
  column,
  parent,
  parentColumn,
  enforcedBy: child.split(".")[0] === parent.split(".")[0] ? "constraint" : "checks",
});

/** The 14 foreign keys of ARCHITECTURE.md §2, all of which must hold after any load. */
export const foreignKeys: readonly ForeignKey[] = [
  fk("customer.loyalty_program", "customer_id", "customer.customers"),
  fk("customer.support_tickets", "customer_id", "customer.customers"),
  fk("customer.app_usage", "customer_id", "customer.customers"),
  fk("sales.transactions", "customer_id", "customer.customers"),
  fk("sales.transaction_items", "transaction_id", "sales.transactions"),
  fk("sales.transaction_items", "product_id", "product.products"),
  fk("logistics.shipments", "transaction_id", "sales.transactions"),
  fk("logistics.tracking_events", "shipment_id", "logistics.shipments"),
  fk("product.inventory", "product_id", "product.products"),
  fk("product.inventory", "location_id", "logistics.warehouse_locations"),
  fk("product.product_suppliers", "product_id", "product.products"),
  fk("product.product_suppliers", "supplier_id", "product.suppliers"),
  fk("logistics.shipments", "origin_location", "logistics.warehouse_locations", "location_id"),
  fk("sales.transactions", "store_id", "logistics.warehouse_locations", "location_id"),
];

/** The 11 CX marketplaces and the customer country names that map to each. */
export const marketplaces = {
  AU: ["Australia", "AU", "AUS"],
  CA: ["Canada", "CA", "CAN"],
  DE: ["Germany", "DE", "DEU"],
  ES: ["Spain", "ES", "ESP"],
  FR: ["France", "FR", "FRA"],
  IN: ["India", "IN", "IND"],
  IT: ["Italy", "IT", "ITA"],
  JP: ["Japan", "JP", "JPN"],
  MX: ["Mexico", "MX", "MEX"],
  UK: ["United Kingdom", "UK", "GB", "GBR"],
  US: ["USA", "United States", "US"],
} as const satisfies Record<string, readonly string[]>;

export type MarketplaceCode = keyof typeof marketplaces;

/**
 * The one currency of every amount, in every market: the group reports in US dollars, as the
 * reference exports do, so sums across markets (sales summaries, a product's revenue) add like with
 * like. A transaction's `currency` says so row by row, and a quality check holds it.
 */
export const reportingCurrency = "USD";

/** Whether `code` is one of the 11 marketplace codes (an own key: `constructor` and `__proto__` are not). */
export const isMarketplace = (code: string): code is MarketplaceCode => Object.hasOwn(marketplaces, code);

/**
 * The customer country names a row scope of `markets` admits (every spelling the CRM may use),
 * or null when the scope is unrestricted. An unknown market admits nothing.
 */
export function countriesOfMarkets(markets: readonly string[] | null): string[] | null {
  if (markets === null) return null;
  return markets.flatMap((m) => (isMarketplace(m) ? [...marketplaces[m]] : []));
}

/**
 * The same mapping in SQL: a CASE over `expression` (a country column) giving the marketplace code,
 * NULL for a country without one. Every spelling is a fixed literal of this module.
 */
export function marketplaceOfCountrySql(expression: string): string {
  const arms = Object.entries(marketplaces).flatMap(([code, names]) =>
    names.map((n) => `WHEN '${n.toLowerCase()}' THEN '${code}'`),
  );
  return `(CASE lower(trim(${expression})) ${arms.join(" ")} END)`;
}

/** Customer country (as written in the CRM) to CX marketplace code, or null when it has none. */
export function marketplaceOfCountry(country: string): MarketplaceCode | null {
  const wanted = country.trim().toLowerCase();
  for (const [code, names] of Object.entries(marketplaces)) {
    if (names.some((n) => n.toLowerCase() === wanted)) return code as MarketplaceCode;
  }
  return null;
}

/**
 * Each marketplace's IANA time zone (ARCHITECTURE.md §2, Local time): the one map the graph's local
 * timestamps, `Marketplace.timeZone` and groupings on a market's local calendar read.
 */
export const timeZones: Readonly<Record<MarketplaceCode, string>> = {
  AU: "Australia/Sydney",
  CA: "America/Toronto",
  DE: "Europe/Berlin",
  ES: "Europe/Madrid",
  FR: "Europe/Paris",
  IN: "Asia/Kolkata",
  IT: "Europe/Rome",
  JP: "Asia/Tokyo",
  MX: "America/Mexico_City",
  UK: "Europe/London",
  US: "America/New_York",
};

/**
 * The same map in SQL: a CASE over `expression` (a marketplace code column) giving its time zone,
 * 'UTC' for a row without a marketplace (so it still lands on a day). Every zone is a literal of this module.
 */
export function timeZoneOfMarketSql(expression: string): string {
  const arms = Object.entries(timeZones).map(([code, zone]) => `WHEN '${code}' THEN '${zone}'`);
  return `(CASE ${expression} ${arms.join(" ")} ELSE 'UTC' END)`;
}

/** One formatter per zone: building one is far dearer than using it. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * `instant` as ISO 8601 in `timeZone`, to the second, with the UTC offset in force at that instant
 * (`2024-05-15T10:30:00-04:00`): the offset is the wall clock read as if it were UTC minus the instant,
 * so daylight saving time comes from the zone database, not from rules of our own.
 */
export function localIso(instant: Date, timeZone: string): string {
  const parts = wallClock(timeZone).formatToParts(instant);
  const [y, mo, d, h, mi, s] = (["year", "month", "day", "hour", "minute", "second"] as const).map((type) =>
    Number(parts.find((p) => p.type === type)?.value),
  ) as [number, number, number, number, number, number];
  const offset = Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const hhmm = `${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset < 0 ? "-" : "+"}${hhmm}`;
}

/**
 * A market-owned timestamp in its market's local time (see `localIso`); null when there is no
 * timestamp or the record's market is not a CX marketplace (its zone is not known).
 */
export function localTimeOf(instant: Date | string | null | undefined, marketplace: string | null | undefined) {
  if (instant == null || marketplace == null || !isMarketplace(marketplace)) return null;
  return localIso(new Date(instant), timeZones[marketplace]);
}
