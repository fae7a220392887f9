import type { Database, SqlSession } from "@c360/db-client";
import { foreignKeys, marketplaceOfCountrySql, tables } from "../catalog";
import type { CheckResult } from "../checks/run";
import { csvLine } from "../csv";
import { finishLoad } from "../meta";
import type { LoadProgress } from "../progress";
import { ImportError, type ImportIssue } from "./issues";
import { findInputFiles, type ParsedFile, readInputFile } from "./read";

const MAX_ISSUES = 50;

export interface ImportReport {
  runId: number;
  files: { file: string; table: string; rows: number }[];
  skipped: string[];
  warnings: string[];
  rowsAfter: Record<string, number>;
  /** Every quality check's result after the load, stored with its run; failures are warnings (the blocking ones reject the load). */
  checks: CheckResult[];
}

const stageOf = (name: string) => `pg_temp.stage_${name}`;

async function stage(session: SqlSession, parsed: ParsedFile): Promise<void> {
  const { table } = parsed;
  await session.query(
    `CREATE TEMP TABLE stage_${table.name} (LIKE ${table.qualified} INCLUDING DEFAULTS, _line integer NOT NULL) ON COMMIT DROP`,
  );
  const columns = [...table.columns.map((c) => c.name), "_line"];
  await session.copyFrom(
    stageOf(table.name),
    columns,
    parsed.rows.map((row, i) => csvLine([...row, parsed.lines[i] ?? 0])),
  );
}

/** Every staged child value must exist in the parent table or among the staged parent rows. */
async function checkForeignKeys(session: SqlSession, byTable: Map<string, ParsedFile>): Promise<ImportIssue[]> {
  const issues: ImportIssue[] = [];
  for (const key of foreignKeys) {
    const child = byTable.get(key.child);
    if (!child) continue;
    const parentName = key.parent.split(".")[1] as string;
    const stagedParent = byTable.has(key.parent)
      ? `AND NOT EXISTS (SELECT 1 FROM ${stageOf(parentName)} sp WHERE sp."${key.parentColumn}" = s."${key.column}")`
      : "";
    const orphans = await session.query<{ line: number; value: string }>(
      `SELECT s._line AS line, s."${key.column}" AS value FROM ${stageOf(child.table.name)} s
       WHERE s."${key.column}" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE p."${key.parentColumn}" = s."${key.column}")
         ${stagedParent}
       ORDER BY s._line LIMIT ${MAX_ISSUES}`,
    );
    for (const o of orphans) {
      issues.push({
        file: child.file,
        line: o.line,
        column: key.column,
        reason: `dangling foreign key: no ${key.parent} row with ${key.parentColumn} ${JSON.stringify(o.value)}`,
      });
    }
  }
  return issues;
}

async function upsert(session: SqlSession, parsed: ParsedFile): Promise<void> {
  const { table } = parsed;
  const columns = table.columns.map((c) => `"${c.name}"`).join(", ");
  const updates = table.columns
    .filter((c) => !table.primaryKey.includes(c.name))
    .map((c) => `"${c.name}" = EXCLUDED."${c.name}"`);
  await session.query(
    `INSERT INTO ${table.qualified} (${columns}) SELECT ${columns} FROM ${stageOf(table.name)}
     ON CONFLICT (${table.primaryKey.map((k) => `"${k}"`).join(", ")}) DO ${updates.length ? `UPDATE SET ${updates.join(", ")}` : "NOTHING"}`,
  );
}

/**
 * Sets the market of every fact this load touched, from its buyer's country: transactions that were
 * loaded or whose buyer was, then shipments (with their buyer) that were loaded or whose transaction was. Runs after
 * the upserts, on the stored rows, so a re-imported customer who moved country moves their facts too.
 * Returns the tables it updated (their statistics are refreshed with the loaded ones).
 */
async function deriveMarkets(session: SqlSession, byTable: Map<string, ParsedFile>): Promise<string[]> {
  const staged = (table: string, key: string) =>
    byTable.has(table) ? [`${key} IN (SELECT ${key} FROM ${stageOf(table.split(".")[1] as string)})`] : [];
  const transactions = [
    ...staged("sales.transactions", "transaction_id"),
    ...staged("customer.customers", "customer_id"),
  ];
  if (transactions.length)
    await session.query(
      `UPDATE sales.transactions t SET marketplace = (SELECT ${marketplaceOfCountrySql("c.country")}
         FROM customer.customers c WHERE c.customer_id = t.customer_id)
       WHERE ${transactions.join(" OR ")}`,
    );
  const shipments = [
    ...staged("logistics.shipments", "shipment_id"),
    ...(transactions.length
      ? [`transaction_id IN (SELECT transaction_id FROM sales.transactions t WHERE ${transactions.join(" OR ")})`]
      : []),
  ];
  if (shipments.length)
    await session.query(
      `UPDATE logistics.shipments s SET (marketplace, customer_id) =
         (SELECT t.marketplace, t.customer_id FROM sales.transactions t WHERE t.transaction_id = s.transaction_id)
       WHERE ${shipments.join(" OR ")}`,
    );
  return [...(transactions.length ? ["sales.transactions"] : []), ...(shipments.length ? ["logistics.shipments"] : [])];
}

/**
 * Imports every c360 / cx KPI file under `dir` in one transaction: all rows land (upserted by
 * primary key, so a re-run changes nothing) or, on any problem, none do: ImportError lists each
 * problem of the files as `file:line: column: reason`, QualityCheckError each blocking quality check
 * the loaded data would break. Checks that only warn are reported with the committed load.
 */
export async function importDirectory(db: Database, dir: string, progress: LoadProgress = {}): Promise<ImportReport> {
  const startedAt = new Date();
  const { csv, skipped } = await findInputFiles(dir);
  const issues: ImportIssue[] = [];
  const parsed: ParsedFile[] = [];
  let done = 0;
  progress.onStart?.(csv.length * 2);
  for (const file of csv) {
    progress.onAdvance?.(done++, `read ${file}`);
    const result = await readInputFile(dir, file, issues);
    if (result) parsed.push(result);
  }
  if (csv.length === 0) issues.push({ file: dir, line: 0, reason: "no .csv or .csv.gz files found" });
  const byTable = new Map<string, ParsedFile>();
  for (const p of parsed) {
    const other = byTable.get(p.table.qualified);
    if (other)
      issues.push({ file: p.file, line: 1, reason: `second file for ${p.table.qualified} (first: ${other.file})` });
    byTable.set(p.table.qualified, p);
  }
  if (issues.length) throw new ImportError(issues.slice(0, MAX_ISSUES));

  const ordered = tables.flatMap((t) => byTable.get(t.qualified) ?? []);
  const warnings = ordered.flatMap((p) => p.warnings);
  return db.transaction(async (session) => {
    for (const p of ordered) {
      progress.onAdvance?.(done++, `load ${p.table.qualified}`);
      await stage(session, p);
    }
    const orphans = await checkForeignKeys(session, byTable);
    if (orphans.length) throw new ImportError(orphans.slice(0, MAX_ISSUES));
    for (const p of ordered) await upsert(session, p);
    const derived = await deriveMarkets(session, byTable);
    const { runId, rowsAfter, checks } = await finishLoad(session, {
      kind: "import",
      source: dir,
      startedAt,
      warnings,
      loaded: ordered.map((p) => ({ table: p.table.qualified, rows: p.rows.length })),
      derived,
    });
    return {
      runId,
      files: ordered.map((p) => ({ file: p.file, table: p.table.qualified, rows: p.rows.length })),
      skipped,
      warnings,
      rowsAfter,
      checks,
    };
  });
}
