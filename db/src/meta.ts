import type { Database, SqlSession } from "@c360/db-client";
import { type CheckResult, checkLoad } from "./checks/run";
import { refreshInsights } from "./refresh";

export interface LoadRun {
  kind: "import" | "seed" | "refresh";
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
 * The end of every load, in its transaction: refreshes the statistics of the tables it wrote,
 * rebuilds the curated products from the data it leaves (planned from those statistics, and
 * recorded with the run as tables it loaded), records the run, then runs the quality checks and
 * stores them with the run, so `dataProducts` shows the checks of the data it reports. A blocking
 * check that fails throws QualityCheckError: the load rolls back whole, the curated products with it.
 */
export async function finishLoad(session: SqlSession, load: LoadRun): Promise<FinishedLoad> {
  await analyzeTables(session, [...new Set([...load.loaded.map((l) => l.table), ...(load.derived ?? [])])]);
  const refreshed = await refreshInsights(session);
  await analyzeTables(
    session,
    refreshed.map((r) => r.table),
  );
  const { runId, rowsAfter } = await recordLoadRun(session, { ...load, loaded: [...load.loaded, ...refreshed] });
  return { runId, rowsAfter, checks: await checkLoad(session, runId) };
}

/** `c360 refresh`: the curated products rebuilt from the data as it is, as a load of their own (recorded, checked). */
export function refresh(db: Database): Promise<FinishedLoad> {
  const startedAt = new Date();
  return db.transaction((session) =>
    finishLoad(session, { kind: "refresh", source: "sales, product", startedAt, warnings: [], loaded: [] }),
  );
}
