/**
 * `pnpm bench:load [--scale S] [--rounds N]`: seeds into a fresh Postgres database and, in the same
 * run, loads the very same rows from CSV with psql's `\copy` (the floor) into another fresh
 * database with the same schema, one transaction each. Reports rows/s and our/floor ratio.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { migrate, seed, tables } from "@c360/db";
import { openDatabase } from "@c360/db-client";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "1" }, rounds: { type: "string", default: "2" } },
});
const scale = Number(values.scale);
const rounds = Number(values.rounds);
const server = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const psql = (url: string, args: string[]) =>
  execFileSync("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", ...args], { stdio: ["ignore", "ignore", "inherit"] });
const admin = urlOf("postgres");

async function freshDatabase(name: string) {
  psql(admin, ["-c", `DROP DATABASE IF EXISTS ${name}`, "-c", `CREATE DATABASE ${name}`]);
  const db = await openDatabase({ url: urlOf(name) });
  await migrate(db);
  return db;
}

const dir = mkdtempSync(join(tmpdir(), "c360-bench-load-"));
const ours: number[] = [];
const floor: number[] = [];
let totalRows = 0;
try {
  for (let round = 1; round <= rounds; round++) {
    const db = await freshDatabase("c360_bench_ours");
    const report = await seed(db, { scale, seed: 1 });
    await db.close();
    totalRows = report.totalRows;
    ours.push(totalRows / ((report.generateMs + report.loadMs) / 1000));
    if (round === 1) {
      for (const t of tables)
        psql(urlOf("c360_bench_ours"), [
          "-c",
          `\\copy ${t.qualified} TO '${join(dir, `${t.qualified}.csv`)}' WITH (FORMAT csv)`,
        ]);
      writeFileSync(
        join(dir, "load.sql"),
        [
          `TRUNCATE ${tables.map((t) => t.qualified).join(", ")};`,
          ...tables.map((t) => `\\copy ${t.qualified} FROM '${join(dir, `${t.qualified}.csv`)}' WITH (FORMAT csv)`),
        ].join("\n"),
      );
    }
    const target = await freshDatabase("c360_bench_floor");
    await target.close();
    const start = performance.now();
    psql(urlOf("c360_bench_floor"), ["-1", "-f", join(dir, "load.sql")]);
    floor.push(totalRows / ((performance.now() - start) / 1000));
    console.log(
      `round ${round}: ours ${Math.round(ours.at(-1) ?? 0)} rows/s, psql \\copy ${Math.round(floor.at(-1) ?? 0)} rows/s`,
    );
  }
} finally {
  psql(admin, ["-c", "DROP DATABASE IF EXISTS c360_bench_ours", "-c", "DROP DATABASE IF EXISTS c360_bench_floor"]);
  rmSync(dir, { recursive: true, force: true });
}
const best = (xs: number[]) => Math.max(...xs);
console.log(
  `\nscale ${scale}: ${totalRows} rows into ${tables.length} tables, best of ${rounds}\n` +
    `  c360 seed (generate + COPY): ${Math.round(best(ours))} rows/s\n` +
    `  psql \\copy from CSV (floor): ${Math.round(best(floor))} rows/s\n` +
    `  ratio: ${(best(ours) / best(floor)).toFixed(2)}x (target >= 0.70x)`,
);
