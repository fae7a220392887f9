import type { Database } from "@c360/db-client";
import { byKey, groupedByKey, loaderFamily, type OffsetPage } from "@c360/subgraph-kit";
import DataLoader from "dataloader";
import {
  itemsByTransactionIds,
  purchaseSummaries,
  type TransactionFilter,
  transactionPages,
  transactionsByIds,
} from "./data";

/** Per-request loaders: one SQL statement per entity type and nesting level, whatever the page size. */
export function createLoaders(db: Database) {
  return {
    transaction: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await transactionsByIds(db, ids), (r) => r.transactionId),
    ),
    items: new DataLoader(async (ids: readonly string[]) =>
      groupedByKey(ids, await itemsByTransactionIds(db, ids), (r) => r.transactionId),
    ),
    purchaseSummary: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await purchaseSummaries(db, ids), (r) => r.customerId),
    ),
    transactions: loaderFamily(
      (args: { page: OffsetPage; filter?: TransactionFilter | null }, ids: readonly string[]) =>
        transactionPages(db, ids, args.page, args.filter),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
