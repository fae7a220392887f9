import { mkdir } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import { type DatabaseConfig, redactUrl } from "./config";

/** CSV text for COPY, as one string or as chunks (so large loads never sit in memory twice). */
export type CsvSource = string | Iterable<string> | AsyncIterable<string>;

/** The raw SQL surface shared by both drivers: parameterised queries and COPY FROM CSV. */
export interface SqlSession {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Loads CSV (no header, empty unquoted field = NULL) into `table (columns)`. */
  copyFrom(table: string, columns: readonly string[], csv: CsvSource): Promise<void>;
}

export interface Database extends SqlSession {
  readonly kind: "postgres" | "pglite";
  /** Where it is, without credentials. */
  readonly location: string;
  readonly drizzle: PgDatabase<PgQueryResultHKT>;
  /** SQL statements sent through this handle so far (Drizzle and raw queries), counted at the driver. */
  readonly statements: number;
  /** Runs `fn` in one transaction on one connection: everything commits or nothing does. */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const copyStatement = (table: string, columns: readonly string[]) =>
  `COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN WITH (FORMAT csv)`;

async function collect(csv: CsvSource): Promise<string[]> {
  if (typeof csv === "string") return [csv];
  const chunks: string[] = [];
  for await (const chunk of csv) chunks.push(chunk);
  return chunks;
}

function pgSession(client: pg.PoolClient | pg.Pool): SqlSession {
  return {
    async query<Row>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as Row[];
    },
    async copyFrom(table, columns, csv) {
      const connection = "release" in client ? client : await client.connect();
      try {
        const source = typeof csv === "string" ? Readable.from([csv]) : Readable.from(csv);
        await pipeline(source, connection.query(copyFromStdin(copyStatement(table, columns))));
      } finally {
        if (connection !== client) connection.release();
      }
    },
  };
}

function pgliteSession(client: Pick<PGlite, "query">): SqlSession {
  return {
    async query<Row>(text: string, params?: unknown[]) {
      return (await client.query<Row>(text, params)).rows;
    },
    async copyFrom(table, columns, csv) {
      const blob = new Blob(await collect(csv));
      await client.query(copyStatement(table, columns).replace("FROM STDIN", "FROM '/dev/blob'"), [], { blob });
    },
  };
}

/** Wraps `client.query` so that every statement sent through it is counted. */
function countQueries<C extends { query: (...args: never[]) => unknown }>(client: C): { count(): number } {
  let statements = 0;
  const query = client.query.bind(client) as C["query"];
  client.query = ((...args: never[]) => {
    statements++;
    return query(...args);
  }) as C["query"];
  return { count: () => statements };
}

async function openPostgres(url: string, statementTimeoutMs: number, applicationName: string): Promise<Database> {
  const timeouts = statementTimeoutMs
    ? {
        statement_timeout: statementTimeoutMs,
        lock_timeout: Math.min(2_000, statementTimeoutMs),
        idle_in_transaction_session_timeout: 2 * statementTimeoutMs,
        query_timeout: statementTimeoutMs + 1_000,
      }
    : {};
  // connectionTimeoutMillis: a burst beyond the pool waits at most this long, then fails fast.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 2_000,
    application_name: applicationName,
    ...timeouts,
  });
  pool.on("error", (error) => console.error(`postgres pool: ${error.message}`));
  const counter = countQueries(pool);
  return {
    kind: "postgres",
    location: redactUrl(url),
    drizzle: drizzlePg(pool),
    ...pgSession(pool),
    get statements() {
      return counter.count();
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(pgSession(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const inMemory = !dataDir || dataDir === "memory://";
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dataDir);
  const counter = countQueries(client);
  return {
    kind: "pglite",
    location: inMemory ? "pglite (in memory)" : `pglite ${dataDir}`,
    drizzle: drizzlePglite(client),
    ...pgliteSession(client),
    get statements() {
      return counter.count();
    },
    transaction: (fn) => client.transaction((tx) => fn(pgliteSession(tx))),
    close: () => client.close(),
  };
}

/** Opens the configured database: Postgres over `pg` when a URL is given, else embedded PGlite. */
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.url
    ? openPostgres(config.url, config.statementTimeoutMs ?? 0, config.applicationName ?? "c360")
    : openPglite(config.pgliteDir);
}
