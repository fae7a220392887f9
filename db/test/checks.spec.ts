import { qualityChecks, runQualityChecks, seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/testkit/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { scale: 0.01, seed: 3 });
});
afterAll(() => t.dispose());

describe("the quality checks", () => {
  it("cover all 14 foreign keys", () => {
    expect(qualityChecks.filter((c) => c.name.startsWith("foreign key"))).toHaveLength(14);
  });

  it("block a load on the 14 foreign keys and each fact's market and buyer, and only warn on the rest", () => {
    expect(qualityChecks.filter((c) => c.blocking).map((c) => c.name)).toEqual([
      ...qualityChecks.filter((c) => c.name.startsWith("foreign key")).map((c) => c.name),
      "market sales.transactions.marketplace = the marketplace of its buyer's country",
      "market logistics.shipments.marketplace = the marketplace of its transaction",
      "buyer logistics.shipments.customer_id = the buyer of its transaction",
    ]);
  });

  it("find each kind of violation, name the offending rows and record the failure", async () => {
    const [first, second] = (
      await t.db.query<{ id: string }>("SELECT transaction_id AS id FROM sales.transactions ORDER BY 1 LIMIT 2")
    ).map((r) => r.id);
    const [ticket] = (
      await t.db.query<{ id: string }>("SELECT min(ticket_id) AS id FROM customer.support_tickets")
    ).map((r) => r.id);
    await t.db.query("UPDATE sales.transactions SET total_amount = total_amount + 1 WHERE transaction_id = $1", [
      first,
    ]);
    // A transaction moved to another buyer without a load: its shipments' buyer no longer agrees either.
    await t.db.query("UPDATE sales.transactions SET customer_id = 'CUST_GONE' WHERE transaction_id = $1", [second]);
    const shipped = (
      await t.db.query<{ id: string }>(
        "SELECT shipment_id AS id FROM logistics.shipments WHERE transaction_id = $1 ORDER BY 1",
        [second],
      )
    ).map((r) => r.id);
    await t.db.query(
      "UPDATE customer.support_tickets SET created_date = now() + interval '2 days' WHERE ticket_id = $1",
      [ticket],
    );
    await t.db.query(
      "UPDATE cx.kpi_discover_daily SET dpvr = 0.9 WHERE dt = '2025-04-01' AND marketplace = 'DE' AND prime_flag = 1",
    );
    await t.db.query("UPDATE product.inventory SET stock_quantity = -1 WHERE inventory_id = 'INV001'");
    const failed = (await runQualityChecks(t.db))
      .filter((r) => r.status === "fail")
      .map(({ name, violations, sample }) => ({ name, violations, sample }));
    expect(failed).toEqual([
      {
        name: "foreign key sales.transactions.customer_id -> customer.customers.customer_id",
        violations: 1,
        sample: [second],
      },
      {
        name: "money sales.transactions: subtotal + tax_amount - discount_amount = total_amount",
        violations: 1,
        sample: [first],
      },
      {
        name: "kpi ratio cx.kpi_discover_daily.dpvr = pdp_views / list_impressions (within rounding)",
        violations: 1,
        sample: ["2025-04-01/DE/1"],
      },
      { name: "no future dates customer.support_tickets.created_date", violations: 1, sample: [ticket] },
      { name: "range product.inventory.stock_quantity in [0, inf]", violations: 1, sample: ["INV001"] },
      {
        name: "buyer logistics.shipments.customer_id = the buyer of its transaction",
        violations: shipped.length,
        sample: shipped,
      },
    ]);
    expect(shipped.length).toBeGreaterThan(0);
    const [recorded] = await t.db.query(
      "SELECT count(*)::int AS failures FROM meta.quality_checks WHERE status = 'fail' AND checked_at = (SELECT max(checked_at) FROM meta.quality_checks)",
    );
    expect(recorded).toEqual({ failures: 6 });
  });
});
