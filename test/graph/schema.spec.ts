import { committedSupergraph, compose } from "@c360/gateway";
import { buildASTSchema, isInputObjectType, isObjectType, parse } from "graphql";
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
    const schema = buildASTSchema(parse(committedSupergraph()), { assumeValidSDL: true });
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
