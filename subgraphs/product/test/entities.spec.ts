import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { productSubgraph } from "../src/schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { scale: 0.01, seed: 1 });
});
afterAll(() => t.dispose());

describe("product _entities", () => {
  it("answers Product representations in order, null for missing, in one statement", async () => {
    const ids = (await t.db.query<{ id: string }>("SELECT product_id AS id FROM product.products ORDER BY 1 DESC")).map(
      (r) => r.id,
    );
    await expectEntityBatch({
      definition: productSubgraph,
      db: t.db,
      typename: "Product",
      key: "id",
      ids,
      statements: 1,
    });
  });

  it("answers Supplier representations in order, null for missing, in one statement", async () => {
    const ids = (
      await t.db.query<{ id: string }>("SELECT supplier_id AS id FROM product.suppliers ORDER BY 1 DESC")
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: productSubgraph,
      db: t.db,
      typename: "Supplier",
      key: "id",
      ids,
      statements: 1,
    });
  });
});
