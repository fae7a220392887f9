import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as schema from "@c360/db/schema";
import { compose, subgraphs } from "@c360/platform";
import { subgraphRegistry } from "@c360/registry";
import { apiSchemaOf, supergraphSdl as committedSupergraph } from "@c360/supergraph";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { isInputObjectType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";

/** Types and fields the federation machinery adds; the product's own carry descriptions. */
const machinery = /^(_|join__|link__|Query$|Query\._)/;

describe("the composed supergraph", () => {
  it("is what a fresh composition gives, with no composition hints", () => {
    const { supergraphSdl, hints } = compose();
    expect(hints.map((h) => h.message)).toEqual([]);
    expect(supergraphSdl).toBe(committedSupergraph());
  });

  it("describes every type and field", () => {
    const schema = apiSchemaOf(committedSupergraph());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith("__") ||
        machinery.test(type.name) ||
        ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)
      )
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          const coordinate = `${type.name}.${field.name}`;
          if (!machinery.test(coordinate) && !field.description) missing.push(coordinate);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("domain ownership", () => {
  it("lets each subgraph's code touch only its own domain's tables", () => {
    const root = join(import.meta.dirname, "../../subgraphs");
    const trespass: string[] = [];
    const checked = new Set<string>();
    for (const definition of subgraphs) {
      const dir = join(root, definition.name, "src");
      for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"))) {
        const source = readFileSync(join(dir, file), "utf8");
        for (const match of source.matchAll(/import \{([^}]*)\} from "@c360\/db\/schema"/g)) {
          for (const name of (match[1] ?? "")
            .split(",")
            .map((n) => n.trim())
            .filter(Boolean)) {
            const table = (schema as Record<string, unknown>)[name];
            if (!(table instanceof PgTable)) continue;
            const domain = getTableConfig(table).schema;
            checked.add(definition.name);
            if (domain !== subgraphRegistry.find((s) => s.name === definition.name)?.schema)
              trespass.push(`${definition.name}/src/${file}: ${domain}.${getTableConfig(table).name}`);
          }
        }
      }
    }
    expect(trespass).toEqual([]);
    expect([...checked].sort()).toEqual(subgraphs.map((s) => s.name).sort());
  });
});
