import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, seed } from "@c360/db";
import { type Database, openDatabase } from "@c360/db-client";
import { afterAll, beforeAll } from "vitest";

/** A migrated, empty database of the kind under test, and how to throw it away. */
export interface TestDatabase {
  db: Database;
  /** The database's connection string on Postgres (for child processes); absent on PGlite. */
  url?: string;
  dispose(): Promise<void>;
}

/**
 * With DATABASE_URL set (or `url`, a Postgres URL, given): a new database on that server, unique
 * to the caller, dropped on dispose. Without either: an in-memory PGlite. Both are migrated with the
 * committed migrations.
 */
export async function createTestDatabase(url = process.env.DATABASE_URL): Promise<TestDatabase> {
  const t = await createEmptyTestDatabase(url);
  await migrate(t.db);
  return t;
}

/** The same database as createTestDatabase, before any migration (to test a migration itself). */
export async function createEmptyTestDatabase(url = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!url) {
    const db = await openDatabase({ pgliteDir: "memory://" });
    return { db, dispose: () => db.close() };
  }
  const server = await createServerDatabase(url);
  const db = await openDatabase({ url: server.url });
  return {
    db,
    url: server.url,
    async dispose() {
      await db.close();
      await server.drop();
    },
  };
}

/** A new, empty database on the Postgres server of `url`, with a name unique to this call. */
async function createServerDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `c360_test_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ url });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const cleanup = await openDatabase({ url });
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.close();
    },
  };
}

/** `"postgres"` or `"pglite"`: which path this test run exercises. */
export const databaseKind = process.env.DATABASE_URL ? "postgres" : "pglite";

/**
 * Environment for a child process (the CLI, a server) pointing at a database of its own: a fresh
 * Postgres database when DATABASE_URL is set, else a PGlite data directory in a temporary folder.
 */
export async function createDatabaseEnv(): Promise<{ env: NodeJS.ProcessEnv; dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), "c360-pglite-"));
    const env = { ...process.env, C360_PGLITE_DIR: dir };
    return { env, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = await createServerDatabase(url);
  return { env: { ...process.env, DATABASE_URL: server.url }, dispose: () => server.drop() };
}

/**
 * Registers a fresh database for the calling spec file, seeded at scale 0.01 (seed 1) before its tests
 * and disposed after; the getter returns it once `beforeAll` has run.
 */
export function useSeededDatabase(): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seed(t.db, { scale: 0.01, seed: 1 });
  });
  afterAll(() => t?.dispose());
  return () => {
    if (!t) throw new Error("the seeded database is not ready: call it inside a test");
    return t;
  };
}
