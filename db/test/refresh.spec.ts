import { QualityCheckError, refresh } from "@c360/db";
import { describe, expect, it } from "vitest";
import { useSeededDatabase } from "../../test/testkit/database";

const database = useSeededDatabase();

const curated = [
  "insights.customer_preferences",
  "insights.market_transactions",
  "insights.product_transactions",
  "insights.product_pairs",
];

/** Every curated table's rows, in one stable order. */
async function contents(): Promise<Record<string, unknown[]>> {
  const { db } = database();
  const entries = await Promise.all(
    curated.map(async (table) => [table, await db.query(`SELECT * FROM ${table} t ORDER BY t::text`)] as const),
  );
  return Object.fromEntries(entries);
}

describe("the insights refresh", () => {
  it("runs with the seed, is recorded in meta with its tables, and gives the same tables when run again", async () => {
    const seeded = await contents();
    for (const table of curated) expect(seeded[table]?.length, table).toBeGreaterThan(0);
    const first = await refresh(database().db);
    const second = await refresh(database().db);
    expect(await contents()).toEqual(seeded);
    const recorded = await database().db.query<{ kind: string; table_name: string; rows_after: number }>(
      `SELECT r.kind, t.table_name, t.rows_after FROM meta.load_runs r JOIN meta.load_run_tables t USING (run_id)
       WHERE r.run_id = $1 ORDER BY t.table_name`,
      [second.runId],
    );
    expect(recorded).toEqual(
      [...curated].sort().map((table) => ({ kind: "refresh", table_name: table, rows_after: seeded[table]?.length })),
    );
    expect(second.runId).toBeGreaterThan(first.runId);
    expect(second.checks.filter((c) => c.status === "fail")).toEqual([]);
  });

  it("is part of its load's transaction: a load rejected by a blocking check leaves the curated tables as they were", async () => {
    const { db } = database();
    const before = await contents();
    // A completed purchase by an unknown customer: the refresh would count it, the foreign key check rejects the load.
    const [item] = await db.query<{ transaction_id: string; product_id: string }>(
      "SELECT transaction_id, product_id FROM sales.transaction_items ORDER BY item_id LIMIT 1",
    );
    await db.query(
      `INSERT INTO sales.transactions (transaction_id, customer_id, transaction_date, channel, payment_method, subtotal,
         tax_amount, discount_amount, total_amount, currency, status, marketplace)
       VALUES ('TXN-ORPHAN', 'CUST-NOBODY', now(), 'online', 'card', 10, 0, 0, 10, 'USD', 'completed', 'US')`,
    );
    await db.query(
      `INSERT INTO sales.transaction_items (item_id, transaction_id, product_id, quantity, unit_price, line_total, discount_applied)
       VALUES ('ITM-ORPHAN', 'TXN-ORPHAN', $1, 1, 10, 10, 0)`,
      [item?.product_id],
    );
    try {
      await expect(refresh(db)).rejects.toThrow(QualityCheckError);
      expect(await contents()).toEqual(before);
    } finally {
      await db.query("DELETE FROM sales.transaction_items WHERE item_id = 'ITM-ORPHAN'");
      await db.query("DELETE FROM sales.transactions WHERE transaction_id = 'TXN-ORPHAN'");
    }
  });
});
