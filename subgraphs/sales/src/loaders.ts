import type { Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { byKey, groupedByKey, loader, loaderFamily, type OffsetPage, withChildren } from "@c360/subgraph-kit";
import {
  itemsByTransactionIds,
  productSales,
  purchaseSummaries,
  type TransactionFilter,
  transactionPages,
  transactionsByIds,
} from "./data";

/**
 * Per-request loaders: one SQL statement per entity type and nesting level, whatever the page size,
 * each kept to the viewer's markets; a page of transactions brings their items when the selection asks for them.
 */
export function createLoaders(db: Database, viewer: Viewer) {
  const scope = viewer.markets;
  const items = loader("sales.items", async (ids: readonly string[]) =>
    groupedByKey(ids, await itemsByTransactionIds(db, ids), (r) => r.transactionId),
  );
  return {
    /** The viewer's row scope, for the queries that do not go through a loader. */
    scope,
    transaction: loader("sales.transaction", async (ids: readonly string[]) =>
      byKey(ids, await transactionsByIds(db, ids, scope), (r) => r.transactionId),
    ),
    items,
    purchaseSummary: loader("sales.purchaseSummary", async (ids: readonly string[]) =>
      byKey(ids, await purchaseSummaries(db, ids, scope), (r) => r.customerId),
    ),
    productSales: loader("sales.productSales", async (ids: readonly string[]) =>
      byKey(ids, await productSales(db, ids, scope), (r) => r.productId).map(
        (row, i) => row ?? { productId: ids[i] as string, units: 0, revenue: "0.00", transactions: 0 },
      ),
    ),
    /** Pages of customers' transactions; `withItems` reads their items too, for `items` to find. */
    transactions: loaderFamily(
      "sales.transactions",
      async (
        args: { page: OffsetPage; filter?: TransactionFilter | null; withItems: boolean },
        ids: readonly string[],
      ) => {
        const pages = await withChildren(args.withItems, false, (withItems) =>
          transactionPages(db, ids, args.page, scope, args.filter, withItems),
        );
        for (const { rows } of pages) for (const row of rows) if (row.items) items.prime(row.transactionId, row.items);
        return pages;
      },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
