import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { logisticsSubgraph } from "../src/schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { scale: 0.01, seed: 1 });
});
afterAll(() => t.dispose());

describe("logistics _entities", () => {
  it("answers Shipment representations in order, null for missing, in one statement", async () => {
    const ids = (
      await t.db.query<{ id: string }>("SELECT shipment_id AS id FROM logistics.shipments ORDER BY 1 DESC LIMIT 300")
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: logisticsSubgraph,
      db: t.db,
      typename: "Shipment",
      key: "id",
      ids,
      statements: 1,
    });
  });

  it("answers Location representations in order, null for missing, in one statement", async () => {
    const ids = (
      await t.db.query<{ id: string }>("SELECT location_id AS id FROM logistics.warehouse_locations ORDER BY 1 DESC")
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: logisticsSubgraph,
      db: t.db,
      typename: "Location",
      key: "id",
      ids,
      statements: 1,
    });
  });
});
