import { localTimeOf } from "@c360/db";
import { ofCustomer } from "@c360/subgraph-kit";
import type { TransactionItemResolvers, TransactionResolvers } from "../generated/resolvers-types";

export const Transaction: TransactionResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.transaction.load(ref.id),
  id: (row) => row.transactionId,
  transactionDateLocal: (row) => localTimeOf(row.transactionDate, row.marketplace),
  store: (row) => (row.storeId ? { id: row.storeId } : null),
  items: async (row, _, { loaders }) => ofCustomer(await loaders.items.load(row.transactionId), row.customerId),
};

export const TransactionItem: TransactionItemResolvers = {
  id: (row) => row.itemId,
  product: (row) => ({ id: row.productId }),
};
