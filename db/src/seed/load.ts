import type { Database } from "@c360/db-client";
import { tables } from "../catalog";
import { csvLine } from "../csv";
import { recordLoadRun } from "../meta";
import { generate, type Row, type SeedOptions } from "./generate";

const CHUNK_ROWS = 5_000;

export interface SeedProgress {
  /** Called once before loading with the total row count, then after each chunk with rows so far. */
  onStart?(totalRows: number): void;
  onRows?(rowsDone: number, table: string): void;
}

export interface SeedReport {
  runId: number;
  rows: Record<string, number>;
  totalRows: number;
  generateMs: number;
  loadMs: number;
}

/** CSV chunks of `rows` in the table's column order; a missing column is a generator bug. */
function* csvChunks(columns: readonly string[], table: string, rows: Row[], tick: (n: number) => void) {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const slice = rows.slice(start, start + CHUNK_ROWS);
    yield slice
      .map((row) =>
        csvLine(
          columns.map((c) => {
            const value = row[c];
            if (value === undefined) throw new Error(`seed: ${table} row has no ${c}`);
            return value;
          }),
        ),
      )
      .join("");
    tick(slice.length);
  }
}

/**
 * Replaces the contents of every data table with a generated data set, in one transaction:
 * TRUNCATE, then COPY per table (never row-by-row INSERT), then a `meta.load_runs` record.
 */
export async function seed(db: Database, options: SeedOptions, progress: SeedProgress = {}): Promise<SeedReport> {
  const startedAt = new Date();
  const t0 = performance.now();
  const data = generate(options);
  const generateMs = performance.now() - t0;
  const totalRows = tables.reduce((sum, t) => sum + (data[t.qualified]?.length ?? 0), 0);
  progress.onStart?.(totalRows);
  let done = 0;
  const t1 = performance.now();
  const runId = await db.transaction(async (session) => {
    await session.query(`TRUNCATE ${tables.map((t) => t.qualified).join(", ")}`);
    for (const table of tables) {
      const rows = data[table.qualified] ?? [];
      const columns = table.columns.map((c) => c.name);
      await session.copyFrom(
        table.qualified,
        columns,
        csvChunks(columns, table.qualified, rows, (n) => {
          done += n;
          progress.onRows?.(done, table.qualified);
        }),
      );
    }
    const run = await recordLoadRun(session, {
      kind: "seed",
      source: `seed=${options.seed} scale=${options.scale}`,
      startedAt,
      warnings: [],
      loaded: tables.map((t) => ({ table: t.qualified, rows: data[t.qualified]?.length ?? 0 })),
    });
    return run.runId;
  });
  return {
    runId,
    rows: Object.fromEntries(tables.map((t) => [t.qualified, data[t.qualified]?.length ?? 0])),
    totalRows,
    generateMs,
    loadMs: performance.now() - t1,
  };
}
