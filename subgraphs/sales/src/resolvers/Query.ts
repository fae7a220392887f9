import { boundedList } from "@c360/subgraph-kit";
import { regionalSalesSeries } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  transaction: (_, { id }, { loaders }) => loaders.transaction.load(id),
  regionalSales: async (_, { filter, grain }, { db, loaders }) => {
    const rows = boundedList(await regionalSalesSeries(db, filter, grain, loaders.scope), "filter");
    return rows.map((row) => ({ ...row, grain }));
  },
};
