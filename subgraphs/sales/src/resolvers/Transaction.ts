import type { ItemRow, TransactionRow } from "../data";
import type { Context } from "../schema";

export const Transaction = {
  __resolveReference: (ref: { id: string }, { loaders }: Context) => loaders.transaction.load(ref.id),
  id: (row: TransactionRow) => row.transactionId,
  customer: (row: TransactionRow) => ({ id: row.customerId }),
  store: (row: TransactionRow) => (row.storeId ? { id: row.storeId } : null),
  items: (row: TransactionRow, _: unknown, { loaders }: Context) => loaders.items.load(row.transactionId),
};

export const TransactionItem = {
  id: (row: ItemRow) => row.itemId,
  product: (row: ItemRow) => ({ id: row.productId }),
};
