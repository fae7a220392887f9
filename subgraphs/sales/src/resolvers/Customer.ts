import { offsetConnection, offsetPage } from "@c360/subgraph-kit";
import type { TransactionFilter } from "../data";
import type { Context } from "../schema";

type CustomerRef = { id: string };

export const Customer = {
  __resolveReference: (ref: CustomerRef) => ({ id: ref.id }),
  transactions: async (
    customer: CustomerRef,
    args: { filter?: TransactionFilter | null; first?: number | null; after?: string | null },
    { loaders }: Context,
  ) => {
    const page = offsetPage(args.first, args.after);
    const { rows, totalCount } = await loaders.transactions({ page, filter: args.filter }).load(customer.id);
    return offsetConnection(rows, totalCount, page);
  },
  purchaseSummary: async (customer: CustomerRef, _: unknown, { loaders }: Context) =>
    (await loaders.purchaseSummary.load(customer.id)) ?? {
      transactionCount: 0,
      totalSpent: "0",
      averageOrderValue: null,
      firstPurchaseAt: null,
      lastPurchaseAt: null,
    },
};
