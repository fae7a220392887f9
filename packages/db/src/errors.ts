/**
 * SQLSTATEs that say the database could not serve now, not that the statement is wrong: connection
 * exceptions (class 08), the server shutting down or starting up (57P01-57P03), too many connections
 * (53300), a lock not granted within `lock_timeout` (55P03).
 */
const transientStates = /^(08...|57P0[123]|53300|55P03)$/;

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
