import type { SqlSession } from "@c360/db-client";

/**
 * The `insights` tables and the statement that fills each from the sales and product domains' tables,
 * over completed transactions, per market (`sales.transactions.marketplace`): each is one set-based
 * INSERT ... SELECT with GROUP BY, so a refresh costs a few scans of the sources whatever their size.
 */
const curated: readonly { table: string; columns: string; select: string }[] = [
  {
    table: "insights.customer_preferences",
    // One pass over the items for both dimensions; each item's product has one category and one brand.
    columns: "customer_id, marketplace, dimension, name, quantity, spend, transactions",
    select: `SELECT t.customer_id, t.marketplace,
                  CASE WHEN grouping(p.category) = 0 THEN 'category' ELSE 'brand' END,
                  CASE WHEN grouping(p.category) = 0 THEN p.category ELSE p.brand END,
                  sum(i.quantity), sum(i.line_total), count(DISTINCT t.transaction_id)
           FROM sales.transactions t
           JOIN sales.transaction_items i ON i.transaction_id = t.transaction_id
           JOIN product.products p ON p.product_id = i.product_id
           WHERE t.status = 'completed'
           GROUP BY GROUPING SETS ((t.customer_id, t.marketplace, p.category), (t.customer_id, t.marketplace, p.brand))`,
  },
  {
    table: "insights.market_transactions",
    columns: "marketplace, transactions",
    select: `SELECT marketplace, count(*) FROM sales.transactions WHERE status = 'completed' GROUP BY marketplace`,
  },
  {
    table: "insights.product_transactions",
    columns: "product_id, marketplace, transactions",
    select: `SELECT i.product_id, t.marketplace, count(DISTINCT t.transaction_id)
           FROM sales.transactions t JOIN sales.transaction_items i ON i.transaction_id = t.transaction_id
           WHERE t.status = 'completed'
           GROUP BY i.product_id, t.marketplace`,
  },
  {
    table: "insights.product_pairs",
    // Each transaction's distinct products as one array, crossed with itself: one pass over the items,
    // and only baskets of two products or more pair (a self-join of the items sorted all of them twice).
    columns: "product_id, other_product_id, marketplace, transactions",
    select: `WITH baskets AS (
               SELECT t.marketplace, array_agg(DISTINCT i.product_id) AS products
               FROM sales.transactions t JOIN sales.transaction_items i ON i.transaction_id = t.transaction_id
               WHERE t.status = 'completed'
               GROUP BY t.transaction_id, t.marketplace
               HAVING count(DISTINCT i.product_id) > 1)
             SELECT a.product_id, b.product_id, baskets.marketplace, count(*)
             FROM baskets CROSS JOIN unnest(baskets.products) AS a(product_id)
               CROSS JOIN unnest(baskets.products) AS b(product_id)
             WHERE a.product_id <> b.product_id
             GROUP BY a.product_id, b.product_id, baskets.marketplace`,
  },
];

/**
 * Rebuilds every `insights` table from the source domains, in the caller's transaction (a load's, so
 * the curated products change with the data they are built from, or not at all). TRUNCATE rather
 * than DELETE: a DELETE would leave every old row dead for a vacuum to reclaim after each load; its
 * lock keeps readers of these tables waiting only from here to the load's commit.
 */
export async function refreshInsights(session: SqlSession): Promise<{ table: string; rows: number }[]> {
  await session.query(`TRUNCATE ${curated.map((c) => c.table).join(", ")}`);
  const refreshed = [];
  for (const { table, columns, select } of curated) {
    const [inserted] = await session.query<{ n: number }>(
      `WITH inserted AS (INSERT INTO ${table} (${columns}) ${select} RETURNING 1) SELECT count(*)::int AS n FROM inserted`,
    );
    refreshed.push({ table, rows: inserted?.n ?? 0 });
  }
  return refreshed;
}
