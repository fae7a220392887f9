import { seed } from "@c360/db";
import { schemaVersionOf } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraph as governance } from "../../subgraphs/governance/src/schema";
import { subgraph as sales } from "../../subgraphs/sales/src/schema";
import { createTestDatabase, type TestDatabase } from "../testkit/database";
import { executeSubgraph } from "../testkit/subgraph";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

interface Freshness {
  freshnessSla: string | null;
  stale: boolean | null;
  schemaVersion: string;
}

async function freshness() {
  const result = await executeSubgraph<{ dataProducts: { sales: Freshness } }>(
    sales,
    t.db,
    "{ dataProducts { sales { freshnessSla stale schemaVersion } } }",
  );
  expect(result.errors).toBeUndefined();
  return result.data?.dataProducts.sales;
}

describe("dataProducts freshness and schema version", () => {
  it("is stale before any load, fresh after one, and stale again once the load is older than its SLA", async () => {
    const fresh = { freshnessSla: "P1D", schemaVersion: schemaVersionOf(sales.typeDefs) };
    expect(await freshness()).toEqual({ ...fresh, stale: true });
    await seed(t.db, { scale: 0.01, seed: 1 });
    expect(await freshness()).toEqual({ ...fresh, stale: false });
    await t.db.query("UPDATE meta.load_runs SET finished_at = finished_at - interval '25 hours'");
    expect(await freshness()).toEqual({ ...fresh, stale: true });
  });

  it("answers no SLA and no staleness for a product no load writes", async () => {
    const result = await executeSubgraph<{ dataProducts: { governance: Freshness } }>(
      governance,
      t.db,
      "{ dataProducts { governance { freshnessSla stale schemaVersion } } }",
    );
    expect(result).toEqual({
      data: {
        dataProducts: {
          governance: { freshnessSla: null, stale: null, schemaVersion: schemaVersionOf(governance.typeDefs) },
        },
      },
    });
  });
});
