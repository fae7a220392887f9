import { marketplaces, timeZones } from "@c360/db";
import { selectedFields } from "@c360/subgraph-kit";
import { inPeriod, marketplaceRef, validateKpiFilter } from "../data";
import type { MarketplaceResolvers } from "../generated/resolvers-types";
import type { KpiStage } from "../rollup";

const series =
  (stage: KpiStage): MarketplaceResolvers["discoverKpis"] =>
  async ({ code }, { from, to, grain }, { loaders }, info) => {
    validateKpiFilter({ from, to });
    const fields = [...selectedFields(info)].sort();
    const rows = await loaders.marketplaceKpis({ stage, from, to, grain, fields }).load(code);
    return rows.map((row) => inPeriod(row, grain, { from, to }));
  };

export const Marketplace: MarketplaceResolvers = {
  __resolveReference: ({ code }, { viewer }) => marketplaceRef(code, viewer.markets),
  name: ({ code }) => marketplaces[code][0],
  timeZone: ({ code }) => timeZones[code],
  discoverKpis: series("discover"),
  purchaseKpis: series("purchase"),
  fulfillmentKpis: series("fulfillment"),
};
