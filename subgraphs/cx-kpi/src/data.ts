import { isMarketplace, type MarketplaceCode, marketplaces } from "@c360/db";
import type { Database } from "@c360/db-client";
import {
  badUserInput,
  type Grain,
  inScope,
  MAX_LIST_ROWS,
  type MarketScope,
  type PeriodSpan,
  period,
  periodSpan,
  rangeInOrder,
} from "@c360/subgraph-kit";
import { and, asc, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type KpiStage, kpiTables, rollupColumns } from "./rollup";

export type KpiDimension = "MARKETPLACE" | "PRIME_FLAG";

export interface KpiFilter {
  from: string;
  to: string;
  marketplaces?: readonly string[] | null;
  primeFlag?: number | null;
}

export type KpiRow = Record<string, unknown> & {
  periodStart: string;
  marketplace: string | null;
  primeFlag: number | null;
};

/** A KPI row as resolvers return it: with the grain it was rolled up to and its period's span. */
export type KpiSeriesRow = KpiRow & { grain: Grain } & PeriodSpan;

/** A rollup row with its grain and its period's span against the range it was filtered to. */
export const inPeriod = <R extends { periodStart: string }>(
  row: R,
  grain: Grain,
  range: { from: string; to: string },
) => ({
  ...row,
  grain,
  ...periodSpan(row.periodStart, grain, range),
});

export type MarketplaceRef = { code: MarketplaceCode };

/** Rollup select lists, built once at start so a KPI column without a rule fails the process, not a request. */
const rollups = Object.fromEntries(
  (Object.keys(kpiTables) as KpiStage[]).map((stage) => [stage, rollupColumns(kpiTables[stage])]),
) as Record<KpiStage, Record<string, SQL>>;

/** The rollup expressions of `stage` a selection asks for (every one when `fields` is absent). */
const measures = (stage: KpiStage, fields: ReadonlySet<string> | undefined) =>
  fields ? Object.fromEntries(Object.entries(rollups[stage]).filter(([key]) => fields.has(key))) : rollups[stage];

/** Checks a KPI filter; a bad one is `BAD_USER_INPUT` naming the argument. */
export function validateKpiFilter(filter: KpiFilter): void {
  rangeInOrder(filter);
  const unknown = filter.marketplaces?.find((m) => !isMarketplace(m));
  if (unknown !== undefined)
    throw badUserInput("filter.marketplaces", `unknown marketplace (one of ${Object.keys(marketplaces).join(", ")})`);
  if (filter.primeFlag != null && filter.primeFlag !== 0 && filter.primeFlag !== 1)
    throw badUserInput("filter.primeFlag", "must be 0 or 1");
}

/**
 * One stage's KPIs rolled up to `grain` and grouped by `groupBy`, computed in SQL (GROUP BY), in
 * period, marketplace, prime-flag order, over the viewer's markets only (whatever the filter asks);
 * only the measures in `fields` (all when absent); at most MAX_LIST_ROWS + 1 rows (the caller bounds it).
 */
export function kpiSeries(
  db: Database,
  stage: KpiStage,
  filter: KpiFilter,
  grain: Grain,
  groupBy: readonly KpiDimension[],
  scope: MarketScope,
  fields?: ReadonlySet<string>,
) {
  const table = kpiTables[stage] as unknown as { dt: PgColumn; marketplace: PgColumn; primeFlag: PgColumn };
  const { start, groupBy: byPeriod } = period(table.dt, grain, filter.from);
  const byMarket = groupBy.includes("MARKETPLACE");
  const byPrime = groupBy.includes("PRIME_FLAG");
  const marketplace = byMarket ? sql<string>`${table.marketplace}` : sql<null>`null::text`;
  const primeFlag = byPrime ? sql<number>`${table.primeFlag}`.mapWith(Number) : sql<null>`null::int`;
  const keys = [...byPeriod, ...(byMarket ? [table.marketplace] : []), ...(byPrime ? [table.primeFlag] : [])];
  // With no key, `GROUP BY ()` still makes one row of all of them when no measure is selected.
  if (!keys.length) keys.push(sql`()`);
  return db.drizzle
    .select({ periodStart: start, marketplace, primeFlag, ...measures(stage, fields) })
    .from(kpiTables[stage])
    .where(
      and(
        gte(table.dt, filter.from),
        lte(table.dt, filter.to),
        filter.marketplaces ? inArray(table.marketplace, [...filter.marketplaces]) : undefined,
        inScope(table.marketplace, scope),
        filter.primeFlag != null ? sql`${table.primeFlag} = ${filter.primeFlag}` : undefined,
      ),
    )
    .groupBy(...keys)
    .orderBy(
      ...byPeriod.map((p) => asc(p)),
      ...(byMarket ? [asc(table.marketplace)] : []),
      ...(byPrime ? [asc(table.primeFlag)] : []),
    )
    .limit(MAX_LIST_ROWS + 1) as Promise<KpiRow[]>;
}

/** The marketplace entity for `code`, or null for a code that is not a CX marketplace or not in scope. */
export const marketplaceRef = (code: string, markets: readonly string[] | null): MarketplaceRef | null =>
  isMarketplace(code) && (markets === null || markets.includes(code)) ? { code } : null;

export interface FunnelRow {
  periodStart: string;
  marketplace: string | null;
  primeFlag: number | null;
  listImpressions: string;
  pdpViews: string;
  addToCarts: string;
  orders: string;
  deliveredOrders: string;
  onTimeDeliveries: string;
  pdpViewRate: number | null;
  addToCartRate: number | null;
  orderedToCartedRatio: number | null;
  deliveredToOrderedRatio: number | null;
  onTimeRate: number | null;
  npsScore: number | null;
}

const ratio = (numerator: bigint, denominator: bigint) =>
  denominator === 0n ? null : Number(numerator) / Number(denominator);

/**
 * The funnel: each stage rolled up by the same rules and grouping (three statements, one per stage,
 * run together), joined on period and segment. A segment missing from a stage counts zero there.
 */
export async function funnelSeries(
  db: Database,
  filter: KpiFilter,
  grain: Grain,
  groupBy: readonly KpiDimension[],
  scope: MarketScope,
): Promise<FunnelRow[]> {
  const [discover, purchase, fulfillment] = await Promise.all([
    kpiSeries(db, "discover", filter, grain, groupBy, scope, new Set(["listImpressions", "pdpViews"])),
    kpiSeries(db, "purchase", filter, grain, groupBy, scope, new Set(["atc", "orders"])),
    kpiSeries(db, "fulfillment", filter, grain, groupBy, scope, new Set(["orders", "otdRate", "npsScore"])),
  ]);
  const keyOf = (r: KpiRow) => `${r.periodStart}|${r.marketplace ?? ""}|${r.primeFlag ?? ""}`;
  const segments = new Map<string, KpiRow>();
  for (const r of [...discover, ...purchase, ...fulfillment]) if (!segments.has(keyOf(r))) segments.set(keyOf(r), r);
  const index = (rows: KpiRow[]) => new Map(rows.map((r) => [keyOf(r), r]));
  const [d, p, f] = [index(discover), index(purchase), index(fulfillment)];
  const count = (row: KpiRow | undefined, key: string) => BigInt((row?.[key] as string | undefined) ?? "0");
  return [...segments]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, segment]) => {
      const [dr, pr, fr] = [d.get(key), p.get(key), f.get(key)];
      const impressions = count(dr, "listImpressions");
      const views = count(dr, "pdpViews");
      const carts = count(pr, "atc");
      const orders = count(pr, "orders");
      const delivered = count(fr, "orders");
      const otd = fr?.otdRate as number | null | undefined;
      const onTime = otd == null ? 0n : BigInt(Math.round(otd * Number(delivered)));
      return {
        periodStart: segment.periodStart,
        marketplace: segment.marketplace,
        primeFlag: segment.primeFlag,
        listImpressions: impressions.toString(),
        pdpViews: views.toString(),
        addToCarts: carts.toString(),
        orders: orders.toString(),
        deliveredOrders: delivered.toString(),
        onTimeDeliveries: onTime.toString(),
        pdpViewRate: ratio(views, impressions),
        addToCartRate: ratio(carts, views),
        orderedToCartedRatio: ratio(orders, carts),
        deliveredToOrderedRatio: ratio(delivered, orders),
        onTimeRate: ratio(onTime, delivered),
        npsScore: (fr?.npsScore as number | null | undefined) ?? null,
      };
    });
}
