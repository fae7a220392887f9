import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "@c360/db-client";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * Applies the committed drizzle-kit migrations; already-applied ones are skipped, so running it
 * again is a no-op. Run it from one process (the CLI or the starter), not from every service.
 */
export async function migrate(db: Database): Promise<void> {
  if (db.kind === "pglite") await migratePglite(db.drizzle as PgliteDatabase, { migrationsFolder });
  else await migratePg(db.drizzle as NodePgDatabase, { migrationsFolder });
}

/** How many migrations are committed (read once: readiness asks on every probe). */
let committed: number | undefined;

/** True when every committed migration has been applied (readiness checks this). */
export async function migrationsCurrent(db: Database): Promise<boolean> {
  committed ??= (
    JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] }
  ).entries.length;
  const [row] = await db.query<{ applied: number }>(
    "SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations",
  );
  return (row?.applied ?? 0) >= committed;
}
