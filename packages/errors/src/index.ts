import { GraphQLError } from "graphql";

/**
 * Every `extensions.code` the product answers with, declared once: the HTTP status when the error
 * refuses a whole request, and whether clients read its message (client errors name an argument, a
 * coordinate or a limit, never data; every other message stays in the log).
 */
export const errorCodes = {
  BAD_REQUEST: { status: 400, client: true },
  BAD_USER_INPUT: { status: 400, client: true },
  GRAPHQL_PARSE_FAILED: { status: 400, client: true },
  GRAPHQL_VALIDATION_FAILED: { status: 400, client: true },
  OPERATION_RESOLUTION_FAILURE: { status: 400, client: true },
  PERSISTED_QUERY_NOT_FOUND: { status: 400, client: true },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 400, client: true },
  DEPTH_LIMIT_EXCEEDED: { status: 400, client: true },
  ALIAS_LIMIT_EXCEEDED: { status: 400, client: true },
  ROOT_FIELD_LIMIT_EXCEEDED: { status: 400, client: true },
  DIRECTIVE_LIMIT_EXCEEDED: { status: 400, client: true },
  TOKEN_LIMIT_EXCEEDED: { status: 400, client: true },
  QUERY_TOO_LONG: { status: 400, client: true },
  COST_LIMIT_EXCEEDED: { status: 400, client: true },
  ENTITY_LIMIT_EXCEEDED: { status: 400, client: true },
  RESPONSE_TOO_LARGE: { status: 400, client: true },
  UNAUTHENTICATED: { status: 401, client: true },
  FORBIDDEN: { status: 403, client: true },
  PURPOSE_REQUIRED: { status: 403, client: true },
  NOT_FOUND: { status: 404, client: true },
  METHOD_NOT_ALLOWED: { status: 405, client: true },
  REQUEST_TIMEOUT: { status: 504, client: true },
  REQUEST_TOO_LARGE: { status: 413, client: true },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, client: true },
  RATE_LIMITED: { status: 429, client: true },
  REQUEST_HEADER_TOO_LARGE: { status: 431, client: true },
  INTERNAL_SERVER_ERROR: { status: 500, client: false },
  SERVICE_UNAVAILABLE: { status: 503, client: true },
} as const satisfies Record<string, { status: number; client: boolean }>;

export type ErrorCode = keyof typeof errorCodes;

/** Codes whose messages are written for clients. */
export const clientCodes: ReadonlySet<string> = new Set(
  Object.entries(errorCodes).flatMap(([code, c]) => (c.client ? [code] : [])),
);

/** What a client reads for `SERVICE_UNAVAILABLE` when a dependency failed (a draining server says "shutting down"). */
export const UNAVAILABLE_MESSAGE = "Temporarily unavailable; retry shortly";

/**
 * The extensions of an error that refuses the whole request: its code and HTTP status (from the
 * table unless `status` overrides it), plus response headers. Plain data, so a module that builds its
 * errors with another graphql build (graphql-shield's) uses it too.
 */
export const refusalExtensions = (
  code: ErrorCode,
  options: { status?: number; headers?: Record<string, string> } = {},
) => ({
  code,
  http: { status: options.status ?? errorCodes[code].status, ...(options.headers ? { headers: options.headers } : {}) },
});

/** An error that refuses the whole request with its code's status (the HTTP layer answers it as such). */
export function refusal(
  code: ErrorCode,
  message: string,
  options: { status?: number; headers?: Record<string, string> } = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: refusalExtensions(code, options) });
}

/** An error at one field of a response that otherwise arrives (HTTP 200): the code only. */
export function fieldError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}
