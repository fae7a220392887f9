import type { TransactionItemResolvers, TransactionResolvers } from "../generated/resolvers-types";

export const Transaction: TransactionResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.transaction.load(ref.id),
  id: (row) => row.transactionId,
  store: (row) => (row.storeId ? { id: row.storeId } : null),
  items: (row, _, { loaders }) => loaders.items.load(row.transactionId),
};

export const TransactionItem: TransactionItemResolvers = {
  id: (row) => row.itemId,
  product: (row) => ({ id: row.productId }),
};
