import { isMarketplace, marketplaces } from "@c360/db";
import { badUserInput, boundedList } from "@c360/subgraph-kit";
import { regionalSalesSeries, salesSummary } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  transaction: (_, { id }, { loaders }) => loaders.transaction.load(id),
  regionalSales: async (_, { filter, grain }, { db, loaders }) => {
    const rows = boundedList(await regionalSalesSeries(db, filter, grain, loaders.scope), "filter");
    return rows.map((row) => ({ ...row, grain }));
  },
  salesSummary: async (_, { filter, groupBy }, { db, loaders }) => {
    const unknown = filter?.marketplaces?.find((m) => !isMarketplace(m));
    if (unknown !== undefined)
      throw badUserInput("filter.marketplaces", `unknown marketplace (one of ${Object.keys(marketplaces).join(", ")})`);
    if (filter?.from && filter.to && filter.from > filter.to)
      throw badUserInput("filter.to", "must not be before filter.from");
    return boundedList(await salesSummary(db, filter, groupBy ?? [], loaders.scope), "filter");
  },
};
