import { boundedList, type Grain } from "@c360/subgraph-kit";
import { type RegionalSalesFilter, regionalSalesSeries } from "../data";
import type { Context } from "../schema";

export const Query = {
  transaction: (_: unknown, args: { id: string }, { loaders }: Context) => loaders.transaction.load(args.id),
  regionalSales: async (_: unknown, args: { filter?: RegionalSalesFilter | null; grain: Grain }, { db }: Context) => {
    const rows = boundedList(await regionalSalesSeries(db, args.filter, args.grain), "filter");
    return rows.map((row) => ({ ...row, grain: args.grain }));
  },
};
