import { offsetConnection, offsetPage, rangeInOrder, selects } from "@c360/subgraph-kit";
import type { CustomerResolvers } from "../generated/resolvers-types";

export const Customer: CustomerResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  transactions: async (customer, { filter, first, after }, { loaders }, info) => {
    rangeInOrder(filter);
    const page = offsetPage(first, after);
    const withItems = selects(info, "edges.node.items");
    const { rows, totalCount } = await loaders.transactions({ page, filter, withItems }).load(customer.id);
    return offsetConnection(rows, totalCount, page);
  },
  purchaseSummary: async (customer, _, { loaders }) =>
    (await loaders.purchaseSummary.load(customer.id)) ?? {
      customerId: customer.id,
      transactionCount: 0,
      totalSpent: "0",
      averageOrderValue: null,
      firstPurchaseAt: null,
      lastPurchaseAt: null,
    },
};
