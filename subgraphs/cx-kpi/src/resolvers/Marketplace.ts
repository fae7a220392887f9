import { marketplaces } from "@c360/db";
import type { Grain } from "@c360/subgraph-kit";
import { isMarketplace, validateKpiFilter } from "../data";
import type { KpiStage } from "../rollup";
import type { Context } from "../schema";

type MarketplaceRef = { code: string };
type SeriesArgs = { from: string; to: string; grain: Grain };

const series =
  (stage: KpiStage) =>
  async ({ code }: MarketplaceRef, { from, to, grain }: SeriesArgs, { loaders }: Context) => {
    validateKpiFilter({ from, to });
    const rows = await loaders.marketplaceKpis({ stage, from, to, grain }).load(code);
    return rows.map((row) => ({ ...row, grain }));
  };

export const Marketplace = {
  __resolveReference: ({ code }: MarketplaceRef) => (isMarketplace(code) ? { code } : null),
  name: ({ code }: MarketplaceRef) => (isMarketplace(code) ? marketplaces[code][0] : code),
  discoverKpis: series("discover"),
  purchaseKpis: series("purchase"),
  fulfillmentKpis: series("fulfillment"),
};
