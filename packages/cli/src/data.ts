import { resolve } from "node:path";
import { importDirectory, migrate } from "@c360/db";
import type { Database } from "@c360/db-client";
import type { Command } from "commander";

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
        for (const f of report.files) console.log(`${f.file.padEnd(48)} ${String(f.rows).padStart(8)} rows -> ${f.table}`);
        for (const w of report.warnings) console.log(`warning: ${w}`);
        if (report.skipped.length) console.log(`skipped (not CSV): ${report.skipped.join(", ")}`);
        console.log(`import run ${report.runId} committed to ${database.location}`);
      }),
    );
}
