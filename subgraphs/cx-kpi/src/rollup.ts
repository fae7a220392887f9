import { kpiRatios } from "@c360/db";
import { kpiDiscoverDaily, kpiFulfillmentDaily, kpiPurchaseDaily } from "@c360/db/schema";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";

export type KpiStage = "discover" | "purchase" | "fulfillment";

export const kpiTables: Record<KpiStage, PgTable> = {
  discover: kpiDiscoverDaily,
  purchase: kpiPurchaseDaily,
  fulfillment: kpiFulfillmentDaily,
};

/**
 * Means weighted by the count they were measured over (ARCHITECTURE.md §3: ces_avg by ces_responses,
 * nps_score by nps_responses, promise_accuracy_mae_hours and late_risk_mean by orders; the others by
 * the count their share or rate is taken of). A column missing here and from the ratio list would be
 * averaged unweighted: the rollup test fails on that, so every KPI column is named here or there.
 */
export const meanWeights: Record<string, string> = {
  "kpi_discover_daily.ces_avg": "ces_responses",
  "kpi_discover_daily.ces_top_box_rate": "ces_responses",
  "kpi_discover_daily.neg_review_share": "sessions",
  "kpi_discover_daily.explore_propensity_mean": "sessions",
  "kpi_discover_daily.explore_high_rate": "sessions",
  "kpi_purchase_daily.pm_card_share": "payments",
  "kpi_purchase_daily.pm_cod_share": "payments",
  "kpi_purchase_daily.pm_giftcard_share": "payments",
  "kpi_purchase_daily.pm_wallet_share": "payments",
  "kpi_purchase_daily.ces_buy_avg": "ces_buy_responses",
  "kpi_purchase_daily.ces_buy_topbox": "ces_buy_responses",
  "kpi_purchase_daily.prop_buy_mean": "pdp_sess",
  "kpi_purchase_daily.prop_buy_high_rate": "pdp_sess",
  "kpi_purchase_daily.promo_applied_rate": "orders",
  "kpi_purchase_daily.promo_10pct_share": "orders",
  "kpi_purchase_daily.promo_bundle_share": "orders",
  "kpi_purchase_daily.promo_free_ship_share": "orders",
  "kpi_fulfillment_daily.otd_rate": "orders",
  "kpi_fulfillment_daily.promise_accuracy_mae_hours": "orders",
  "kpi_fulfillment_daily.nps_score": "nps_responses",
  "kpi_fulfillment_daily.late_risk_mean": "orders",
  "kpi_fulfillment_daily.late_risk_high_rate": "orders",
};

const keyColumns = new Set(["dt", "marketplace", "prime_flag"]);

/**
 * The aggregate of every KPI column of `table` over a group of daily rows, by the rollup rules:
 * counts summed; ratios recomputed from the summed counts (null when the denominator sums to 0);
 * means weighted by their count (null when the weights sum to 0); flags true when any day was; a
 * category the most frequent one.
 */
export function rollupColumns(table: PgTable): Record<string, SQL> {
  const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const byName = new Map(columns.map(([, c]) => [c.name, c]));
  const tableName = getTableConfig(table).name;
  const column = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`${tableName}: no column ${name}`);
    return found;
  };
  const out: Record<string, SQL> = {};
  for (const [key, c] of columns) {
    if (keyColumns.has(c.name)) continue;
    const ratio = kpiRatios.find(([t, r]) => t === `cx.${tableName}` && r === c.name);
    const weight = meanWeights[`${tableName}.${c.name}`];
    if (ratio) {
      const [, , num, den] = ratio;
      out[key] = sql`sum(${column(num)})::float8 / nullif(sum(${column(den)}), 0)`.mapWith(Number);
    } else if (weight) {
      const w = column(weight);
      out[key] = sql`sum(${c} * ${w}) / nullif(sum(${w}) filter (where ${c} is not null), 0)`.mapWith(Number);
    } else if (c.columnType === "PgBigInt53") {
      // A sum of 64-bit counts, exact: the BigInt scalar gets its digits.
      out[key] = sql<string>`sum(${c})::bigint::text`;
    } else if (c.columnType === "PgBoolean") {
      out[key] = sql`bool_or(${c})`;
    } else if (c.columnType === "PgText") {
      out[key] = sql`mode() within group (order by ${c})`;
    } else {
      throw new Error(`${tableName}.${c.name}: no rollup rule (name it in kpiRatios or meanWeights)`);
    }
  }
  return out;
}
