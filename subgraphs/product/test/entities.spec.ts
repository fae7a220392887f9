import { describe, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { subgraph } from "../src/schema";

const database = useSeededDatabase();

describe("product _entities", () => {
  it("answers Product representations in order, null for missing, in one statement", async () => {
    const ids = (
      await database().db.query<{ id: string }>("SELECT product_id AS id FROM product.products ORDER BY 1 DESC")
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: subgraph,
      db: database().db,
      typename: "Product",
      key: "id",
      ids,
      statements: 1,
    });
  });

  it("answers Supplier representations in order, null for missing, in one statement", async () => {
    const ids = (
      await database().db.query<{ id: string }>("SELECT supplier_id AS id FROM product.suppliers ORDER BY 1 DESC")
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: subgraph,
      db: database().db,
      typename: "Supplier",
      key: "id",
      ids,
      statements: 1,
    });
  });
});
