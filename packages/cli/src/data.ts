import { resolve } from "node:path";
import type { Config } from "@c360/config";
import type { CheckResult, LoadProgress } from "@c360/db";
import type { Database } from "@c360/db-client";
import { type Command, InvalidArgumentError } from "commander";

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError("expected a number greater than 0");
  return value;
}

/** The largest seed scale: 1,000,000 customers (the bench measures up to 10). */
const MAX_SCALE = 100;

function scale(text: string): number {
  const value = positiveNumber(text);
  if (value > MAX_SCALE) throw new InvalidArgumentError(`at most ${MAX_SCALE} (1 = 10,000 customers)`);
  return value;
}

/**
 * An ISO date (midnight UTC) or instant: a day that exists (2026-02-31 does not roll over into March),
 * and a time without a zone is UTC, whatever the machine's zone.
 */
function instant(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  const [y, mo, d] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  const date = new Date(`${m?.[1]}-${m?.[2]}-${m?.[3]}T${m?.[4] ?? "00:00"}${m?.[5] ?? "Z"}`);
  if (!m || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError(
      "expected an ISO date that exists (2026-01-31) or instant (2026-01-31T12:00:00Z; without a zone, UTC)",
    );
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
async function using<T>(fn: (db: Database, data: typeof import("@c360/db"), config: Config) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { openDatabase }, data] = await Promise.all([
    import("@c360/config"),
    import("@c360/db-client"),
    import("@c360/db"),
  ]);
  const config = loadConfig();
  const db = await openDatabase({ ...config.database, statementTimeoutMs: 0, applicationName: "c360-cli" });
  try {
    return await fn(db, data, config);
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

/** A directory argument: an empty one (an unset variable, `import "$DIR"`) would read the current folder. */
function directory(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError("empty: name the directory to import");
  return value;
}

/**
 * The quality checks a load ran: each failure, a warning (a blocking one would have rejected the load),
 * and the tally.
 */
function printChecks(checks: readonly CheckResult[], { formatFailure }: typeof import("@c360/db")): void {
  const failed = checks.filter((r) => r.status === "fail");
  for (const r of failed) console.log(`warning: quality check failed: ${formatFailure(r)}`);
  console.log(`quality checks: ${checks.length - failed.length} passed, ${failed.length} failed`);
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
    .argument("<dir>", "directory to read, recursively (not node_modules or hidden folders)", directory)
    .action((dir: string) =>
      using(async (database, data) => {
        const { importDirectory, migrate } = data;
        await migrate(database);
        const progress = await progressOf("import", "steps");
        const report = await importDirectory(database, resolve(dir), progress).finally(() => progress.stop());
        for (const f of report.files)
          console.log(`${f.file.padEnd(48)} ${String(f.rows).padStart(8)} rows -> ${f.table}`);
        for (const w of report.warnings) console.log(`warning: ${w}`);
        if (report.skipped.length) console.log(`skipped (not CSV): ${report.skipped.join(", ")}`);
        printChecks(report.checks, data);
        console.log(`import run ${report.runId} committed to ${database.location}`);
      }),
    );

  program
    .command("seed")
    .description("replace all data with a deterministic generated data set, loaded with COPY in one transaction")
    .option("--scale <s>", `1 = 10,000 customers and proportional rows in every table (at most ${MAX_SCALE})`, scale, 1)
    .option("--seed <n>", "random seed: the same seed and scale give identical tables", integer, 1)
    .option("--replace-production-data", "in production (NODE_ENV=production), say that seeding replaces its data")
    .action((options: { scale: number; seed: number; replaceProductionData?: boolean }) =>
      using(async (database, data) => {
        const { migrate, seed } = data;
        const { loadConfig } = await import("@c360/config");
        if (loadConfig().production && !options.replaceProductionData)
          throw new Error(
            "seed replaces every table's data with generated rows; in production (NODE_ENV=production) say so with --replace-production-data",
          );
        await migrate(database);
        const progress = await progressOf("seed", "rows");
        const report = await seed(database, options, progress);
        progress.stop();
        for (const [table, rows] of Object.entries(report.rows))
          console.log(`${table.padEnd(32)} ${String(rows).padStart(9)} rows`);
        printChecks(report.checks, data);
        const seconds = report.loadMs / 1000;
        console.log(
          `seeded ${report.totalRows} rows (scale ${options.scale}, seed ${options.seed}) into ${database.location}: ` +
            `generated in ${(report.generateMs / 1000).toFixed(2)} s, loaded in ${seconds.toFixed(2)} s, ` +
            `${Math.round(report.totalRows / seconds)} rows/s`,
        );
      }),
    );

  program
    .command("refresh")
    .description(
      "rebuild the curated products (schema insights) from the sales and product tables in one transaction, recorded and checked like a load",
    )
    .action(() =>
      using(async (database, data) => {
        const { migrate, refresh } = data;
        await migrate(database);
        const started = performance.now();
        const report = await refresh(database);
        for (const [table, rows] of Object.entries(report.rowsAfter))
          console.log(`${table.padEnd(32)} ${String(rows).padStart(9)} rows`);
        printChecks(report.checks, data);
        console.log(
          `refresh run ${report.runId} committed to ${database.location} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
        );
      }),
    );

  program
    .command("check")
    .description("run the data quality checks, record them in meta.quality_checks; exit 1 on any failure")
    .option("--all", "list passing checks too")
    .action((options: { all?: boolean }) =>
      using(async (database, { formatFailure, migrate, runQualityChecks }) => {
        await migrate(database);
        const results = await runQualityChecks(database);
        const failed = results.filter((r) => r.status === "fail");
        for (const r of options.all ? results : failed)
          console.log(r.status === "fail" ? `FAIL ${formatFailure(r)}` : `PASS ${r.name}`);
        console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
        if (failed.length) process.exitCode = 1;
      }),
    );

  const audit = program.command("audit").description("the access trail's integrity");
  audit
    .command("verify")
    .description(
      "recompute every chain of the trail with the trail's key (C360_TRAIL_KEY), hold each against its writer's signed checkpoints, and check every stored document's hash; exit 1 naming the first break of each broken chain and each altered or missing document",
    )
    .option("--checkpoints <dir>", "the gateways' signed checkpoints (default: C360_TRAIL_CHECKPOINTS)")
    .action((options: { checkpoints?: string }) =>
      using(async (database, { migrate, trailKey, verifyTrail }, config) => {
        await migrate(database);
        const checkpoints = options.checkpoints ?? config.trail.checkpoints;
        const result = await verifyTrail(database, {
          key: trailKey(config.trail.key),
          ...(checkpoints ? { checkpoints } : {}),
        });
        for (const b of result.breaks)
          console.log(`BROKEN chain ${b.chain || "(none)"}${b.eventId ? ` at event ${b.eventId}` : ""}: ${b.reason}`);
        for (const hash of result.alteredDocuments)
          console.log(`ALTERED document ${hash}: its text no longer has the hash its events cite`);
        for (const m of result.missingDocuments)
          console.log(`MISSING document ${m.documentHash}: stored for event ${m.eventId}, and no longer there`);
        console.log(
          `${result.events} events in ${result.chains} chains checked, ${result.breaks.length} broken` +
            (result.unkeyed ? `; ${result.unkeyed} events of chains from before keys (plain hash)` : "") +
            (result.unchained ? `; ${result.unchained} events from before chains not verifiable` : "") +
            `; ${result.checkpointed} chains held to signed checkpoints` +
            `; ${result.documents} documents checked, ${result.alteredDocuments.length} altered, ${result.missingDocuments.length} missing`,
        );
        if (!checkpoints)
          console.log(
            "no signed checkpoints given (C360_TRAIL_CHECKPOINTS or --checkpoints): a chain removed whole or cut at its end since its last successor began cannot be told",
          );
        if (result.breaks.length || result.alteredDocuments.length || result.missingDocuments.length)
          process.exitCode = 1;
      }),
    );
  audit
    .command("prune")
    .description("remove the events before a date, keeping every chain verifiable (a checkpoint per chain)")
    .requiredOption("--before <date>", "an ISO date or instant: events that occurred before it go", instant)
    .action((options: { before: Date }) =>
      using(async (database, { migrate, pruneTrail, trailKey }, config) => {
        if (options.before.getTime() > Date.now())
          throw new Error("--before is in the future: every event would go; name a day in the past");
        await migrate(database);
        const { chains, events } = await pruneTrail(database, options.before, trailKey(config.trail.key));
        console.log(`pruned ${events} events before ${options.before.toISOString()} from ${chains} chains`);
      }),
    );
}
