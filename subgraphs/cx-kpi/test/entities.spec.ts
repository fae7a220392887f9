import { afterAll, beforeAll, describe, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { subgraph } from "../src/schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

describe("cx-kpi _entities", () => {
  it("answers Marketplace representations in order, null for unknown codes, without SQL", async () => {
    const ids = ["US", "UK", "DE", "JP", "IN", "FR", "CA", "IT", "ES", "MX", "AU"];
    await expectEntityBatch({
      definition: subgraph,
      db: t.db,
      typename: "Marketplace",
      key: "code",
      ids,
      statements: 0,
    });
  });
});
