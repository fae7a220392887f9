import { isMarketplace, marketplaces } from "@c360/db";
import {
  argumentsUsed,
  badUserInput,
  boundedList,
  keysetConnection,
  keysetPage,
  orderName,
  rangeInOrder,
  refuseUnreadable,
} from "@c360/subgraph-kit";
import { regionalSalesSeries, salesSummary, transactionsPage } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

/** What a transaction filter reveals beyond the transaction itself: who bought. */
const revealed: Record<string, string[]> = { customerId: ["Transaction.customer"] };

export const Query: QueryResolvers = {
  transaction: (_, { id }, { loaders }) => loaders.transaction.load(id),
  transactions: async (_, { filter, orderBy, first, after }, { db, loaders, viewer }, info) => {
    rangeInOrder(filter);
    refuseUnreadable(viewer, revealed, argumentsUsed(filter, orderBy));
    const page = keysetPage(first, after, info, orderName(orderBy));
    const { rows, totalCount } = await transactionsPage(db, filter, orderBy, page, loaders.scope);
    return keysetConnection(rows, totalCount, page, (row) => row.transactionId);
  },
  regionalSales: async (_, { filter, grain }, { db, loaders }) => {
    rangeInOrder(filter);
    const rows = boundedList(await regionalSalesSeries(db, filter, grain, loaders.scope), "filter");
    return rows.map((row) => ({ ...row, grain }));
  },
  salesSummary: async (_, { filter, groupBy, timeZone }, { db, loaders }) => {
    const unknown = filter?.marketplaces?.find((m) => !isMarketplace(m));
    if (unknown !== undefined)
      throw badUserInput("filter.marketplaces", `unknown marketplace (one of ${Object.keys(marketplaces).join(", ")})`);
    rangeInOrder(filter);
    return boundedList(await salesSummary(db, filter, groupBy ?? [], timeZone, loaders.scope), "filter");
  },
};
