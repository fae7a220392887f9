import { keysetConnection, keysetPage } from "@c360/subgraph-kit";
import { type CustomerFilter, customersPage } from "../data";
import type { Context } from "../schema";

export const Query = {
  customer: (_: unknown, args: { id: string }, { loaders }: Context) => loaders.customer.load(args.id),
  customers: async (
    _: unknown,
    args: { filter?: CustomerFilter | null; first?: number | null; after?: string | null },
    { db }: Context,
  ) => {
    const page = keysetPage(args.first, args.after);
    const { rows, totalCount } = await customersPage(db, args.filter, page);
    return keysetConnection(rows, totalCount, page, (row) => row.customerId);
  },
};
