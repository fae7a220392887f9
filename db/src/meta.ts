import type { SqlSession } from "@c360/db-client";

export interface LoadRun {
  kind: "import" | "seed";
  source: string;
  startedAt: Date;
  warnings: string[];
  loaded: { table: string; rows: number }[];
}

/**
 * Refreshes the planner's statistics of tables a load wrote. This Postgres runs without autovacuum,
 * like many bulk-loaded analytics databases: without it the planner keeps estimating from empty
 * tables (a purchase summary planned as a scan of a whole index). Run after the load commits.
 */
export async function analyzeTables(session: SqlSession, tables: readonly string[]): Promise<void> {
  if (tables.length) await session.query(`ANALYZE ${tables.join(", ")}`);
}

/** Records a load in `meta.load_runs` / `meta.load_run_tables`, in the load's own transaction. */
export async function recordLoadRun(
  session: SqlSession,
  run: LoadRun,
): Promise<{ runId: number; rowsAfter: Record<string, number> }> {
  const [row] = await session.query<{ run_id: string }>(
    `INSERT INTO meta.load_runs (kind, source, started_at, finished_at, warnings)
     VALUES ($1, $2, $3, now(), $4) RETURNING run_id`,
    [run.kind, run.source, run.startedAt.toISOString(), JSON.stringify(run.warnings)],
  );
  const runId = Number(row?.run_id);
  const rowsAfter: Record<string, number> = {};
  for (const { table, rows } of run.loaded) {
    const [count] = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    rowsAfter[table] = count?.n ?? 0;
    await session.query(
      "INSERT INTO meta.load_run_tables (run_id, table_name, rows_loaded, rows_after) VALUES ($1, $2, $3, $4)",
      [runId, table, rows, rowsAfter[table]],
    );
  }
  return { runId, rowsAfter };
}
