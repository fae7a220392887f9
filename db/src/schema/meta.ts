import { bigint, bigserial, index, integer, jsonb, pgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Data-product metadata: load runs with their per-table row counts, and quality-check results. */
export const metaSchema = pgSchema("meta");

export const loadRuns = metaSchema.table("load_runs", {
  runId: bigserial("run_id", { mode: "number" }).primaryKey(),
  kind: text("kind").notNull(),
  source: text("source").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }).notNull(),
  warnings: jsonb("warnings").$type<string[]>().notNull(),
});

export const loadRunTables = metaSchema.table(
  "load_run_tables",
  {
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => loadRuns.runId),
    tableName: text("table_name").notNull(),
    rowsLoaded: integer("rows_loaded").notNull(),
    rowsAfter: integer("rows_after").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.tableName] }), index("load_run_tables_table_name_idx").on(t.tableName)],
);

export const qualityChecks = metaSchema.table(
  "quality_checks",
  {
    checkId: bigserial("check_id", { mode: "number" }).primaryKey(),
    /** The load whose last step ran it; null for a run on its own (`c360 check`). */
    runId: bigint("run_id", { mode: "number" }).references(() => loadRuns.runId),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
    name: text("name").notNull(),
    domain: text("domain").notNull(),
    status: text("status").$type<"pass" | "fail">().notNull(),
    violations: integer("violations").notNull(),
    sample: jsonb("sample").$type<string[]>().notNull(),
  },
  (t) => [index("quality_checks_domain_idx").on(t.domain, t.checkedAt), index("quality_checks_run_id_idx").on(t.runId)],
);
