import { trailKey } from "@c360/db";
import type { Logger } from "@c360/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/testkit/database";
import { AuditTrail } from "../src/audit";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

describe("the access trail's log lines", () => {
  it("say why a write failed without the rows it carried: no document text, no customer id", async () => {
    const lines: unknown[] = [];
    const log = { error: (...args: unknown[]) => lines.push(args) } as unknown as Logger;
    const trail = new AuditTrail(t.db, log, { key: trailKey("audit-log-test-key"), flushMs: 60_000 });
    await t.db.query("ALTER TABLE audit.access_documents RENAME TO access_documents_away");
    await t.db.query("ALTER TABLE audit.access_events RENAME TO access_events_away");
    try {
      trail.record({
        occurredAt: new Date(),
        subject: "care-agent",
        roles: ["customer_care"],
        markets: null,
        operationName: "Lookup",
        documentHash: "h".repeat(64),
        coordinates: ["Customer.email"],
        denied: [],
        outcome: "ok",
        status: 200,
        codes: [],
        policyVersion: "v",
        customerIds: ["CUST-SECRET-42"],
        customerIdsTruncated: false,
        variables: '{"email":"***"}',
        requestId: "audit-log-request",
        purpose: null,
        document:
          'query Lookup { customers(filter: { email: "sofia.secret@example.test" }) { edges { node { id } } } }',
      });
      await trail.flush();
    } finally {
      await t.db.query("ALTER TABLE audit.access_documents_away RENAME TO access_documents");
      await t.db.query("ALTER TABLE audit.access_events_away RENAME TO access_events");
    }
    const text = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain("does not exist");
    expect(text).not.toContain("sofia.secret");
    expect(text).not.toContain("CUST-SECRET-42");
    await trail.stop();
  });
});
