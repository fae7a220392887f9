import { describe, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { subgraph } from "../src/schema";

const database = useSeededDatabase();

describe("sales _entities", () => {
  it("answers Transaction representations in order, null for missing, in one statement", async () => {
    const ids = (
      await database().db.query<{ id: string }>(
        "SELECT transaction_id AS id FROM sales.transactions ORDER BY 1 DESC LIMIT 300",
      )
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: subgraph,
      db: database().db,
      typename: "Transaction",
      key: "id",
      ids,
      statements: 1,
    });
  });
});
