import { mayRead, type Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import {
  byKey,
  groupedByKey,
  loader,
  loaderFamily,
  type OffsetPage,
  offsetPage,
  selectedArguments,
  selects,
  withChildren,
} from "@c360/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";
import {
  itemsByTransactionIds,
  type PageReads,
  productSales,
  purchaseSummaries,
  type TransactionFilter,
  transactionPages,
  transactionsByIds,
} from "./data";

/** The reads of a customer's `transactions` field (`withSummary` off): the one argument set its resolver and `summaryPage` share. */
export const pageReads = (
  page: OffsetPage,
  filter: TransactionFilter | null | undefined,
  withItems: boolean,
): PageReads => ({
  page,
  filter: filter ?? null,
  withItems,
  withSummary: false,
});

const summaryPages = new WeakMap<GraphQLResolveInfo, PageReads | null>();

/**
 * The statement that answers both a customer's purchase summary and its page of transactions, when
 * the selection below the field resolving to customers asks for both, one unfiltered page, and the
 * viewer may read both; else null (each is read by its own statement). Worked out once per field
 * resolved, not per customer.
 */
export function summaryPage(info: GraphQLResolveInfo, viewer: Viewer): PageReads | null {
  let reads = summaryPages.get(info);
  if (reads !== undefined) return reads;
  reads = null;
  if (
    selects(info, "purchaseSummary") &&
    mayRead(viewer.entitlements, "Customer.purchaseSummary") &&
    mayRead(viewer.entitlements, "Customer.transactions")
  ) {
    try {
      const pages = selectedArguments(info, "Customer", "transactions") as {
        filter?: TransactionFilter | null;
        first?: number | null;
        after?: string | null;
      }[];
      const [only] = pages;
      if (pages.length === 1 && only && only.filter == null)
        reads = {
          ...pageReads(offsetPage(only.first, only.after), null, selects(info, "transactions.edges.node.items")),
          withSummary: true,
        };
    } catch {
      // Arguments a page cannot be made of: the transactions' own resolver refuses them.
    }
  }
  summaryPages.set(info, reads);
  return reads;
}

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
    /**
     * Pages of customers' transactions; `withItems` reads their items too, for `items` to find, and
     * `withSummary` each customer's purchase summary (`summary`).
     */
    transactions: loaderFamily("sales.transactions", async (args: PageReads, ids: readonly string[]) => {
      const pages = await withChildren(args.withItems, false, (withItems) =>
        transactionPages(db, ids, args.page, scope, args.filter, withItems, args.withSummary),
      );
      for (const { rows } of pages) for (const row of rows) if (row.items) items.prime(row.transactionId, row.items);
      return pages;
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
