import { fingerprint, generate, marketplaceOfCountry, qualityChecks, seed, tables } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/testkit/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

describe("the seed generator", () => {
  it("fills every table at scale 0.01 and passes every quality check", async () => {
    const report = await seed(t.db, { scale: 0.01, seed: 1 });
    expect(Object.keys(report.rows)).toEqual(tables.map((x) => x.qualified));
    for (const [table, rows] of Object.entries(report.rows)) expect(rows, table).toBeGreaterThan(0);
    expect(report.rows["customer.customers"]).toBe(100);
    expect(report.checks.filter((r) => r.status === "fail")).toEqual([]);
    // The checks ran inside the load and are stored with its run.
    expect(
      await t.db.query("SELECT run_id::int, status, count(*)::int AS n FROM meta.quality_checks GROUP BY 1, 2"),
    ).toEqual([{ run_id: report.runId, status: "pass", n: qualityChecks.length }]);
  });

  it("spreads customers over all 11 CX marketplaces", async () => {
    const rows = await t.db.query<{ country: string }>("SELECT DISTINCT country FROM customer.customers");
    const markets = new Set(rows.map((r) => marketplaceOfCountry(r.country)));
    expect([...markets].sort()).toEqual(["AU", "CA", "DE", "ES", "FR", "IN", "IT", "JP", "MX", "UK", "US"]);
  });

  it("gives identical tables for the same seed and different ones for another seed", async () => {
    const first = await fingerprint(t.db);
    await seed(t.db, { scale: 0.01, seed: 1 });
    expect(await fingerprint(t.db)).toEqual(first);
    await seed(t.db, { scale: 0.01, seed: 2 });
    const other = await fingerprint(t.db);
    for (const table of tables)
      expect(other[table.qualified]?.checksum, table.qualified).not.toBe(first[table.qualified]?.checksum);
  });

  it("records each seed as a load run with its row counts", async () => {
    const runs = await t.db.query("SELECT kind, source FROM meta.load_runs ORDER BY run_id");
    expect(runs).toEqual([
      { kind: "seed", source: "seed=1 scale=0.01" },
      { kind: "seed", source: "seed=1 scale=0.01" },
      { kind: "seed", source: "seed=2 scale=0.01" },
    ]);
  });

  it("leaves the database as it was when a load fails half-way", async () => {
    const before = await fingerprint(t.db);
    await expect(
      t.db.transaction(async (session) => {
        await session.query("TRUNCATE customer.customers CASCADE");
        await session.copyFrom("customer.customers", ["customer_id"], "CUSTX\n");
      }),
    ).rejects.toThrow(/null value in column "first_name"/);
    expect(await fingerprint(t.db)).toEqual(before);
  });
});

/** Counts, over one generated data set, the parcels whose events run ahead of their order or of each other. */
function eventOrderViolations(options: { scale: number; seed: number }) {
  const bought = new Map<string, string>();
  const shipped = new Map<string, { bought: string; shipDate: string; pickedUp?: string }>();
  const violations = { trackedBeforePurchase: 0, shippedBeforePurchase: 0, deliveredBeforeShipped: 0, currency: 0 };
  generate(options, (table, row) => {
    if (table === "sales.transactions") {
      bought.set(String(row.transaction_id), String(row.transaction_date));
      if (row.currency !== "USD") violations.currency++;
    } else if (table === "logistics.shipments") {
      const purchase = bought.get(String(row.transaction_id)) ?? "";
      const shipDate = String(row.ship_date);
      shipped.set(String(row.shipment_id), { bought: purchase, shipDate });
      if (shipDate < purchase.slice(0, 10)) violations.shippedBeforePurchase++;
      if (row.actual_delivery !== null && String(row.actual_delivery) < shipDate) violations.deliveredBeforeShipped++;
    } else if (table === "logistics.tracking_events") {
      const shipment = shipped.get(String(row.shipment_id));
      const at = String(row.event_timestamp);
      if (!shipment || at < shipment.bought) violations.trackedBeforePurchase++;
      if (row.event_type === "picked_up" && shipment) shipment.pickedUp = at;
      if (row.event_type === "delivered" && at < (shipment?.pickedUp ?? "")) violations.deliveredBeforeShipped++;
    }
  });
  return { violations, shipments: shipped.size };
}

describe("the generator at larger scales", () => {
  it.each([
    { scale: 0.05, seed: 42 },
    { scale: 0.3, seed: 7 },
  ])("tracks, ships and delivers no parcel before its order, in USD (scale $scale, seed $seed)", (options) => {
    const { violations, shipments } = eventOrderViolations(options);
    expect(violations).toEqual({
      trackedBeforePurchase: 0,
      shippedBeforePurchase: 0,
      deliveredBeforeShipped: 0,
      currency: 0,
    });
    expect(shipments).toBeGreaterThan(100);
  });

  it("never dates a row ahead of today (scale 2 asks for two years of KPI days; a year is kept)", () => {
    const today = new Date().toISOString().slice(0, 10);
    const latest = new Map<string, string>();
    generate({ scale: 2, seed: 1 }, (table, row) => {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) continue;
        if (column === "estimated_delivery") continue; // a promise may lie ahead
        const key = `${table}.${column}`;
        if ((latest.get(key) ?? "") < value) latest.set(key, value);
      }
    });
    const ahead = [...latest].filter(([, value]) => value.slice(0, 10) > today);
    expect(ahead).toEqual([]);
    expect(latest.get("cx.kpi_purchase_daily.dt")).toBe("2026-03-31");
  });
});
