import { customers } from "@c360/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { anyOf, postgresName, statement } from "../src/statements";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

describe("prepared statements' names", () => {
  it("stay distinct within Postgres's 63 bytes for every filter variant and viewer kind", () => {
    const fields = ["channel", "customerId", "from", "minTotal", "status", "to"];
    const ids: string[] = [];
    for (let set = 0; set < 1 << fields.length; set++) {
      const variant = fields.filter((_, i) => set & (1 << i)).join(",");
      for (const scoped of ["", ".scoped"]) ids.push(`sales.transactionPages${variant ? `[${variant}]` : ""}${scoped}`);
    }
    const names = ids.map(postgresName);
    expect(new Set(names).size).toBe(ids.length);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(postgresName("customer.customersByIds.scoped")).toBe("customer.customersByIds.scoped");
  });
});

describe("keyed lookups", () => {
  const byIds = statement("test.customersByIds", (db) =>
    db.drizzle.select({ id: customers.customerId }).from(customers).where(anyOf(customers.customerId, "ids")),
  );

  it("run on the lookups pool and are counted with the database's statements", async () => {
    const before = t.db.statements;
    expect(await byIds(t.db, { ids: ["NOBODY"] })).toEqual([]);
    expect(await byIds(t.db, { ids: [] })).toEqual([]);
    expect(t.db.statements - before).toBe(2);
  });

  it("are planned once per connection on Postgres (a generic plan), while other statements keep plans made for their values", async () => {
    const planOf = (db: typeof t.db) =>
      db.transaction(async (session) => {
        await session.query(
          "PREPARE probe(text[]) AS SELECT customer_id FROM customer.customers WHERE customer_id = any($1)",
        );
        const plan = await session.query<{ "QUERY PLAN": string }>("EXPLAIN EXECUTE probe('{CUST001}')");
        await session.query("DEALLOCATE probe");
        return plan.map((line) => line["QUERY PLAN"]).join("\n");
      });
    // PGlite has one connection: its lookups are the database itself, planned as Postgres would by default.
    if (t.db.kind === "pglite") return expect(t.db.lookups).toBe(t.db);
    expect(await planOf(t.db.lookups)).toContain("$1");
    expect(await planOf(t.db)).not.toContain("$1");
  });
});
