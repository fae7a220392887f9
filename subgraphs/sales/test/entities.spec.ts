import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { salesSubgraph } from "../src/schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { scale: 0.01, seed: 1 });
});
afterAll(() => t.dispose());

describe("sales _entities", () => {
  it("answers Transaction representations in order, null for missing, in one statement", async () => {
    const ids = (
      await t.db.query<{ id: string }>("SELECT transaction_id AS id FROM sales.transactions ORDER BY 1 DESC LIMIT 300")
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: salesSubgraph,
      db: t.db,
      typename: "Transaction",
      key: "id",
      ids,
      statements: 1,
    });
  });
});
