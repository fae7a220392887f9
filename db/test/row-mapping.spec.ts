import { seed } from "@c360/db";
import { customers, loyaltyProgram } from "@c360/db/schema";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/testkit/database";

// drizzle-orm is patched (patches/drizzle-orm@0.45.4.patch) to find a select's decoders once per
// result instead of per cell: these are the mapping rules the patch must keep, read against raw SQL.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { scale: 0.01, seed: 5 });
});
afterAll(() => t.dispose());

describe("Drizzle's row mapping (patched)", () => {
  it("decodes columns and SQL expressions per field, nests objects and nulls a left join's missing side", async () => {
    const [withLoyalty, withoutLoyalty] = (
      await t.db.query<{ id: string }>(
        "SELECT customer_id AS id FROM customer.loyalty_program ORDER BY customer_id LIMIT 2",
      )
    ).map((r) => r.id) as [string, string];
    await t.db.drizzle.delete(loyaltyProgram).where(eq(loyaltyProgram.customerId, withoutLoyalty));

    const rows = await t.db.drizzle
      .select({
        id: customers.customerId,
        registered: customers.registrationDate,
        doubled: sql`${loyaltyProgram.pointsBalance} * 2`.mapWith(Number),
        loyalty: { tier: loyaltyProgram.loyaltyTier, points: loyaltyProgram.pointsBalance },
      })
      .from(customers)
      .leftJoin(loyaltyProgram, eq(loyaltyProgram.customerId, customers.customerId))
      .where(inArray(customers.customerId, [withLoyalty, withoutLoyalty]))
      .orderBy(customers.customerId);

    const [raw] = await t.db.query<{ tier: string; points: number; registeredMs: number }>(
      `SELECT l.loyalty_tier AS tier, l.points_balance AS points, (extract(epoch FROM c.registration_date) * 1000)::float8 AS "registeredMs"
       FROM customer.customers c JOIN customer.loyalty_program l USING (customer_id) WHERE customer_id = $1`,
      [withLoyalty],
    );
    expect(rows).toHaveLength(2);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const kept = byId.get(withLoyalty);
    expect(kept?.loyalty).toEqual({ tier: raw?.tier, points: raw?.points });
    expect(kept?.doubled).toBe((raw?.points ?? 0) * 2);
    expect(typeof kept?.doubled).toBe("number");
    expect(kept?.registered).toBeInstanceOf(Date);
    expect(kept?.registered.getTime()).toBe(raw?.registeredMs);
    const missing = byId.get(withoutLoyalty);
    expect(missing?.loyalty).toBeNull();
    expect(missing?.doubled).toBeNull();
  });
});
