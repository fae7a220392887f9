import { mkdir } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { beforeScrape, clientSpan, metrics } from "@c360/observability";
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
  /**
   * Where keyed lookups run (`scopedStatement`: rows by ids, as named prepared statements). On
   * Postgres, a pool of its own whose sessions plan such a statement once and reuse the plan
   * (`plan_cache_mode=force_generic_plan`): left to itself, Postgres never settles on one for an
   * `= any($ids)` lookup and plans it again at every execution, which cost more than running it. Every
   * other statement keeps plans made for its values. On PGlite (one connection), the database itself.
   */
  readonly lookups: Database;
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

/** The text of a statement as `query` received it (a string, or a config object with `text`). */
const statementText = (first: unknown) =>
  (typeof first === "string" ? first : String((first as { text?: unknown } | null)?.text ?? "")).slice(0, 2_000);

/**
 * Wraps `client.query` so that every statement sent through it is counted (for tests), timed and
 * counted by outcome in the metrics of `pool`, and a span of the request's trace (its SQL text, never
 * its parameters).
 */
function instrumentQueries<C extends { query: (...args: never[]) => unknown }>(
  client: C,
  pool: string,
): { count(): number } {
  let statements = 0;
  const query = client.query.bind(client) as C["query"];
  client.query = ((...args: never[]) => {
    statements++;
    const started = performance.now();
    const span = clientSpan("sql", { "db.system": "postgresql", "db.statement": statementText(args[0]) });
    const ended = (error?: unknown) => {
      metrics.sqlSeconds.observe({ pool }, (performance.now() - started) / 1000);
      metrics.sqlStatements.inc({ pool, outcome: error ? "error" : "ok" });
      span.end(error);
    };
    const result = query(...args) as unknown;
    if (result instanceof Promise) result.then(() => ended(), ended);
    else ended();
    return result;
  }) as C["query"];
  return { count: () => statements };
}

async function openPostgres(
  url: string,
  statementTimeoutMs: number,
  poolSize: number,
  applicationName: string,
): Promise<Database> {
  const general = postgresPool(url, statementTimeoutMs, poolSize, applicationName, "");
  const lookups = postgresPool(url, statementTimeoutMs, poolSize, `${applicationName}.lookups`, "force_generic_plan");
  return {
    ...general,
    lookups,
    get statements() {
      return general.statements + lookups.statements;
    },
    close: async () => {
      await Promise.all([general.close(), lookups.close()]);
    },
  };
}

/** One pool of connections to `url`, as a Database whose lookups are its own. */
function postgresPool(
  url: string,
  statementTimeoutMs: number,
  poolSize: number,
  applicationName: string,
  planCacheMode: "" | "force_generic_plan",
): Database {
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
    max: poolSize,
    // No JIT compilation: serving statements are small and frequent, and paying compilation per
    // statement costs more than it saves. Every session in UTC, whatever the server's default zone:
    // dates compared with timestamps (`$from::date`) and naive timestamps are UTC days (PGlite's is UTC).
    options: `-c jit=off -c TimeZone=UTC${planCacheMode ? ` -c plan_cache_mode=${planCacheMode}` : ""}`,
    connectionTimeoutMillis: 2_000,
    application_name: applicationName,
    ...timeouts,
  });
  // An idle connection the server closed: the pool replaces it; the next statement reports any lasting failure.
  pool.on("error", () => {});
  const counter = instrumentQueries(pool, applicationName);
  const stopReading = beforeScrape(() => {
    metrics.poolConnections.set({ pool: applicationName, state: "total" }, pool.totalCount);
    metrics.poolConnections.set({ pool: applicationName, state: "idle" }, pool.idleCount);
    metrics.poolConnections.set({ pool: applicationName, state: "waiting" }, pool.waitingCount);
  });
  const database: Database = {
    kind: "postgres",
    location: redactUrl(url),
    drizzle: drizzlePg(pool),
    get lookups() {
      return database;
    },
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
    close: () => {
      stopReading();
      return pool.end();
    },
  };
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const inMemory = !dataDir || dataDir === "memory://";
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dataDir);
  const counter = instrumentQueries(client, "pglite");
  const database: Database = {
    kind: "pglite",
    location: inMemory ? "pglite (in memory)" : `pglite ${dataDir}`,
    drizzle: drizzlePglite(client),
    get lookups() {
      return database;
    },
    ...pgliteSession(client),
    get statements() {
      return counter.count();
    },
    transaction: (fn) => client.transaction((tx) => fn(pgliteSession(tx))),
    close: () => client.close(),
  };
  return database;
}

/** Opens the configured database: Postgres over `pg` when a URL is given, else embedded PGlite. */
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.url
    ? openPostgres(config.url, config.statementTimeoutMs ?? 0, config.poolSize ?? 10, config.applicationName ?? "c360")
    : openPglite(config.pgliteDir);
}
