import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { policyVersion } from "@c360/auth";
import { durationMs, subgraphRegistry } from "@c360/registry";
import { getTableConfig } from "drizzle-orm/pg-core";
import { type DocumentNode, parse, print } from "graphql";
import type { SubgraphContext, SubgraphDefinition } from "./server";

const shared = readFileSync(new URL("../shared.graphql", import.meta.url), "utf8");

const fieldName = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** A hash of a subgraph's own SDL (its `schema.graphql`, as parsed): what a contract's version is pinned to. */
export const schemaVersionOf = (typeDefs: DocumentNode) =>
  createHash("sha256").update(print(typeDefs)).digest("hex").slice(0, 16);

/**
 * Whether data last loaded at `lastLoads` (one per table, null for never) has outgrown `sla` at
 * `now`: a table never loaded is stale; null when there is no SLA.
 */
export function isStale(
  lastLoads: readonly (Date | null)[],
  sla: string | undefined,
  now = Date.now(),
): boolean | null {
  if (sla === undefined) return null;
  const oldest = lastLoads.some((at) => at === null) ? -Infinity : Math.min(...lastLoads.map(Number));
  return oldest < now - durationMs(sla);
}

/**
 * The kit's shared SDL (scalars, PageInfo, data-product types) plus `DataProducts.<name>`, which
 * reports the subgraph's own tables (from its definition): row counts (as of the latest load, or
 * the planner's estimate), last load time, latest quality checks. Owner and Postgres schema come from
 * its registry line.
 */
export function dataProductModule(
  definition: Pick<SubgraphDefinition, "name" | "description" | "tables" | "typeDefs">,
): {
  typeDefs: DocumentNode;
  resolvers: Record<string, unknown>;
} {
  const registered = subgraphRegistry.find((s) => s.name === definition.name);
  if (!registered) throw new Error(`subgraph ${definition.name} is not in the registry (@c360/registry)`);
  const field = fieldName(definition.name);
  const own = definition.tables.map(({ table, byMarket }) => {
    const { schema, name } = getTableConfig(table);
    if (schema !== registered.schema)
      throw new Error(`${definition.name} lists ${schema}.${name}, outside its schema ${registered.schema}`);
    return { name: `${schema}.${name}`, byMarket: byMarket ?? false };
  });
  const hidden = new Set(own.filter((t) => t.byMarket).map((t) => t.name));
  const schemaVersion = schemaVersionOf(definition.typeDefs);
  return {
    typeDefs: parse(
      `${shared}\nextend type DataProducts {\n  "The ${definition.name} data product."\n  ${field}: DataProduct!\n}\n`,
    ),
    resolvers: {
      Query: { dataProducts: () => ({}) },
      DataProducts: {
        [field]: async (_: unknown, __: unknown, { db, viewer }: SubgraphContext<unknown>) => {
          // Counts come from the latest load's record (or, for a table no load writes, the planner's
          // estimate): metadata never scans a table, whatever its size.
          const counts = await db.query<{ name: string; row_count: number | null; last_loaded_at: Date | null }>(
            `SELECT t.name, coalesce(l.rows_after, s.estimate)::int AS row_count, l.finished_at AS last_loaded_at
             FROM unnest($1::text[]) AS t(name)
             LEFT JOIN (SELECT DISTINCT ON (lt.table_name) lt.table_name, lt.rows_after, r.finished_at
                        FROM meta.load_run_tables lt JOIN meta.load_runs r USING (run_id)
                        ORDER BY lt.table_name, r.run_id DESC) l ON l.table_name = t.name
             LEFT JOIN (SELECT n.nspname || '.' || c.relname AS name,
                               CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples END AS estimate
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace) s ON s.name = t.name
             ORDER BY t.name`,
            [own.map((t) => t.name)],
          );
          const checks = await db.query<{ name: string; status: string; violations: number; checked_at: Date }>(
            `SELECT name, status, violations, checked_at FROM meta.quality_checks
             WHERE domain = $1 AND checked_at = (SELECT max(checked_at) FROM meta.quality_checks WHERE domain = $1)
             ORDER BY check_id`,
            [registered.schema],
          );
          return {
            name: definition.name,
            owner: registered.owner,
            description: definition.description,
            domain: registered.schema,
            tables: counts.map((c) => ({
              name: c.name,
              rowCount: viewer.markets !== null && hidden.has(c.name) ? null : c.row_count,
              lastLoadedAt: c.last_loaded_at,
            })),
            qualityChecks: checks.map((c) => ({ ...c, checkedAt: c.checked_at })),
            policyVersion,
            freshnessSla: registered.freshnessSla ?? null,
            stale: isStale(
              counts.map((c) => c.last_loaded_at),
              registered.freshnessSla,
            ),
            schemaVersion,
          };
        },
      },
    },
  };
}
