import { readFileSync } from "node:fs";
import { tables } from "@c360/db";
import { type DocumentNode, parse } from "graphql";
import { accessResolvers } from "./access";
import type { SubgraphContext, SubgraphDefinition } from "./server";

const shared = readFileSync(new URL("../shared.graphql", import.meta.url), "utf8");

const fieldName = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * The kit's shared SDL (scalars, PageInfo, data-product types) plus `DataProducts.<name>`, which
 * reports the subgraph's own tables: live row counts, last load time, latest quality checks.
 */
export function dataProductModule(definition: Pick<SubgraphDefinition, "name" | "domain" | "owner" | "description">): {
  typeDefs: DocumentNode;
  resolvers: Record<string, unknown>;
} {
  const field = fieldName(definition.name);
  const own = tables.filter((t) => t.domain === definition.domain).map((t) => t.qualified);
  return {
    typeDefs: parse(
      `${shared}\nextend type DataProducts {\n  "The ${definition.name} data product."\n  ${field}: DataProduct!\n}\n`,
    ),
    resolvers: {
      Query: { dataProducts: () => ({}), ...accessResolvers },
      DataProducts: {
        [field]: async (_: unknown, __: unknown, { db }: SubgraphContext<unknown>) => {
          const counts = await db.query<{ name: string; row_count: number; last_loaded_at: Date | null }>(
            `SELECT t.name, t.row_count, l.last_loaded_at FROM (${own
              .map((name) => `SELECT '${name}' AS name, (SELECT count(*)::int FROM ${name}) AS row_count`)
              .join(" UNION ALL ")}) t
             LEFT JOIN (SELECT table_name, max(r.finished_at) AS last_loaded_at FROM meta.load_run_tables lt
                        JOIN meta.load_runs r USING (run_id) GROUP BY table_name) l ON l.table_name = t.name
             ORDER BY t.name`,
          );
          const checks = await db.query<{ name: string; status: string; violations: number; checked_at: Date }>(
            `SELECT name, status, violations, checked_at FROM meta.quality_checks
             WHERE domain = $1 AND checked_at = (SELECT max(checked_at) FROM meta.quality_checks WHERE domain = $1)
             ORDER BY check_id`,
            [definition.domain],
          );
          return {
            name: definition.name,
            owner: definition.owner,
            description: definition.description,
            domain: definition.domain,
            tables: counts.map((c) => ({ name: c.name, rowCount: c.row_count, lastLoadedAt: c.last_loaded_at })),
            qualityChecks: checks.map((c) => ({ ...c, checkedAt: c.checked_at })),
          };
        },
      },
    },
  };
}
