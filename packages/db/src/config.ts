/** Where the database lives and how sessions behave: a Postgres server when `url` is set, else embedded PGlite. */
export interface DatabaseConfig {
  /** `postgres://` connection string; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; `memory://` (or absent) keeps the database in memory. */
  pgliteDir?: string;
  /**
   * Postgres `statement_timeout` for serving; 0 (or absent) turns it off, as bulk loads do. Lock and
   * idle-in-transaction timeouts and the client-side query timeout follow from it.
   */
  statementTimeoutMs?: number;
  /** Postgres connections of the pool (default 10). */
  poolSize?: number;
  /** Postgres `application_name` of every session (`c360-sales`, ...): who holds which session in `pg_stat_activity`. */
  applicationName?: string;
}

/** A connection string with its password removed, safe for logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
