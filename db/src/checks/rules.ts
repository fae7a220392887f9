import {
  type ColumnSpec,
  foreignKeys,
  marketplaceOfCountrySql,
  marketplaces,
  reportingCurrency,
  type TableSpec,
  tables,
} from "../catalog";

/** One integrity rule: `violations` is SQL yielding a `key text` column, one row per offending row. */
export interface QualityCheck {
  name: string;
  /** The table whose rows it judges (`schema.table`): a violation's key is one of its rows. */
  table: string;
  domain: TableSpec["domain"];
  /**
   * Whether a failure rejects the load that finds it. Blocking: what the graph needs to answer right
   * and within scope, the 14 foreign keys (ARCHITECTURE.md §2: they hold after any load) and each fact's
   * market and buyer (row scope and the access trail read them). Warning only: what the source says of
   * its own values (money identities, ratios against their counts, dates, ranges, market codes), which
   * a load keeps as exported, its failures shown with the load in `dataProducts`.
   */
  blocking: boolean;
  violations: string;
}

const table = (qualified: string) => tables.find((t) => t.qualified === qualified) as TableSpec;
const domainOf = (qualified: string) => table(qualified).domain;
const rowKey = (t: TableSpec, alias: string) => t.primaryKey.map((k) => `${alias}."${k}"::text`).join(" || '/' || ");

const foreignKeyChecks = foreignKeys.map(
  (fk): QualityCheck => ({
    name: `foreign key ${fk.child}.${fk.column} -> ${fk.parent}.${fk.parentColumn}`,
    table: fk.child,
    domain: domainOf(fk.child),
    blocking: true,
    violations: `SELECT ${rowKey(table(fk.child), "c")} AS key FROM ${fk.child} c
      WHERE c."${fk.column}" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p."${fk.parentColumn}" = c."${fk.column}")`,
  }),
);

const moneyChecks: QualityCheck[] = [
  {
    name: "money sales.transactions: subtotal + tax_amount - discount_amount = total_amount",
    table: "sales.transactions",
    domain: domainOf("sales.transactions"),
    blocking: false,
    violations: `SELECT transaction_id AS key FROM sales.transactions
      WHERE subtotal + tax_amount - discount_amount <> total_amount`,
  },
  {
    name: "money sales.transaction_items: quantity * unit_price = line_total",
    table: "sales.transaction_items",
    domain: domainOf("sales.transaction_items"),
    blocking: false,
    violations: `SELECT item_id AS key FROM sales.transaction_items WHERE quantity * unit_price <> line_total`,
  },
];

/**
 * Exported ratios are rounded to 2 decimals from unrounded upstream values, so a stored ratio may
 * differ from the ratio of its stored counts by a little over half a unit (0.00501 measured on the
 * reference exports): one unit in the second decimal is the tolerance.
 */
const ROUNDING = 0.01;

/** [table, ratio, numerator, denominator]: the ratios that are recomputed from their counts. */
export const kpiRatios = [
  ["cx.kpi_discover_daily", "dpvr", "pdp_views", "list_impressions"],
  ["cx.kpi_discover_daily", "zrr", "zero_results", "total_searches"],
  ["cx.kpi_discover_daily", "help_bounce_to_contact", "escalations", "help_sessions"],
  ["cx.kpi_purchase_daily", "atcr", "atc", "pdp_views"],
  ["cx.kpi_purchase_daily", "pcr", "orders", "pdp_sess"],
  ["cx.kpi_purchase_daily", "co_err_rate", "co_errors", "co_attempts"],
  ["cx.kpi_purchase_daily", "pay_decl_rate", "declines", "payments"],
  ["cx.kpi_fulfillment_daily", "delivery_exception_rate", "exceptions", "orders"],
  ["cx.kpi_fulfillment_daily", "wismo_contact_rate", "wismo_contacts", "orders"],
] as const;

const ratioChecks = kpiRatios.map(
  ([t, ratio, num, den]): QualityCheck => ({
    name: `kpi ratio ${t}.${ratio} = ${num} / ${den} (within rounding)`,
    table: t,
    domain: domainOf(t),
    blocking: false,
    violations: `SELECT ${rowKey(table(t), "k")} AS key FROM ${t} k
      WHERE k.${den} > 0 AND (k.${ratio} IS NULL OR abs(k.${num}::float8 / k.${den} - k.${ratio}) > ${ROUNDING})`,
  }),
);

/** Dates that may lie ahead: a promised delivery date. */
const mayBeFuture = new Set(["logistics.shipments.estimated_delivery"]);

const futureChecks = tables.flatMap((t) =>
  t.columns
    .filter((c) => (c.kind === "date" || c.kind === "timestamptz") && !mayBeFuture.has(`${t.qualified}.${c.name}`))
    .map(
      (c): QualityCheck => ({
        name: `no future dates ${t.qualified}.${c.name}`,
        table: t.qualified,
        domain: t.domain,
        blocking: false,
        violations: `SELECT ${rowKey(t, "r")} AS key FROM ${t.qualified} r WHERE r."${c.name}" > ${c.kind === "date" ? "current_date" : "now()"}`,
      }),
    ),
);

/**
 * Allowed [min, max] by column; every other number of a data table must be >= 0, every other KPI
 * decimal (a ratio, share or propensity mean) in [0, 1].
 */
const ranges: Record<string, [number | null, number | null]> = {
  "customer.support_tickets.satisfaction_score": [1, 5],
  "product.suppliers.quality_rating": [1, 5],
  "cx.kpi_discover_daily.prime_flag": [0, 1],
  "cx.kpi_discover_daily.ces_avg": [1, 7],
  "cx.kpi_purchase_daily.prime_flag": [0, 1],
  "cx.kpi_purchase_daily.pcr": [0, null],
  "cx.kpi_purchase_daily.ces_buy_avg": [1, 7],
  "cx.kpi_fulfillment_daily.prime_flag": [0, 1],
  "cx.kpi_fulfillment_daily.nps_score": [-100, 100],
  "cx.kpi_fulfillment_daily.promise_accuracy_mae_hours": [0, null],
};

function rangeOf(t: TableSpec, c: ColumnSpec): [number | null, number | null] | undefined {
  const explicit = ranges[`${t.qualified}.${c.name}`];
  if (explicit) return explicit;
  if (c.kind === "numeric" && t.domain === "cx") return [0, 1];
  if (c.kind === "integer" || c.kind === "bigint" || c.kind === "numeric") return [0, null];
  return undefined;
}

const rangeChecks = tables.flatMap((t) =>
  t.columns.flatMap((c): QualityCheck[] => {
    const range = rangeOf(t, c);
    if (!range) return [];
    const [min, max] = range;
    const outside = [
      min !== null ? `r."${c.name}" < ${min}` : null,
      max !== null ? `r."${c.name}" > ${max}` : null,
    ].filter(Boolean);
    return [
      {
        name: `range ${t.qualified}.${c.name} in [${min ?? "-inf"}, ${max ?? "inf"}]`,
        table: t.qualified,
        domain: t.domain,
        blocking: false,
        violations: `SELECT ${rowKey(t, "r")} AS key FROM ${t.qualified} r WHERE ${outside.join(" OR ")}`,
      },
    ];
  }),
);

const marketplaceChecks = tables
  .filter((t) => t.columns.some((c) => c.name === "marketplace" && c.notNull))
  .map(
    (t): QualityCheck => ({
      name: `range ${t.qualified}.marketplace is a CX marketplace`,
      table: t.qualified,
      domain: t.domain,
      blocking: false,
      violations: `SELECT ${rowKey(t, "r")} AS key FROM ${t.qualified} r
        WHERE r.marketplace <> ALL (ARRAY[${Object.keys(marketplaces)
          .map((m) => `'${m}'`)
          .join(", ")}])`,
    }),
  );

/**
 * Each fact's market is its buyer's, and each shipment's buyer its transaction's: row scope and the
 * access trail in one domain must agree with the customer.
 */
const factBuyerChecks: QualityCheck[] = [
  {
    name: "market sales.transactions.marketplace = the marketplace of its buyer's country",
    table: "sales.transactions",
    domain: domainOf("sales.transactions"),
    blocking: true,
    violations: `SELECT t.transaction_id AS key FROM sales.transactions t JOIN customer.customers c USING (customer_id)
      WHERE t.marketplace IS DISTINCT FROM ${marketplaceOfCountrySql("c.country")}`,
  },
  {
    name: "market logistics.shipments.marketplace = the marketplace of its transaction",
    table: "logistics.shipments",
    domain: domainOf("logistics.shipments"),
    blocking: true,
    violations: `SELECT s.shipment_id AS key FROM logistics.shipments s JOIN sales.transactions t USING (transaction_id)
      WHERE s.marketplace IS DISTINCT FROM t.marketplace`,
  },
  {
    name: "buyer logistics.shipments.customer_id = the buyer of its transaction",
    table: "logistics.shipments",
    domain: domainOf("logistics.shipments"),
    blocking: true,
    violations: `SELECT s.shipment_id AS key FROM logistics.shipments s JOIN sales.transactions t USING (transaction_id)
      WHERE s.customer_id IS DISTINCT FROM t.customer_id`,
  },
];

/** The UTC calendar day of a timestamp column: seed timestamps are UTC, whatever the session's zone. */
const utcDay = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;

/**
 * A parcel's life follows its order: shipped on or after the day it was bought, tracked from the
 * purchase on, delivered on or after it shipped and after it was picked up. What the source says of
 * its own dates: a failure warns, like the other date checks.
 */
const eventOrderChecks: QualityCheck[] = [
  {
    name: "order logistics.tracking_events.event_timestamp not before its transaction's transaction_date",
    table: "logistics.tracking_events",
    domain: domainOf("logistics.tracking_events"),
    blocking: false,
    violations: `SELECT e.event_id AS key FROM logistics.tracking_events e
      JOIN logistics.shipments s USING (shipment_id) JOIN sales.transactions t USING (transaction_id)
      WHERE e.event_timestamp < t.transaction_date`,
  },
  {
    name: "order logistics.shipments.ship_date not before its transaction's transaction_date",
    table: "logistics.shipments",
    domain: domainOf("logistics.shipments"),
    blocking: false,
    violations: `SELECT s.shipment_id AS key FROM logistics.shipments s JOIN sales.transactions t USING (transaction_id)
      WHERE s.ship_date < ${utcDay("t.transaction_date")}`,
  },
  {
    name: "order logistics.shipments.actual_delivery not before ship_date",
    table: "logistics.shipments",
    domain: domainOf("logistics.shipments"),
    blocking: false,
    violations: `SELECT shipment_id AS key FROM logistics.shipments WHERE actual_delivery < ship_date`,
  },
  {
    name: "order logistics.tracking_events delivered not before its shipment's picked_up",
    table: "logistics.tracking_events",
    domain: domainOf("logistics.tracking_events"),
    blocking: false,
    violations: `SELECT d.event_id AS key FROM logistics.tracking_events d
      JOIN logistics.tracking_events p ON p.shipment_id = d.shipment_id AND p.event_type = 'picked_up'
      WHERE d.event_type = 'delivered' AND d.event_timestamp < p.event_timestamp`,
  },
];

const currencyChecks: QualityCheck[] = [
  {
    name: `currency sales.transactions.currency = ${reportingCurrency}, the reporting currency of every market`,
    table: "sales.transactions",
    domain: domainOf("sales.transactions"),
    blocking: false,
    violations: `SELECT transaction_id AS key FROM sales.transactions WHERE currency <> '${reportingCurrency}'`,
  },
];

/** Every integrity rule of the data products, in a stable order. */
export const qualityChecks: readonly QualityCheck[] = [
  ...foreignKeyChecks,
  ...moneyChecks,
  ...ratioChecks,
  ...futureChecks,
  ...rangeChecks,
  ...marketplaceChecks,
  ...factBuyerChecks,
  ...eventOrderChecks,
  ...currencyChecks,
];
