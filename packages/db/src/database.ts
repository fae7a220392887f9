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
  /**
   * This database for one request: on Postgres, a statement still running when `cancellation` fires
   * (the client went away, the request's time budget passed) is cancelled in the server, and its
   * connection is closed rather than handed to another request. On PGlite (one connection, in this
   * process) the database itself: the request only stops waiting.
   */
  cancelledBy(cancellation: Cancellation): Database;
  close(): Promise<void>;
}

/**
 * What ends one request's statements early: `cancel()` once the request is over (answered, abandoned
 * or out of time); anything still running for it then stops. Cheap to make: one per request.
 */
export class Cancellation {
  private readonly waiting = new Set<() => void>();
  private over = false;

  get cancelled(): boolean {
    return this.over;
  }

  /** Calls `stop` if the request ends before the returned release is called. */
  onCancel(stop: () => void): () => void {
    if (this.over) {
      stop();
      return () => {};
    }
    this.waiting.add(stop);
    return () => this.waiting.delete(stop);
  }

  cancel(): void {
    if (this.over) return;
    this.over = true;
    for (const stop of this.waiting) stop();
    this.waiting.clear();
  }
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
 * Counts (for tests), times and counts by outcome in the metrics of `pool` every statement `run` sends,
 * each a span of the request's trace (its SQL text, never its parameters).
 */
function instrumentation(pool: string) {
  let statements = 0;
  return {
    run(args: readonly unknown[], send: () => unknown): unknown {
      statements++;
      const started = performance.now();
      const span = clientSpan("sql", { "db.system": "postgresql", "db.statement": statementText(args[0]) });
      const ended = (error?: unknown) => {
        metrics.sqlSeconds.observe({ pool }, (performance.now() - started) / 1000);
        metrics.sqlStatements.inc({ pool, outcome: error ? "error" : "ok" });
        span.end(error);
      };
      const result = send();
      if (result instanceof Promise) result.then(() => ended(), ended);
      else ended();
      return result;
    },
    count: () => statements,
  };
}

/** Wraps `client.query` so that every statement sent through it goes through `instrumentation`. */
function instrumentQueries<C extends { query: (...args: never[]) => unknown }>(client: C, pool: string) {
  const measured = instrumentation(pool);
  const query = client.query.bind(client) as C["query"];
  client.query = ((...args: never[]) => measured.run(args, () => query(...args))) as C["query"];
  return measured;
}

/**
 * Cancels the statement `pid` runs, from a connection of its own (the pool's may all be busy). Best
 * effort: the statement's own `statement_timeout` still bounds it when this fails.
 */
async function cancelBackend(url: string, pid: number, applicationName: string): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    application_name: `${applicationName}.cancel`,
    connectionTimeoutMillis: 2_000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT pg_cancel_backend($1)", [pid]);
  } catch {
    // the server is unreachable: so is the statement's answer, which its own timeout ends
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `use` on a connection taken from `pool`, as `pool.query` runs a statement: while taken, the
 * connection's `error` event (the server went away mid-statement) is heard, where it would otherwise
 * end the process; a connection whose work failed is closed rather than handed out again half-broken,
 * and so is one `close` asks to close.
 */
async function withConnection<T>(
  pool: pg.Pool,
  use: (client: pg.PoolClient) => Promise<T>,
  close: () => boolean = () => false,
): Promise<T> {
  const client = await pool.connect();
  let failed: Error | undefined;
  const lost = (error: Error) => {
    failed = error;
  };
  client.on("error", lost);
  try {
    return await use(client);
  } catch (error) {
    failed ??= error as Error;
    throw error;
  } finally {
    client.removeListener("error", lost);
    client.release(failed ?? close());
  }
}

/**
 * A view of `pool` for one request (`Database.cancelledBy`): each statement runs on a connection
 * taken for it, whose server process is cancelled when the request ends first; that connection is
 * then closed, so a late cancel cannot reach another request's statement.
 */
function cancellablePool(
  pool: pg.Pool,
  measured: ReturnType<typeof instrumentation>,
  url: string,
  applicationName: string,
  cancellation: Cancellation,
) {
  const run = (args: never[]) =>
    withConnection(
      pool,
      async (client) => {
        // `processID` is set once connected (the backend's pid), though @types/pg does not declare it.
        const { processID } = client as unknown as { processID: number };
        const release = cancellation.onCancel(() => void cancelBackend(url, processID, applicationName));
        try {
          return await (client.query as (...a: never[]) => Promise<unknown>)(...args);
        } finally {
          release();
        }
      },
      () => cancellation.cancelled,
    );
  return {
    query: (...args: never[]) => measured.run(args, () => run(args)),
    connect: () => pool.connect(),
  } as unknown as pg.Pool;
}

async function openPostgres(
  url: string,
  statementTimeoutMs: number,
  poolSize: number,
  applicationName: string,
): Promise<Database> {
  const general = postgresPool(url, statementTimeoutMs, poolSize, applicationName, "");
  const lookups = postgresPool(url, statementTimeoutMs, poolSize, `${applicationName}.lookups`, "force_generic_plan");
  const database: Database = {
    ...general,
    lookups,
    get statements() {
      return general.statements + lookups.statements;
    },
    cancelledBy: (cancellation) => ({
      ...general.cancelledBy(cancellation),
      lookups: lookups.cancelledBy(cancellation),
      get statements() {
        return database.statements;
      },
    }),
    close: async () => {
      await Promise.all([general.close(), lookups.close()]);
    },
  };
  return database;
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
  const measured = instrumentQueries(pool, applicationName);
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
      return measured.count();
    },
    cancelledBy(cancellation) {
      const view = cancellablePool(pool, measured, url, applicationName, cancellation);
      const cancellable: Database = {
        ...database,
        drizzle: drizzlePg(view),
        ...pgSession(view),
        get lookups() {
          return cancellable;
        },
        get statements() {
          return measured.count();
        },
      };
      return cancellable;
    },
    transaction: (fn) =>
      withConnection(pool, async (client) => {
        try {
          await client.query("BEGIN");
          const result = await fn(pgSession(client));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }),
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
    cancelledBy: () => database,
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
