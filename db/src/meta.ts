import type { SqlSession } from "@c360/db-client";
import { type CheckResult, checkLoad } from "./checks/run";

export interface LoadRun {
  kind: "import" | "seed";
  source: string;
  startedAt: Date;
  warnings: string[];
  loaded: { table: string; rows: number }[];
  /** Tables the load changed besides those it loaded (the facts whose market it set). */
  derived?: string[];
}

export interface FinishedLoad {
  runId: number;
  rowsAfter: Record<string, number>;
  /** Every quality check's result, stored with the run; failures here only warn. */
  checks: CheckResult[];
}

/**
 * Refreshes the planner's statistics of tables a load wrote. This Postgres runs without autovacuum,
 * like many bulk-loaded analytics databases: without it the planner keeps estimating from empty
 * tables (a purchase summary planned as a scan of a whole index). ANALYZE in the load's transaction
 * samples its own uncommitted rows, so the quality checks that follow plan from the real sizes.
 */
async function analyzeTables(session: SqlSession, tables: readonly string[]): Promise<void> {
  if (tables.length) await session.query(`ANALYZE ${tables.join(", ")}`);
}

/** Records a load in `meta.load_runs` / `meta.load_run_tables`, in the load's own transaction. */
async function recordLoadRun(
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

/**
 * The end of every load, in its transaction: records the run, refreshes the statistics of the tables
 * it wrote, then runs the quality checks and stores them with the run, so `dataProducts` shows the
 * checks of the data it reports. A blocking check that fails throws QualityCheckError: the load
 * rolls back whole.
 */
export async function finishLoad(session: SqlSession, run: LoadRun): Promise<FinishedLoad> {
  const { runId, rowsAfter } = await recordLoadRun(session, run);
  await analyzeTables(session, [...new Set([...run.loaded.map((l) => l.table), ...(run.derived ?? [])])]);
  return { runId, rowsAfter, checks: await checkLoad(session, runId) };
}
