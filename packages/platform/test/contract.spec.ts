import { dataContractYaml, subgraphs, UnknownDataProductError } from "@c360/platform";
import { subgraphRegistry } from "@c360/registry";
import { schemaVersionOf } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";

interface Contract {
  apiVersion: string;
  kind: string;
  id: string;
  name: string;
  version: string;
  status: string;
  domain: string;
  dataProduct: string;
  description: { purpose: string };
  team: { username: string; role: string }[];
  schema: { name: string; properties: { name: string; physicalType: string; classification: string }[] }[];
  slaProperties?: { property: string; value: number; unit: string }[];
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

/** Every column of the migrated database as `schema.table.column` -> Postgres's own name for its type. */
async function migratedTypes(): Promise<Map<string, string>> {
  const rows = await t.db.query<{ name: string; type: string }>(
    `SELECT n.nspname || '.' || c.relname || '.' || a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  return new Map(rows.map((r) => [r.name, r.type]));
}

describe("c360 contract <subgraph>", () => {
  it.each(subgraphRegistry.map((s) => s.name))(
    "writes %s's contract in ODCS v3 with the migrated column types",
    async (name) => {
      const contract = parse(dataContractYaml(name)) as Contract;
      const registered = subgraphRegistry.find((s) => s.name === name);
      const definition = subgraphs.find((s) => s.name === name);
      if (!registered || !definition) throw new Error(`${name} is not a registered subgraph`);
      expect({ ...contract, schema: undefined, slaProperties: undefined }).toMatchObject({
        apiVersion: "v3.0.2",
        kind: "DataContract",
        id: `urn:c360:data-product:${name}`,
        name,
        version: `1.0.0+${schemaVersionOf(definition.typeDefs)}`,
        status: "active",
        domain: registered.schema,
        dataProduct: name,
        description: { purpose: definition.description },
        team: [{ username: registered.owner, role: "owner" }],
      });
      expect(contract.slaProperties?.map((s) => s.property)).toEqual(
        registered.freshnessSla ? ["freshness"] : undefined,
      );
      expect(contract.schema.length).toBe(definition.tables.length);
      const migrated = await migratedTypes();
      for (const object of contract.schema)
        for (const property of object.properties)
          expect(property.physicalType, `${object.name}.${property.name}`).toBe(
            migrated.get(`${object.name}.${property.name}`),
          );
    },
  );

  it("classifies columns from the policy: contact data restricted, a customer's purchases personal", () => {
    const contract = parse(dataContractYaml("customer")) as Contract;
    const customers = contract.schema.find((s) => s.name === "customer.customers");
    const classes = Object.fromEntries(customers?.properties.map((p) => [p.name, p.classification]) ?? []);
    expect(classes).toMatchObject({
      email: "restricted",
      phone: "restricted",
      city: "personal",
      customer_id: "internal",
    });
  });

  it("refuses an unknown data product, naming the valid ones", () => {
    expect(() => dataContractYaml("billing")).toThrow(UnknownDataProductError);
    expect(() => dataContractYaml("billing")).toThrow(
      `unknown data product "billing": expected one of ${subgraphRegistry.map((s) => s.name).join(", ")}`,
    );
  });
});
