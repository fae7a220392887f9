import { qualityChecks, runQualityChecks, seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/testkit/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { scale: 0.01, seed: 3 });
});
afterAll(() => t.dispose());

const one = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ id: string }>(sql, params)).map((r) => r.id)[0] as string;

/**
 * Puts four delivered parcels' events out of order, one way each, and bills the transaction
 * `transactionId` in euros; returns the row each check should name.
 */
async function breakEventOrders(transactionId: string) {
  const parcels = (
    await t.db.query<{ id: string }>(
      "SELECT shipment_id AS id FROM logistics.shipments WHERE delivery_status = 'delivered' ORDER BY 1 LIMIT 4",
    )
  ).map((r) => r.id);
  await t.db.query("UPDATE sales.transactions SET currency = 'EUR' WHERE transaction_id = $1", [transactionId]);
  return {
    trackedBeforePurchase: await one(
      `UPDATE logistics.tracking_events e SET event_timestamp = t.transaction_date - interval '1 hour'
       FROM logistics.shipments s JOIN sales.transactions t USING (transaction_id)
       WHERE s.shipment_id = e.shipment_id AND e.shipment_id = $1 AND e.event_type = 'picked_up' RETURNING e.event_id AS id`,
      [parcels[0]],
    ),
    shippedBeforePurchase: await one(
      "UPDATE logistics.shipments SET ship_date = ship_date - 3 WHERE shipment_id = $1 RETURNING shipment_id AS id",
      [parcels[1]],
    ),
    deliveredBeforeShipped: await one(
      "UPDATE logistics.shipments SET actual_delivery = ship_date - 1 WHERE shipment_id = $1 RETURNING shipment_id AS id",
      [parcels[2]],
    ),
    deliveredBeforePickup: await one(
      `UPDATE logistics.tracking_events d SET event_timestamp = p.event_timestamp - interval '1 minute'
       FROM logistics.tracking_events p
       WHERE p.shipment_id = d.shipment_id AND p.event_type = 'picked_up' AND d.event_type = 'delivered'
         AND d.shipment_id = $1 RETURNING d.event_id AS id`,
      [parcels[3]],
    ),
  };
}

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
    const parcels = await breakEventOrders(first as string);
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
      {
        name: "order logistics.tracking_events.event_timestamp not before its transaction's transaction_date",
        violations: 1,
        sample: [parcels.trackedBeforePurchase],
      },
      {
        name: "order logistics.shipments.ship_date not before its transaction's transaction_date",
        violations: 1,
        sample: [parcels.shippedBeforePurchase],
      },
      {
        name: "order logistics.shipments.actual_delivery not before ship_date",
        violations: 1,
        sample: [parcels.deliveredBeforeShipped],
      },
      {
        name: "order logistics.tracking_events delivered not before its shipment's picked_up",
        violations: 1,
        sample: [parcels.deliveredBeforePickup],
      },
      {
        name: "currency sales.transactions.currency = USD, the reporting currency of every market",
        violations: 1,
        sample: [first],
      },
    ]);
    expect(shipped.length).toBeGreaterThan(0);
    const [recorded] = await t.db.query(
      "SELECT count(*)::int AS failures FROM meta.quality_checks WHERE status = 'fail' AND checked_at = (SELECT max(checked_at) FROM meta.quality_checks)",
    );
    expect(recorded).toEqual({ failures: 11 });
  });
});
