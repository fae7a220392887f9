import { accessEvents } from "@c360/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { insertRows } from "../src";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const event = (subject: string | null, extra: Partial<typeof accessEvents.$inferInsert> = {}) => ({
  occurredAt: new Date("2026-11-23T01:02:03.456Z"),
  subject,
  roles: ["auditor", 'quote"s', "back\\slash"],
  markets: null,
  operationName: "Emoji 🙂 and ü",
  documentHash: "h",
  coordinates: ["Query.accessEvents", "{braces}", "comma,inside"],
  denied: [],
  outcome: "ok",
  status: 200,
  codes: [],
  policyVersion: "v",
  customerIds: ["CUST003"],
  customerIdsTruncated: true,
  documentStored: true,
  variables: '{"id":"CUST003","note":"line\nbreak \\ 🙂"}',
  requestId: "req-1",
  purpose: 'Ticket 4711: "address" change',
  chain: "c",
  prevHash: "",
  hash: "x",
  keyId: "k",
  ...extra,
});

describe("insertRows: many rows in one statement, one JSON parameter", () => {
  it("stores every value exactly as Drizzle reads it back: arrays, nulls, instants, unicode", async () => {
    const rows = [event("one"), event(null, { markets: ["DE", "FR"], roles: [], status: 0, documentStored: false })];
    const before = t.db.statements;
    await insertRows(t.db, accessEvents, rows);
    expect(t.db.statements - before).toBe(1);
    const stored = await t.db.drizzle.select().from(accessEvents).orderBy(accessEvents.eventId);
    expect(stored.map(({ eventId: _, ...row }) => row)).toEqual(rows);
  });

  it("stores the rows in their order: serial ids follow it (the trail's chain is read by id)", async () => {
    const subjects = Array.from({ length: 200 }, (_, i) => `order-${String((i * 7919) % 200).padStart(3, "0")}`);
    await insertRows(
      t.db,
      accessEvents,
      subjects.map((s) => event(s)),
    );
    const stored = await t.db.query<{ subject: string }>(
      "SELECT subject FROM audit.access_events WHERE subject LIKE 'order-%' ORDER BY event_id",
    );
    expect(stored.map((r) => r.subject)).toEqual(subjects);
  });

  it("writes nothing for no rows, and refuses a row the table's types refuse, as a data error", async () => {
    const before = t.db.statements;
    await insertRows(t.db, accessEvents, []);
    expect(t.db.statements).toBe(before);
    await expect(insertRows(t.db, accessEvents, [event("bad", { status: 70_000 })])).rejects.toMatchObject({
      code: "22003",
    });
  });
});
