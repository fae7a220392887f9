import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { customerSubgraph } from "../src/schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { scale: 0.01, seed: 1 });
});
afterAll(() => t.dispose());

describe("customer _entities", () => {
  it("answers 200 Customer representations in order, null for missing, in one statement", async () => {
    const ids = (
      await t.db.query<{ id: string }>("SELECT customer_id AS id FROM customer.customers ORDER BY 1 DESC")
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: customerSubgraph,
      db: t.db,
      typename: "Customer",
      key: "id",
      ids,
      statements: 1,
    });
  });
});
