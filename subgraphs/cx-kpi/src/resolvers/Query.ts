import { boundedList, selectedFields } from "@c360/subgraph-kit";
import { funnelSeries, inPeriod, kpiSeries, marketplaceRef, validateKpiFilter } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";
import type { KpiStage } from "../rollup";

const series =
  (stage: KpiStage): QueryResolvers["discoverKpis"] =>
  async (_, { filter, grain, groupBy }, { db, viewer }, info) => {
    validateKpiFilter(filter);
    const rows = boundedList(
      await kpiSeries(db, stage, filter, grain, groupBy ?? [], viewer.markets, selectedFields(info)),
      "filter",
    );
    return rows.map((row) => inPeriod(row, grain, filter));
  };

export const Query: QueryResolvers = {
  discoverKpis: series("discover"),
  purchaseKpis: series("purchase"),
  fulfillmentKpis: series("fulfillment"),
  marketplace: (_, { code }, { viewer }) => marketplaceRef(code, viewer.markets),
  funnel: async (_, { filter, grain, groupBy }, { db, viewer }) => {
    validateKpiFilter(filter);
    const rows = await funnelSeries(db, filter, grain, groupBy ?? [], viewer.markets);
    return boundedList(rows, "filter").map((row) => inPeriod(row, grain, filter));
  },
};
