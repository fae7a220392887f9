import { isTransientDatabaseError } from "@c360/db-client";
import { clientCodes, fieldError, UNAVAILABLE_MESSAGE } from "@c360/errors";
import type { GraphQLError, GraphQLFormattedError } from "graphql";

/** A client mistake in an argument: `BAD_USER_INPUT`, naming the argument, never echoing data. */
export function badUserInput(argumentName: string, reason: string): GraphQLError {
  return fieldError("BAD_USER_INPUT", `${argumentName}: ${reason}`, { argumentName });
}

/**
 * A dependency (a subgraph, seen from the gateway) that cannot answer right now: down, too slow, or
 * its circuit open. Its message is for the log; the client gets `SERVICE_UNAVAILABLE`.
 */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}

/** Whether `error`, or what caused it, says the same request may succeed when retried shortly. */
function isRetryable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof UnavailableError) return true;
  return isTransientDatabaseError(error);
}

/**
 * What the log keeps of an error: its message and its causes' (Drizzle wraps the driver's error),
 * without what they may carry of the data: quoted values, anything after "Key (", Drizzle's "params:".
 */
export function describeError(error: unknown, fallback = "unknown error"): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return (messages.length ? messages : [fallback])
    .map((m) => m.replace(/\nparams: [\s\S]*$/, "").replace(/"[^"]*"|'[^']*'|Key \(.*$/g, "…"))
    .join(" <- ");
}

/**
 * A literal a scalar refuses (a Decimal `"1e5"` written in the document) is the same client mistake
 * as the variable it refuses, and keeps the scalar's BAD_USER_INPUT: validation reports it with the
 * scalar's error as its original, which Apollo would recode GRAPHQL_VALIDATION_FAILED.
 */
function scalarRefusal(code: string, error: unknown): string {
  const original = (error as { originalError?: { extensions?: { code?: unknown } } } | null)?.originalError;
  return code === "GRAPHQL_VALIDATION_FAILED" && original?.extensions?.code === "BAD_USER_INPUT"
    ? "BAD_USER_INPUT"
    : code;
}

/**
 * Apollo `formatError` for the gateway and every subgraph: client errors pass as written (in
 * production without "Did you mean" suggestions); anything else (a resolver bug, Drizzle, pg, a
 * subgraph fetch failing) reaches the client only as `Internal server error` with its code (the
 * HTTP layer logs the detail, with the request's id and quoted values redacted). A database or
 * subgraph that is down, restarting, too slow or saturated is `SERVICE_UNAVAILABLE` instead: the
 * same request may succeed when retried shortly. No SQL, URL or host name leaves the process.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = scalarRefusal(String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR"), error);
    const extensions: Record<string, unknown> = { ...formatted.extensions, code };
    delete extensions.stacktrace;
    delete extensions.exception;
    if (clientCodes.has(code)) {
      const message = production ? formatted.message.replace(/ Did you mean .*\?$/, "") : formatted.message;
      return { ...formatted, message, extensions };
    }
    const original = error instanceof Error ? ((error as { originalError?: Error }).originalError ?? error) : undefined;
    const unavailable = isRetryable(original);
    return {
      message: unavailable ? UNAVAILABLE_MESSAGE : "Internal server error",
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: unavailable ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR" },
    };
  };
}
