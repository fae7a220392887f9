import { resolve } from "node:path";
import type { LoadProgress } from "@c360/db";
import type { Database } from "@c360/db-client";
import { type Command, InvalidArgumentError } from "commander";

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError("expected a number greater than 0");
  return value;
}

function instant(text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError("expected an ISO date (2026-01-31) or instant (2026-01-31T12:00:00Z)");
  return date;
}

function integer(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new InvalidArgumentError("expected a whole number");
  return Number(text);
}

/**
 * Opens the configured database (no statement timeout: loads and checks may run long), runs `fn`
 * with it and the data package, and always closes it. Loaded when a command runs, not before.
 */
async function using<T>(fn: (db: Database, data: typeof import("@c360/db")) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { openDatabase }, data] = await Promise.all([
    import("@c360/config"),
    import("@c360/db-client"),
    import("@c360/db"),
  ]);
  const db = await openDatabase({ ...loadConfig().database, statementTimeoutMs: 0, applicationName: "c360-cli" });
  try {
    return await fn(db, data);
  } finally {
    await db.close();
  }
}

/**
 * A load's progress: a bar on a terminal; otherwise (a pipe, a CI log) one plain line each time the
 * load moves to another table or file.
 */
async function progressOf(command: string, unit: string): Promise<LoadProgress & { stop(): void }> {
  if (process.stdout.isTTY) {
    const { SingleBar } = await import("cli-progress");
    const bar = new SingleBar({ format: `${command} [{bar}] {percentage}% {value}/{total} ${unit} {label}` });
    return {
      onStart: (total) => bar.start(total, 0, { label: "" }),
      onAdvance: (done, label) => bar.update(done, { label }),
      stop: () => bar.stop(),
    };
  }
  let last = "";
  return {
    onAdvance: (done, label) => {
      if (label !== last) console.log(`${command}: ${label} (${done} ${unit} done)`);
      last = label;
    },
    stop: () => {},
  };
}

/** `db migrate`, `import`: the commands that change the data. */
export function registerDataCommands(program: Command): void {
  const db = program.command("db").description("database schema");
  db.command("migrate")
    .description("apply the committed migrations (idempotent)")
    .action(() =>
      using(async (database, { migrate }) => {
        await migrate(database);
        console.log(`migrations applied to ${database.location}`);
      }),
    );

  program
    .command("import")
    .description("load a c360_mock_data directory and/or cx_analytics KPI files (.csv or .csv.gz) in one transaction")
    .argument("<dir>", "directory to read, recursively")
    .action((dir: string) =>
      using(async (database, { importDirectory, migrate }) => {
        await migrate(database);
        const progress = await progressOf("import", "steps");
        const report = await importDirectory(database, resolve(dir), progress).finally(() => progress.stop());
        for (const f of report.files)
          console.log(`${f.file.padEnd(48)} ${String(f.rows).padStart(8)} rows -> ${f.table}`);
        for (const w of report.warnings) console.log(`warning: ${w}`);
        if (report.skipped.length) console.log(`skipped (not CSV): ${report.skipped.join(", ")}`);
        console.log(`import run ${report.runId} committed to ${database.location}`);
      }),
    );

  program
    .command("seed")
    .description("replace all data with a deterministic generated data set, loaded with COPY in one transaction")
    .option("--scale <s>", "1 = 10,000 customers and proportional rows in every table", positiveNumber, 1)
    .option("--seed <n>", "random seed: the same seed and scale give identical tables", integer, 1)
    .action((options: { scale: number; seed: number }) =>
      using(async (database, { migrate, seed }) => {
        await migrate(database);
        const progress = await progressOf("seed", "rows");
        const report = await seed(database, options, progress);
        progress.stop();
        for (const [table, rows] of Object.entries(report.rows))
          console.log(`${table.padEnd(32)} ${String(rows).padStart(9)} rows`);
        const seconds = report.loadMs / 1000;
        console.log(
          `seeded ${report.totalRows} rows (scale ${options.scale}, seed ${options.seed}) into ${database.location}: ` +
            `generated in ${(report.generateMs / 1000).toFixed(2)} s, loaded in ${seconds.toFixed(2)} s, ` +
            `${Math.round(report.totalRows / seconds)} rows/s`,
        );
      }),
    );

  program
    .command("check")
    .description("run the data quality checks, record them in meta.quality_checks; exit 1 on any failure")
    .option("--all", "list passing checks too")
    .action((options: { all?: boolean }) =>
      using(async (database, { migrate, runQualityChecks }) => {
        await migrate(database);
        const results = await runQualityChecks(database);
        const failed = results.filter((r) => r.status === "fail");
        for (const r of options.all ? results : failed) {
          console.log(
            `${r.status.toUpperCase()} ${r.name}${r.violations ? `: ${r.violations} rows, e.g. ${r.sample.join(", ")}` : ""}`,
          );
        }
        console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
        if (failed.length) process.exitCode = 1;
      }),
    );

  const audit = program.command("audit").description("the access trail's integrity");
  audit
    .command("verify")
    .description("recompute every hash chain of the trail; exit 1 naming the first break of each broken chain")
    .action(() =>
      using(async (database, { migrate, verifyTrail }) => {
        await migrate(database);
        const result = await verifyTrail(database);
        for (const b of result.breaks) console.log(`BROKEN chain ${b.chain} at event ${b.eventId}: ${b.reason}`);
        console.log(
          `${result.events} events in ${result.chains} chains checked, ${result.breaks.length} broken` +
            (result.unchained ? `; ${result.unchained} events from before chains not verifiable` : ""),
        );
        if (result.breaks.length) process.exitCode = 1;
      }),
    );
  audit
    .command("prune")
    .description("remove the events before a date, keeping every chain verifiable (a checkpoint per chain)")
    .requiredOption("--before <date>", "an ISO date or instant: events that occurred before it go", instant)
    .action((options: { before: Date }) =>
      using(async (database, { migrate, pruneTrail }) => {
        await migrate(database);
        const { chains, events } = await pruneTrail(database, options.before);
        console.log(`pruned ${events} events before ${options.before.toISOString()} from ${chains} chains`);
      }),
    );
}
