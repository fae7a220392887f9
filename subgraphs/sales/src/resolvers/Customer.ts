import { offsetConnection, offsetPage, rangeInOrder, selects } from "@c360/subgraph-kit";
import { noPurchases } from "../data";
import type { CustomerResolvers } from "../generated/resolvers-types";
import { pageReads, summaryPage } from "../loaders";

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, { viewer }, info) => ({ id: ref.id, summaryPage: summaryPage(info, viewer) }),
  transactions: async (customer, { filter, first, after }, { loaders }, info) => {
    rangeInOrder(filter);
    const page = offsetPage(first, after);
    const own = pageReads(page, filter, selects(info, "edges.node.items"));
    // The page the purchase summary is read with, when it is this one.
    const shared = customer.summaryPage;
    const reads = shared && JSON.stringify({ ...shared, withSummary: false }) === JSON.stringify(own) ? shared : own;
    const { rows, totalCount } = await loaders.transactions(reads).load(customer.id);
    return offsetConnection(rows, totalCount, page);
  },
  purchaseSummary: async (customer, _, { loaders }) => {
    if (customer.summaryPage) {
      const { summary } = await loaders.transactions(customer.summaryPage).load(customer.id);
      if (summary) return summary;
    }
    return (await loaders.purchaseSummary.load(customer.id)) ?? noPurchases(customer.id);
  },
};
