import { resolve } from "node:path";
import { importDirectory, migrate, runQualityChecks, seed } from "@c360/db";
import type { Database } from "@c360/db-client";
import { SingleBar } from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError("expected a number greater than 0");
  return value;
}

function integer(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new InvalidArgumentError("expected a whole number");
  return Number(text);
}

/** Opens the database, runs `fn`, and always closes it. */
async function using<T>(open: () => Promise<Database>, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `db migrate`, `import`: the commands that change the data. */
export function registerDataCommands(program: Command, open: () => Promise<Database>): void {
  const db = program.command("db").description("database schema");
  db.command("migrate")
    .description("apply the committed migrations (idempotent)")
    .action(() =>
      using(open, async (database) => {
        await migrate(database);
        console.log(`migrations applied to ${database.location}`);
      }),
    );

  program
    .command("import")
    .description("load a c360_mock_data directory and/or cx_analytics KPI files (.csv or .csv.gz) in one transaction")
    .argument("<dir>", "directory to read, recursively")
    .action((dir: string) =>
      using(open, async (database) => {
        await migrate(database);
        const report = await importDirectory(database, resolve(dir));
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
      using(open, async (database) => {
        await migrate(database);
        const bar = process.stdout.isTTY
          ? new SingleBar({ format: "seed [{bar}] {percentage}% {value}/{total} rows {table}" })
          : null;
        const report = await seed(database, options, {
          onStart: (total) => bar?.start(total, 0, { table: "" }),
          onRows: (done, table) => bar?.update(done, { table }),
        });
        bar?.stop();
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
      using(open, async (database) => {
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
}
