/** Where the database lives: a Postgres server when `url` is set, else embedded PGlite. */
export interface DatabaseConfig {
  /** `postgres://` connection string; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; `memory://` (or absent) keeps the database in memory. */
  pgliteDir?: string;
  /**
   * Postgres `statement_timeout` for serving (default 5000 ms, `C360_STATEMENT_TIMEOUT_MS`); 0 turns it
   * off, as bulk loads do. Lock and idle-in-transaction timeouts and the client-side query timeout
   * follow from it.
   */
  statementTimeoutMs?: number;
  /** Postgres `application_name` of every session (`c360-sales`, ...): who holds which session in `pg_stat_activity`. */
  applicationName?: string;
}

/** Reads `DATABASE_URL` and `C360_PGLITE_DIR` from the environment. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${url.split(":")[0]}:..."`);
  }
  const timeout = Number(env.C360_STATEMENT_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(timeout) || timeout < 0)
    throw new Error("C360_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds");
  return {
    url: url || undefined,
    pgliteDir: env.C360_PGLITE_DIR?.trim() || ".c360/pglite",
    statementTimeoutMs: timeout,
  };
}

/** A connection string with its password removed, safe for logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
