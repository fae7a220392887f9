import { describe, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { subgraph } from "../src/schema";

const database = useSeededDatabase();

describe("customer _entities", () => {
  it("answers 200 Customer representations in order, null for missing, in one statement", async () => {
    const ids = (
      await database().db.query<{ id: string }>("SELECT customer_id AS id FROM customer.customers ORDER BY 1 DESC")
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: subgraph,
      db: database().db,
      typename: "Customer",
      key: "id",
      ids,
      statements: 1,
    });
  });
});
