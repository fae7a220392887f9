import { accessEvents } from "@c360/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { type AccessEventFilter, accessEventsWhere } from "../src/data";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

describe("the trail's filters", () => {
  it("can each be served by an index: the trail grows by a row per request, so no filter reads all of it", async () => {
    for (const [filter, indexes] of [
      [{ customerId: "CUST003" }, ["access_events_customer_ids_idx", "access_events_customer_ids_truncated_idx"]],
      [{ coordinate: "Customer.email" }, ["access_events_coordinates_idx"]],
      [{ deniedCoordinate: "Customer.email" }, ["access_events_denied_idx"]],
      [{ role: "customer_care" }, ["access_events_roles_idx"]],
      [{ subject: "eve" }, ["access_events_subject_idx"]],
      [{ outcome: "denied" }, ["access_events_outcome_idx"]],
      [{ operationName: "Care360" }, ["access_events_operation_name_idx"]],
      [{ from: new Date("2026-01-01T00:00:00Z") }, ["access_events_occurred_at_idx"]],
    ] as [AccessEventFilter, string[]][]) {
      const query = t.db.drizzle
        .select({ id: accessEvents.eventId })
        .from(accessEvents)
        .where(accessEventsWhere(filter))
        .toSQL();
      // With sequential scans priced out, the plan shows whether indexes can serve the condition at all.
      const plan = await t.db.transaction(async (session) => {
        await session.query("SET LOCAL enable_seqscan = off");
        return session.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query.sql}`, query.params);
      });
      const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
      for (const index of indexes) expect(text, JSON.stringify(filter)).toContain(index);
      expect(text, JSON.stringify(filter)).not.toContain("Seq Scan");
    }
  });
});
