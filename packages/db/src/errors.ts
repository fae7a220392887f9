/**
 * SQLSTATEs that say the database could not serve now, not that the statement is wrong: connection
 * exceptions (class 08), the server shutting down or starting up (57P01-57P03), too many connections
 * (53300), a lock not granted within `lock_timeout` (55P03), a statement that ran past
 * `statement_timeout` (57014: the database was too busy, or the request asks more than it answers in
 * time; either way not a resolver's bug, and the log says which statement).
 */
const transientStates = /^(08...|57P0[123]|53300|55P03|57014)$/;

/** Socket errors of a server that is down or went away. */
const transientSockets = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

/**
 * Whether `error` means the database is unavailable or saturated right now (down, restarting, pool
 * exhausted, lock queue), so that the same request may succeed when retried shortly. Follows
 * `cause`: Drizzle wraps the driver's error in its own.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (transientStates.test(code) || transientSockets.has(code))) return true;
    // node-postgres reports these without a code.
    if (/^(timeout exceeded when trying to connect|Connection terminated)/.test(e.message)) return true;
  }
  return false;
}

type DriverError = Error & { code?: unknown; address?: string; port?: number; hostname?: string; errors?: unknown[] };

/** Where a socket error says it tried to connect (Node reports several addresses as an AggregateError). */
function endpointOf(e: DriverError): string {
  const first = (e.errors?.[0] ?? e) as DriverError;
  if (!first.address) return "the database server";
  return first.port ? `${first.address}:${first.port}` : first.address;
}

/**
 * One line naming why the database could not be used and what to do about it, for a person at a
 * terminal (`cannot connect to 127.0.0.1:5999: connection refused — is Postgres running? check
 * DATABASE_URL`); undefined when `error` is not a connection, authentication or catalog error of the
 * database. Follows `cause`: Drizzle wraps the driver's error in a `Failed query` of its own.
 */
export function explainDatabaseError(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const d = e as DriverError;
    switch (d.code) {
      case "ECONNREFUSED":
        return `cannot connect to ${endpointOf(d)}: connection refused — is Postgres running? check DATABASE_URL`;
      case "ETIMEDOUT":
        return `cannot connect to ${endpointOf(d)}: timed out — is the host reachable? check DATABASE_URL`;
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return `cannot resolve the database host ${d.hostname ?? ""} — check the host in DATABASE_URL`;
      case "3D000":
        return `${d.message} — create it (createdb <name>) or fix the database name in DATABASE_URL`;
      case "28P01":
      case "28000":
        return `${d.message} — check the user and password in DATABASE_URL`;
      case "42501":
        return `${d.message} — the DATABASE_URL user lacks a privilege this needs (it must own the c360 schemas)`;
      case "57P03":
        return "the database server is starting up — try again in a few seconds";
      case "53300":
        return "the database server refuses more connections — raise max_connections or lower C360_DB_POOL_SIZE";
    }
    if (/^timeout exceeded when trying to connect/.test(d.message))
      return "cannot connect to the database server: timed out — is it running and reachable? check DATABASE_URL";
  }
  return undefined;
}
