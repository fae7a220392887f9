import type { Database } from "@c360/db-client";
import type { SubgraphDefinition } from "@c360/subgraph-kit";
import { expect } from "vitest";
import { executeSubgraph } from "./subgraph";

/**
 * Sends `_entities` for `ids` with a missing key after every known one; asserts each answer is in
 * request order (null for the missing keys), that `field` round-trips the key, and that the whole
 * batch took `statements` SQL statements whatever its size.
 */
export async function expectEntityBatch(options: {
  definition: SubgraphDefinition;
  db: Database;
  typename: string;
  key: string;
  ids: string[];
  statements: number;
}): Promise<void> {
  const { definition, db, typename, key, ids } = options;
  const representations = ids.flatMap((id) => [
    { __typename: typename, [key]: id },
    { __typename: typename, [key]: `${id}-MISSING` },
  ]);
  const before = db.statements;
  const result = await executeSubgraph<{ _entities: (Record<string, string> | null)[] }>(
    definition,
    db,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${key} } } }`,
    { r: representations },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?._entities).toEqual(ids.flatMap((id) => [{ [key]: id }, null]));
  expect(db.statements - before).toBe(options.statements);
}
