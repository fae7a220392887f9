/**
 * The schema check of `pnpm compose --check`, for domain teams: what a change to a subgraph's schema
 * does to the clients we know of. The recorded client operations (`gateway/operations/*.graphql`: the
 * explorer's and the README's) must all validate against the new graph, and no breaking change
 * (`@graphql-inspector/core`'s diff: a field, argument or enum value removed, a type narrowed,
 * nullability tightened) may touch a coordinate a recorded operation uses. A breaking change no
 * recorded operation feels passes, so a `@deprecated` field can go once nothing recorded uses it.
 */
import { createRequire } from "node:module";
import { requestedFields } from "@c360/auth";
import type * as Inspector from "@graphql-inspector/core";
import type * as GraphQL from "graphql";
import { buildSchema, type GraphQLSchema, parse, validate } from "graphql";

/**
 * graphql-inspector checks types with the graphql build it loads (CommonJS under Node), which refuses
 * types built by the other build ("from another module or realm"): its diff gets schemas built by
 * that same build, from the SDL; our own checks use ours.
 */
const require = createRequire(import.meta.url);
const commonjs = require("graphql") as typeof GraphQL;
const { CriticalityLevel, diff } = require("@graphql-inspector/core") as typeof Inspector;

export interface RecordedOperation {
  name: string;
  query: string;
}

/** A change a recorded operation would feel: where, which operation, and what changed. */
export interface SchemaProblem {
  coordinate: string;
  operation: string;
  message: string;
}

/** The coordinates (`Type.field`) an operation uses in `schema`; none when it does not validate there. */
function coordinatesOf(schema: GraphQLSchema, query: string): Set<string> {
  const document = parse(query);
  if (validate(schema, document).length) return new Set();
  return new Set(requestedFields(schema, document).map((f) => f.coordinate));
}

/** The problems `afterSdl` (an API schema's SDL) makes for `operations` that work with `beforeSdl`. */
export async function schemaCheck(
  beforeSdl: string,
  afterSdl: string,
  operations: readonly RecordedOperation[],
): Promise<SchemaProblem[]> {
  const [before, after] = [buildSchema(beforeSdl), buildSchema(afterSdl)];
  const problems: SchemaProblem[] = [];
  for (const op of operations)
    for (const error of validate(after, parse(op.query)))
      problems.push({ coordinate: "-", operation: op.name, message: error.message });
  const used = operations.map((op) => ({ op, coordinates: coordinatesOf(before, op.query) }));
  for (const change of await diff(commonjs.buildSchema(beforeSdl), commonjs.buildSchema(afterSdl))) {
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const path = change.path ?? "";
    const [type, member] = path.split(".");
    const coordinate = member ? `${type}.${member}` : (type ?? "");
    for (const { op, coordinates } of used) {
      // A removed enum value is felt by an operation that writes it; anything else by one that selects it.
      const felt = change.type.startsWith("ENUM_VALUE")
        ? member !== undefined && new RegExp(`\\b${member}\\b`).test(op.query)
        : coordinates.has(coordinate);
      if (felt) problems.push({ coordinate: path, operation: op.name, message: change.message });
    }
  }
  return problems;
}
