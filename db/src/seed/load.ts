import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@c360/db-client";
import { tables } from "../catalog";
import type { CheckResult } from "../checks/run";
import { csvLine } from "../csv";
import { finishLoad } from "../meta";
import type { LoadProgress } from "../progress";
import { generate, type Row, type SeedOptions } from "./generate";

export interface SeedReport {
  runId: number;
  rows: Record<string, number>;
  totalRows: number;
  generateMs: number;
  loadMs: number;
  /** Every quality check's result, stored with the run (a generated data set is meant to pass them all). */
  checks: CheckResult[];
}

/** Rows of one table written to a temporary CSV file as they are generated, in 1 MB writes. */
class Spill {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly string[],
    private readonly table: string,
  ) {
    this.fd = openSync(path, "w");
  }

  add(row: Row): void {
    const line = csvLine(
      this.columns.map((c) => {
        const value = row[c];
        if (value === undefined) throw new Error(`seed: ${this.table} row has no ${c}`);
        return value;
      }),
    );
    this.pending.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.pending.length) writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A spilled table's CSV as it is read back, counting the rows that went by. */
async function* readBack(path: string, tick: (rows: number) => void): AsyncIterable<string> {
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    let rows = 0;
    for (let at = (chunk as string).indexOf("\n"); at !== -1; at = (chunk as string).indexOf("\n", at + 1)) rows++;
    tick(rows);
    yield chunk as string;
  }
}

/**
 * Replaces the contents of every data table with a generated data set. The generator's rows are
 * written to one temporary CSV file per table as they come (memory stays flat whatever the scale),
 * then loaded in one transaction: TRUNCATE, COPY per table in load order (never row-by-row INSERT),
 * then finishLoad (the run's record, ANALYZE, the quality checks; a blocking failure rolls it back).
 */
export async function seed(db: Database, options: SeedOptions, progress: LoadProgress = {}): Promise<SeedReport> {
  const startedAt = new Date();
  const dir = mkdtempSync(join(tmpdir(), "c360-seed-"));
  try {
    const t0 = performance.now();
    const spills = new Map(
      tables.map((t) => [
        t.qualified,
        new Spill(
          join(dir, `${t.qualified}.csv`),
          t.columns.map((c) => c.name),
          t.qualified,
        ),
      ]),
    );
    generate(options, (table, row) => {
      const spill = spills.get(table);
      if (!spill) throw new Error(`seed: no table ${table}`);
      spill.add(row);
    });
    for (const spill of spills.values()) spill.close();
    const generateMs = performance.now() - t0;
    const rows = Object.fromEntries(tables.map((t) => [t.qualified, spills.get(t.qualified)?.rows ?? 0]));
    const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
    progress.onStart?.(totalRows);
    let done = 0;
    const t1 = performance.now();
    const { runId, checks } = await db.transaction(async (session) => {
      await session.query(`TRUNCATE ${tables.map((t) => t.qualified).join(", ")}`);
      for (const table of tables) {
        await session.copyFrom(
          table.qualified,
          table.columns.map((c) => c.name),
          readBack(spills.get(table.qualified)?.path as string, (n) => {
            done += n;
            progress.onAdvance?.(done, table.qualified);
          }),
        );
      }
      return finishLoad(session, {
        kind: "seed",
        source: `seed=${options.seed} scale=${options.scale}`,
        startedAt,
        warnings: [],
        loaded: tables.map((t) => ({ table: t.qualified, rows: rows[t.qualified] ?? 0 })),
      });
    });
    const loadMs = performance.now() - t1;
    return { runId, rows, totalRows, generateMs, loadMs, checks };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
