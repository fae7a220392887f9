import { describe, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { subgraph } from "../src/schema";

const database = useSeededDatabase();

describe("logistics _entities", () => {
  it("answers Shipment representations in order, null for missing, in one statement", async () => {
    const ids = (
      await database().db.query<{ id: string }>(
        "SELECT shipment_id AS id FROM logistics.shipments ORDER BY 1 DESC LIMIT 300",
      )
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: subgraph,
      db: database().db,
      typename: "Shipment",
      key: "id",
      ids,
      statements: 1,
    });
  });

  it("answers Location representations in order, null for missing, in one statement", async () => {
    const ids = (
      await database().db.query<{ id: string }>(
        "SELECT location_id AS id FROM logistics.warehouse_locations ORDER BY 1 DESC",
      )
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: subgraph,
      db: database().db,
      typename: "Location",
      key: "id",
      ids,
      statements: 1,
    });
  });
});
