import { boundedList, type Grain } from "@c360/subgraph-kit";
import { isMarketplace, type KpiDimension, type KpiFilter, kpiSeries, validateKpiFilter } from "../data";
import type { KpiStage } from "../rollup";
import type { Context } from "../schema";

type SeriesArgs = { filter: KpiFilter; grain: Grain; groupBy: KpiDimension[] | null };

const series =
  (stage: KpiStage) =>
  async (_: unknown, { filter, grain, groupBy }: SeriesArgs, { db }: Context) => {
    validateKpiFilter(filter);
    const rows = boundedList(await kpiSeries(db, stage, filter, grain, groupBy ?? []), "filter");
    return rows.map((row) => ({ ...row, grain }));
  };

export const Query = {
  discoverKpis: series("discover"),
  purchaseKpis: series("purchase"),
  fulfillmentKpis: series("fulfillment"),
  marketplace: (_: unknown, { code }: { code: string }) => (isMarketplace(code) ? { code } : null),
};
