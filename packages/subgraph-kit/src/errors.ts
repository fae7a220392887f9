import { isTransientDatabaseError } from "@c360/db-client";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";

/** A client mistake in an argument: `BAD_USER_INPUT`, naming the argument, never echoing data. */
export function badUserInput(argumentName: string, reason: string): GraphQLError {
  return new GraphQLError(`${argumentName}: ${reason}`, { extensions: { code: "BAD_USER_INPUT", argumentName } });
}

/** Codes whose messages are written for clients (they name arguments, coordinates or limits, never data). */
export const clientCodes: ReadonlySet<string> = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "DEPTH_LIMIT_EXCEEDED",
  "ALIAS_LIMIT_EXCEEDED",
  "ROOT_FIELD_LIMIT_EXCEEDED",
  "DIRECTIVE_LIMIT_EXCEEDED",
  "TOKEN_LIMIT_EXCEEDED",
  "QUERY_TOO_LONG",
  "REQUEST_TOO_LARGE",
  "COST_LIMIT_EXCEEDED",
  "ENTITY_LIMIT_EXCEEDED",
  "REQUEST_TIMEOUT",
  "SERVICE_UNAVAILABLE",
]);

/**
 * A dependency (a subgraph, seen from the gateway) that cannot answer right now: down, too slow, or
 * its circuit open. Its message is for the log; the client gets `SERVICE_UNAVAILABLE`.
 */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}

/** What a client reads for `SERVICE_UNAVAILABLE` when a dependency failed (a draining server says "shutting down"). */
export const UNAVAILABLE_MESSAGE = "Temporarily unavailable; retry shortly";

/** Whether `error`, or what caused it, says the same request may succeed when retried shortly. */
function isRetryable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof UnavailableError) return true;
  return isTransientDatabaseError(error);
}

/**
 * What the log keeps of an error: its message and its causes' (Drizzle wraps the driver's error),
 * without what they may carry of the data: quoted values, anything after "Key (", Drizzle's "params:".
 */
function describe(error: Error | undefined, fallback: string): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return (messages.length ? messages : [fallback])
    .map((m) => m.replace(/\nparams: [\s\S]*$/, "").replace(/"[^"]*"|'[^']*'|Key \(.*$/g, "…"))
    .join(" <- ");
}

/**
 * Apollo `formatError` for the gateway and every subgraph: client errors pass as written (in
 * production without "Did you mean" suggestions); anything else (a resolver bug, Drizzle, pg, a
 * subgraph fetch failing) reaches the client only as `Internal server error` with its code, while
 * the log keeps the detail with quoted values redacted. A database or subgraph that is down,
 * restarting, too slow or saturated is `SERVICE_UNAVAILABLE` instead: the same request may succeed
 * when retried shortly. No SQL, URL or host name leaves the process.
 */
export function formatError(production: boolean, log: (line: string) => void = console.error) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.exception;
    if (clientCodes.has(code)) {
      const message = production ? formatted.message.replace(/ Did you mean .*\?$/, "") : formatted.message;
      return { ...formatted, message, extensions };
    }
    const original = error instanceof Error ? ((error as { originalError?: Error }).originalError ?? error) : undefined;
    log(`error at ${formatted.path?.join(".") ?? "(request)"}: ${describe(original, formatted.message)}`);
    const unavailable = isRetryable(original);
    return {
      message: unavailable ? UNAVAILABLE_MESSAGE : "Internal server error",
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: unavailable ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR" },
    };
  };
}
