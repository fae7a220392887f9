import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { Duplex, Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { type ApolloServer, type ApolloServerPlugin, type BaseContext, HeaderMap } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { policyVersion } from "@c360/auth";
import { type Config, defaults } from "@c360/config";
import { Cancellation } from "@c360/db-client";
import { clientCodes, refusal } from "@c360/errors";
import {
  createLogger,
  inServerSpan,
  type Logger,
  metrics,
  metricsText,
  printable,
  REQUEST_ID_HEADER,
  requestIdOf,
} from "@c360/observability";
import type * as GraphQL from "graphql";
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  type OperationDefinitionNode,
} from "graphql";
import { type CorsOptions, corsPolicy, isPreflight } from "./cors";
import { DocumentCache, type Read } from "./documents";
import { describeError } from "./errors";
import { checkAnswerSize, checkVariables, limits as defaultLimits, type FieldTypeOf, type Limits } from "./limits";
import { SIGNATURE_HEADER, verifySignature } from "./signature";

// The build of graphql the schemas are made with (the CommonJS one @apollo/subgraph and shield load):
// validation and execution check the schema's class.
const {
  execute: executeDocument,
  GraphQLError: ExecutionError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
} = createRequire(import.meta.url)("graphql") as typeof GraphQL;

/** The port a server was given is taken by another process. */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`${host}:${port} is already in use`);
  }
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** How one request to `/graphql` ended, for the access trail: every request, refused ones included. */
export interface RequestEnd<C> {
  method: string;
  /** The HTTP status sent (0 when the connection was dropped before an answer). */
  status: number;
  /** The request's id (its log lines, the answer's `x-request-id`, every subgraph call it made). */
  requestId: string;
  /** The codes of every error answered: the HTTP layer's refusals and the executed answer's errors. */
  codes: string[];
  /** The schema coordinates the answer denied (its FORBIDDEN errors). */
  denied: string[];
  /**
   * The operation's name (from the document once it parsed, else as the client sent it) and the
   * document: untrusted, so whoever stores them bounds them.
   */
  operationName: unknown;
  query: unknown;
  /** The request's context, when the token was verified; plugins may have noted more on it. */
  context: C | undefined;
}

/** How a request ends before anything is known of it: its id (the client's when acceptable), no answer yet. */
export function requestEndOf<C>(req: IncomingMessage): RequestEnd<C> {
  return {
    method: req.method ?? "",
    requestId: requestIdOf(req.headers[REQUEST_ID_HEADER]),
    status: 0,
    codes: [],
    denied: [],
    operationName: null,
    query: undefined,
    context: undefined,
  };
}

/** A complete answer as the HTTP layer sends it. */
export interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
  /** The codes of the answer's errors, and the coordinates its FORBIDDEN errors name. */
  codes: string[];
  denied: string[];
}

/** The request as a cache sees it: what, besides the caller's identity, decides the answer. */
export interface CacheableRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

/**
 * A cache of answers in front of execution (the gateway's response cache). `lookup` gives a stored
 * answer, or awaits one being computed for the same key, or says to execute (`key` set, `answer`
 * absent); the HTTP layer then calls `settle` with the answer, or with undefined when it failed.
 */
export interface AnswerCache<C> {
  lookup(context: C, request: CacheableRequest): Promise<{ key?: string; answer?: Answer }>;
  settle(key: string, answer: Answer | undefined, context: C): void;
}

/**
 * Admission after the token check, given the operation's estimated cost and its document (the
 * gateway's per-subject budget, its trusted documents); returns the release, or throws a refusal.
 */
export type Admit<C> = (context: C, cost: number, query: string, document: DocumentNode | undefined) => () => void;

/** What the HTTP layer knows of a request when the context is built. */
export interface RequestMeta {
  /** The request's id (the client's `x-request-id` when acceptable, else made): logs, the answer, subgraph calls. */
  requestId: string;
  /** Fires once the request is over (answered, its client gone, its time budget passed): its statements stop. */
  cancellation: Cancellation;
}

/** Who a process is in its logs and metrics, and where its log lines go. */
export interface Telemetry {
  service: string;
  log: Logger;
  /**
   * The line per request (`serveHttp`'s only use): its fields are fixed where it is written (id,
   * method, operation, subject, status, outcome, duration, codes), so it is not censored like `log`.
   */
  requests: Logger;
}

/** A process's telemetry from its configuration: JSON lines, or pretty ones on a terminal in development. */
export function telemetryOf(service: string, config: Pick<Config, "logLevel" | "production">): Telemetry {
  const settings = { level: config.logLevel, pretty: !config.production && process.stdout.isTTY === true };
  return {
    service,
    log: createLogger(service, settings),
    requests: createLogger(service, { ...settings, redact: false }),
  };
}

/** Who may read `/metrics`: anyone, no one (it answers 404, as a path not served), or the holders of a bearer token. */
export type MetricsAccess = "open" | "closed" | { token: string };

/** How long a readiness check may take before the process answers not ready. */
export const READY_DEADLINE_MS = 2_000;

export interface HttpOptions<C> {
  port: number;
  /** The address to listen on (default 127.0.0.1); the URL given back is always loopback's. */
  host?: string;
  telemetry: Telemetry;
  /** Builds the request's context (verifies the token); a GraphQLError here is the response. */
  context(req: IncomingMessage, meta: RequestMeta): Promise<C>;
  /** The subject a context is for, for the request's log line. */
  subjectOf(context: C): string | null;
  /** Readiness: the dependencies answer (database, migrations, subgraphs). */
  ready(): Promise<boolean>;
  /** Field types of the served schema, for the static cost measured before anything else runs. */
  typeOf?: FieldTypeOf;
  limits?: Limits;
  /**
   * The recorded operations (the gateway's trusted documents): document text to name. Only their
   * names label the metrics; a request sending any other document counts as `other` or `anonymous`.
   */
  recordedOperations?: ReadonlyMap<string, string>;
  /** Who may read `/metrics` (default: no one). */
  metrics?: MetricsAccess;
  /** The most bytes the parsed documents kept for repeated requests are counted for (`DocumentCache`). */
  documentCacheBytes?: number;
  /** How long stop() lets in-flight requests finish. */
  drainMs?: number;
  /** The whole request's budget (default 10 s): past it the client gets 504 `REQUEST_TIMEOUT`. */
  requestTimeoutMs?: number;
  /** How long a client may take to send its body (default 10 s): past it, 408 `REQUEST_TIMEOUT`. */
  bodyTimeoutMs?: number;
  /**
   * When set, every request must carry the gateway's signature over its method, path, query string,
   * Authorization header and exact body, checked before anything is parsed.
   */
  signatureSecret?: Buffer;
  /** Called once per `/graphql` request, however it ended. */
  onEnd?(end: RequestEnd<C>): void;
  /** Called after the token check and before execution; a GraphQLError refuses the request. */
  admit?: Admit<C>;
  /** Answers kept for repeated requests, looked up after admission, for plain requests only (`plainRequest`). */
  cache?: AnswerCache<C>;
  /**
   * Browser pages of other origins that may call `/graphql` (the gateway's `C360_CORS_ORIGINS`).
   * Unset (the subgraphs, which only the gateway calls): no CORS header, and a preflight is an OPTIONS
   * request like any other (405).
   */
  cors?: CorsOptions;
  /** Serves paths other than the layer's own (the gateway's explorer); false for a path it does not serve. */
  pages?(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /**
   * Runs the plain requests without Apollo Server's pipeline (see `DirectExecution`); asked once, when
   * Apollo Server has started (a gateway's schema exists only then).
   */
  direct?(): DirectExecution<C>;
}

/**
 * What a server executes its plain requests with, without Apollo Server's pipeline: a POST of JSON
 * whose document validates (checked once per document, with the rules Apollo would add) and whose
 * variables coerce, from a client that accepts JSON. Apollo's request pipeline (a SHA-256 of every
 * document, content negotiation, CSRF parsing, a dozen plugin hooks) cost a subgraph as much as the
 * execution of a one-row answer: 175-212 against 82-88 us of CPU for a signed `{ __typename }`,
 * 375-426 against 237-243 us for `customer(id)`. Everything else (GET, a syntax or validation error,
 * variables that do not coerce, another Accept) goes through Apollo as before. The answer is what
 * Apollo would send: errors normalized and formatted the same way (`formatError`), the status an
 * error's `extensions.http` sets, the same body and content type.
 */
export interface DirectExecution<C> {
  /** The schema Apollo Server validates against. */
  schema: GraphQLSchema;
  /** As Apollo Server's `introspection`: false adds the rule that refuses `__schema` and `__type`. */
  introspection: boolean;
  /**
   * Executes a document that validated, as Apollo Server would: graphql-js over the schema for a
   * subgraph (`executeOver`), the gateway's executor for the gateway. A result without `data` (the
   * variables did not coerce: nothing ran) is left to Apollo Server to answer.
   */
  execute(request: DirectRequest<C>): Promise<ExecutionResult> | ExecutionResult;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** The answer's `extensions` for a request's context (the persons it carried personal data of). */
  extensions(context: C): Record<string, unknown> | undefined;
}

/** A plain request whose document validated, for `DirectExecution.execute`. */
export interface DirectRequest<C> {
  query: string;
  document: DocumentNode;
  /** The operation to run, and its name as the client sent it (null when it sent none). */
  operation: OperationDefinitionNode;
  operationName: string | null;
  variables: Record<string, unknown>;
  context: C;
}

/** `DirectExecution.execute` for a schema executed in this process (a subgraph's): graphql-js. */
export const executeOver =
  <C>(schema: GraphQLSchema) =>
  (request: DirectRequest<C>) =>
    executeDocument({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.variables,
      operationName: request.operationName,
    });

/** A JSON request body as Apollo Server accepts it, and an Accept header its answer satisfies as is. */
const jsonBody = /^application\/json\s*(;.*)?$/i;
const jsonAccepted = (accept: string | undefined) =>
  accept === undefined || accept === "*/*" || accept === "application/json";

/**
 * A request that passes Apollo Server's own checks as it is: a POST of JSON (a content type no
 * browser sends across origins without a preflight, so Apollo's CSRF prevention lets it through)
 * from a client that accepts JSON. Only such a request runs without Apollo's pipeline, and only such
 * a one is answered from a cache: a kept answer given to any other would skip the checks (CSRF
 * prevention, content negotiation) that Apollo applies to it when nothing is kept.
 */
const plainRequest = (req: IncomingMessage) =>
  req.method === "POST" && jsonBody.test(req.headers["content-type"] ?? "") && jsonAccepted(req.headers.accept);

/**
 * An error of a result as Apollo Server normalizes it before `formatError` (a gateway's result also
 * carries plain errors, a subgraph it could not reach: they become GraphQL errors with their message),
 * and the HTTP status its `extensions.http` sets.
 */
function normalized(raw: unknown): { formatted: GraphQLFormattedError; status?: number } {
  const error =
    raw instanceof ExecutionError
      ? raw
      : raw instanceof Error
        ? new ExecutionError(raw.message, { originalError: raw })
        : new ExecutionError(`Unexpected error value: ${String(raw)}`);
  const extensions: Record<string, unknown> = {
    ...error.extensions,
    code: error.extensions.code ?? "INTERNAL_SERVER_ERROR",
  };
  const http = extensions.http as { status?: unknown; headers?: unknown } | undefined;
  let status: number | undefined;
  if (
    http &&
    typeof http === "object" &&
    (http.status === undefined || typeof http.status === "number") &&
    (http.headers === undefined || http.headers instanceof Map)
  ) {
    status = http.status as number | undefined;
    delete extensions.http;
  }
  return { formatted: { ...error.toJSON(), extensions }, ...(status ? { status } : {}) };
}

/** The HTTP layer's settings from a process's configuration: limits and time budgets. */
export function httpSettings(
  config: Config,
): Pick<
  HttpOptions<never>,
  "host" | "metrics" | "limits" | "documentCacheBytes" | "drainMs" | "requestTimeoutMs" | "bodyTimeoutMs"
> {
  return {
    host: config.listenHost,
    // Metrics tell who calls what and how the process is doing: in production only a scraper given
    // the token reads them.
    metrics: config.metricsToken ? { token: config.metricsToken } : config.production ? "closed" : "open",
    limits: config.limits,
    documentCacheBytes: config.documentCache.maxBytes,
    drainMs: config.timeouts.drainMs,
    requestTimeoutMs: config.timeouts.requestMs,
    bodyTimeoutMs: config.timeouts.bodyMs,
  };
}

/** What request targets are read against: only their path and query string matter. */
const BASE = "http://127.0.0.1";

const statusOf = (error: GraphQLError) => (error.extensions.http as { status?: number } | undefined)?.status ?? 400;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
};

const internalError = {
  errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
};

const errorBody = (error: GraphQLError) => ({
  errors: [{ message: error.message, extensions: { code: error.extensions.code } }],
});

const refuse = (res: ServerResponse, error: GraphQLError) =>
  json(
    res,
    statusOf(error),
    errorBody(error),
    (error.extensions.http as { headers?: Record<string, string> } | undefined)?.headers,
  );

const notFound = () => refusal("NOT_FOUND", "not found");

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Why `/metrics` is refused to this request under `access`, or undefined when it may read them. */
function metricsRefusal(access: MetricsAccess, authorization: string | undefined): GraphQLError | undefined {
  if (access === "open") return undefined;
  if (access === "closed") return notFound();
  // Compared as digests, in constant time: the comparison tells nothing of how much of a guess was right.
  if (timingSafeEqual(digest(authorization ?? ""), digest(`Bearer ${access.token}`))) return undefined;
  return refusal("UNAUTHENTICATED", "a valid metrics bearer token is required", {
    headers: { "www-authenticate": 'Bearer realm="metrics"' },
  });
}

const decoders: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The body, decompressed, refused past `max` bytes (counted after decompression), past `timeoutMs`
 * (a body trickled in), or when it does not decode with the encoding it claims. A refusal stops
 * reading without destroying the connection: the answer goes out first, then the connection closes.
 */
function readBody(req: IncomingMessage, max: number, timeoutMs: number): Promise<string> {
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  const decoder = Object.hasOwn(decoders, encoding) ? decoders[encoding] : undefined;
  if (encoding !== "identity" && !decoder)
    return Promise.reject(
      refusal("UNSUPPORTED_MEDIA_TYPE", "unsupported content-encoding (identity, gzip, deflate or br)"),
    );
  const stream: Readable = decoder ? (req.pipe(decoder()) as unknown as Readable) : req;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error: GraphQLError | null) => {
      clearTimeout(timer);
      stream
        .removeAllListeners("data")
        .removeAllListeners("end")
        .on("error", () => {});
      req.unpipe();
      req.pause();
      if (error) return reject(error);
      try {
        resolve(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(refusal("BAD_REQUEST", "the body is not UTF-8"));
      }
    };
    const timer = setTimeout(
      () => settle(refusal("REQUEST_TIMEOUT", `the body did not arrive within ${timeoutMs} ms`, { status: 408 })),
      timeoutMs,
    );
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) settle(refusal("REQUEST_TOO_LARGE", `the request body exceeds ${max} bytes`));
      else chunks.push(chunk);
    });
    stream.once("end", () => settle(null));
    stream.once("error", () =>
      settle(refusal("BAD_REQUEST", `the body is not valid ${encoding === "identity" ? "content" : encoding}`)),
    );
  });
}

/** The GraphQL request a client sent, by POST body or GET query string, with its parts checked for type. */
interface GraphQLParams {
  query: unknown;
  variables: Record<string, unknown>;
  operationName: string | null;
  extensions: unknown;
  /** What Apollo receives as the body (POST) */
  body: unknown;
}

function paramsOf(method: string, url: URL, text: string | undefined): GraphQLParams {
  let body: unknown;
  let raw: { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
  if (method === "POST") {
    try {
      body = JSON.parse(text ?? "");
    } catch {
      throw refusal("BAD_REQUEST", "the body is not valid JSON");
    }
    if (Array.isArray(body)) throw refusal("BAD_REQUEST", "batched requests are not accepted");
    if (body === null || typeof body !== "object") throw refusal("BAD_REQUEST", "the body must be a JSON object");
    raw = body as typeof raw;
  } else {
    const fromJson = (name: string) => {
      const value = url.searchParams.get(name);
      if (value === null) return undefined;
      try {
        return JSON.parse(value);
      } catch {
        throw refusal("BAD_REQUEST", `the ${name} parameter is not valid JSON`);
      }
    };
    raw = {
      query: url.searchParams.get("query") ?? undefined,
      variables: fromJson("variables"),
      operationName: url.searchParams.get("operationName") ?? undefined,
      extensions: fromJson("extensions"),
    };
  }
  if (raw.extensions !== null && typeof raw.extensions === "object" && "persistedQuery" in raw.extensions)
    throw refusal(
      "PERSISTED_QUERY_NOT_SUPPORTED",
      "persisted queries are not accepted: send the document in query (limits apply to every document run)",
    );
  if (typeof raw.query !== "string") throw refusal("BAD_REQUEST", "query must be a string holding the document");
  const { variables, operationName } = raw;
  if (variables != null && (typeof variables !== "object" || Array.isArray(variables)))
    throw refusal("BAD_REQUEST", "variables must be an object");
  if (operationName != null && typeof operationName !== "string")
    throw refusal("BAD_REQUEST", "operationName must be a string");
  return {
    query: raw.query,
    variables: (variables ?? {}) as Record<string, unknown>,
    operationName: operationName ?? null,
    extensions: raw.extensions,
    body,
  };
}

/** The error codes of a refusal Apollo wrote itself (a CSRF block, a wrong content type): small bodies only. */
function codesOf(body: string): string[] {
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? [];
    return errors.map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
  } catch {
    return [];
  }
}

/**
 * Every limit, in order of cost: source, variables, then the parsed document and its operation (cost
 * and name returned), which must be a query.
 */
function checkRequest(
  params: GraphQLParams,
  l: Limits,
  typeOf: FieldTypeOf | undefined,
  documents: DocumentCache,
): { cost: number; operationName: string | null; read: Read | null; operation?: OperationDefinitionNode } {
  checkVariables(params.variables, l);
  const read = documents.read(params.query as string, l, typeOf);
  if (!read) return { cost: 0, operationName: params.operationName, read };
  const cost = read.check(params.variables);
  const operation = getOperationAST(read.document, params.operationName);
  if (!operation) {
    throw refusal(
      "OPERATION_RESOLUTION_FAILURE",
      params.operationName === null
        ? "the document holds several operations (or none): name the one to run in operationName"
        : "operationName names no operation of the document",
    );
  }
  // The graph has only queries (the gateway retries a fetch whose connection failed because they are
  // safe to repeat). A mutation or subscription has no root type to run on: graphql 16's validation
  // lets it through, and the gateway's query planner would throw.
  if (operation.operation !== "query")
    throw refusal(
      "GRAPHQL_VALIDATION_FAILED",
      `the graph answers queries only, and this operation is a ${operation.operation}`,
    );
  return { cost, operationName: operation.name?.value ?? null, read, operation };
}

/** Where Apollo's plugins leave what the HTTP layer reports of an executed request. */
const NOTES = Symbol("c360.answerNotes");
interface AnswerNotes {
  requestId: string;
  codes: string[];
  denied: string[];
}
type Noted = { [NOTES]?: AnswerNotes };

/** Logs every error that is not a client's (a resolver bug, the database, a subgraph), with the request's id and its cause chain redacted. */
function logServerErrors(log: Logger, requestId: string | undefined, errors: readonly GraphQLError[]): void {
  for (const error of errors) {
    if (clientCodes.has(String(error.extensions?.code))) continue;
    log.error(
      {
        requestId,
        path: error.path?.join(".") ?? null,
        err: describeError(error.originalError ?? error, error.message),
      },
      "error",
    );
  }
}

/** Notes the codes of the errors an answer carries (as formatted for the client) and the coordinates its FORBIDDEN errors name. */
function noteErrors(notes: AnswerNotes, errors: readonly GraphQLFormattedError[]): void {
  for (const error of errors) {
    const code = String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    notes.codes.push(code);
    if (code === "FORBIDDEN" && typeof error.extensions?.coordinate === "string")
      notes.denied.push(error.extensions.coordinate);
  }
}

/**
 * `logServerErrors` and `noteErrors` for the requests Apollo Server executes, on the request's notes:
 * Apollo hands plugins a shallow copy of the context, which still points at the same notes object.
 */
const answerNotesPlugin = (log: Logger): ApolloServerPlugin<BaseContext> => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        logServerErrors(log, (contextValue as Noted)[NOTES]?.requestId, errors);
      },
      async willSendResponse({ response, contextValue }) {
        const notes = (contextValue as Noted)[NOTES];
        if (notes && response.body.kind === "single") noteErrors(notes, response.body.singleResult.errors ?? []);
      },
    };
  },
});

const codeLabel = /^[A-Z][A-Z0-9_]{0,63}$/;
const coordinateLabel = /^[A-Za-z_][A-Za-z0-9_]{0,63}\.[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** How a request ended, for metrics: ok, denied (only FORBIDDEN errors), refused (a client's mistake) or error. */
function outcomeLabel(status: number, codes: readonly string[]): string {
  if (status === 0 || status >= 500) return "error";
  if (status >= 400) return "refused";
  if (!codes.length) return "ok";
  if (codes.every((c) => c === "FORBIDDEN")) return "denied";
  return codes.every((c) => clientCodes.has(c)) ? "refused" : "error";
}

/**
 * The one HTTP layer of the gateway and every subgraph, on loopback unless `host` says otherwise: `/graphql` (POST JSON or GET,
 * one operation per request: batching and persisted queries are off), `/healthz` (the process is
 * alive), `/readyz` (it can serve: 503 while its dependencies fail or once stop() began; with the
 * access policy version it enforces) and `/metrics`.
 *
 * A request passes, in this order, every step that can refuse it before anything costly runs: method,
 * body (size after decompression, time to arrive, encoding), the gateway's signature (when
 * configured), the shape of the request, every limit (length, tokens, variables, depth, aliases,
 * directives, cost, representations), the operation to run; only then the token check, admission
 * (`admit`) and execution within `requestTimeoutMs`. Each refusal is coded; `onEnd` sees every
 * request. With `cors`, a preflight is answered (or refused) before anything else, and every answer
 * of `/graphql` carries `Vary: Origin` and, to a listed origin, its CORS headers. stop() refuses new
 * requests, lets in-flight ones finish (up to `drainMs`), then stops Apollo.
 */
export async function serveHttp<C extends BaseContext>(
  apollo: ApolloServer<C>,
  options: HttpOptions<C>,
): Promise<RunningServer> {
  const l = options.limits ?? defaultLimits;
  const { service, log, requests } = options.telemetry;
  const documents = new DocumentCache(options.documentCacheBytes ?? defaults.documentCache.maxBytes);
  apollo.addPlugin(answerNotesPlugin(log));
  // A GET of /graphql from a browser gets a coded refusal, not Apollo's landing page (which loads
  // Sandbox from a CDN and reports usage): the gateway's explorer lives at `/`.
  apollo.addPlugin(ApolloServerPluginLandingPageDisabled());
  await apollo.start();
  const direct = options.direct?.();
  const cors = options.cors && corsPolicy(options.cors);
  let inFlight = 0;
  let draining = false;

  /** `work`, or a REQUEST_TIMEOUT refusal once the request's time budget has passed. */
  const withinBudget = <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(refusal("REQUEST_TIMEOUT", "the request took longer than its time budget")),
          options.requestTimeoutMs ?? 10_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  };

  /** Runs a plain request without Apollo (`HttpOptions.direct`); undefined for a request Apollo must run. */
  const executeDirectly = async (
    context: C,
    requestId: string,
    params: GraphQLParams,
    { read, operation }: { read: Read; operation: OperationDefinitionNode },
  ): Promise<Answer | undefined> => {
    if (!direct) return undefined;
    read.valid ??=
      validate(
        direct.schema,
        read.document,
        direct.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule],
      ).length === 0;
    if (!read.valid) return undefined;
    const result: ExecutionResult = await withinBudget(
      Promise.resolve(
        direct.execute({
          query: params.query as string,
          document: read.document,
          operation,
          operationName: params.operationName,
          variables: params.variables,
          context,
        }),
      ),
    );
    // Variables that do not coerce: nothing ran, and Apollo answers them (400 BAD_USER_INPUT).
    if (!("data" in result)) return undefined;
    const notes: AnswerNotes = { requestId, codes: [], denied: [] };
    let status = 200;
    let errors: GraphQLFormattedError[] | undefined;
    if (result.errors?.length) {
      logServerErrors(log, requestId, result.errors);
      errors = result.errors.map((error) => {
        const { formatted, status: set } = normalized(error);
        if (set) status = set;
        return direct.formatError(formatted, error);
      });
      noteErrors(notes, errors);
    }
    const body = `${JSON.stringify({ errors, data: result.data, extensions: direct.extensions(context) })}\n`;
    checkAnswerSize(body, l);
    return {
      status,
      headers: [["content-type", "application/json; charset=utf-8"]],
      body,
      codes: notes.codes,
      denied: notes.denied,
    };
  };

  /** Runs the request through Apollo within the request's time budget; the answer, complete. */
  const execute = async (
    context: C,
    requestId: string,
    method: string,
    headers: HeaderMap,
    url: URL,
    body: unknown,
  ): Promise<Answer> => {
    const notes: AnswerNotes = { requestId, codes: [], denied: [] };
    const result = await withinBudget(
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body },
        context: async () => ({ ...context, [NOTES]: notes }),
      }),
    );
    let text = "";
    if (result.body.kind === "complete") text = result.body.string;
    else for await (const chunk of result.body.asyncIterator) text += chunk;
    checkAnswerSize(text, l);
    const status = result.status ?? 200;
    // Refusals Apollo wrote itself (a CSRF block, a wrong content type) reach no plugin.
    const codes = status >= 400 && !notes.codes.length ? codesOf(text) : notes.codes;
    return { status, headers: [...result.headers], body: text, codes, denied: notes.denied };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL, end: RequestEnd<C>) => {
    if (draining) throw refusal("SERVICE_UNAVAILABLE", "shutting down");
    if (cors && isPreflight(req)) return cors.preflight(req, res);
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "POST")
      throw refusal("METHOD_NOT_ALLOWED", `${method} is not accepted; use POST (or GET for queries)`, {
        headers: { allow: "GET, POST" },
      });
    const text = method === "POST" ? await readBody(req, l.bodyBytes, options.bodyTimeoutMs ?? 10_000) : "";
    if (
      options.signatureSecret &&
      !verifySignature(options.signatureSecret, req.headers[SIGNATURE_HEADER] as string | undefined, {
        method,
        target: `${url.pathname}${url.search}`,
        authorization: req.headers.authorization ?? "",
        body: text,
      })
    ) {
      throw refusal("UNAUTHENTICATED", "a valid gateway signature is required");
    }
    const params = paramsOf(method, url, text);
    end.query = params.query;
    end.operationName = params.operationName;
    const { cost, operationName, read, operation } = checkRequest(params, l, options.typeOf, documents);
    end.operationName = operationName;
    const cancellation = new Cancellation();
    res.once("close", () => cancellation.cancel());
    const context = await options.context(req, { requestId: end.requestId, cancellation });
    end.context = context;
    const release = options.admit?.(context, cost, params.query as string, read?.document);
    // Only now, its token verified and every limit and admission passed, may the document be kept.
    if (read) documents.keep(params.query as string, read);
    try {
      const plain = plainRequest(req) && read && operation ? { read, operation } : undefined;
      const cacheable = { query: params.query as string, variables: params.variables, operationName };
      const cached = plain && options.cache ? await options.cache.lookup(context, cacheable) : {};
      let answer = cached.answer;
      try {
        if (plain) answer ??= await executeDirectly(context, end.requestId, params, plain);
        if (!answer) {
          const headers = new HeaderMap();
          for (const [name, value] of Object.entries(req.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          answer = await execute(context, end.requestId, method, headers, url, params.body);
        }
      } finally {
        if (cached.key && !cached.answer) options.cache?.settle(cached.key, answer, context);
      }
      res.statusCode = answer.status;
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      end.codes.push(...answer.codes);
      end.denied.push(...answer.denied);
      res.end(answer.body);
    } finally {
      release?.();
    }
  };

  const recorded = options.recordedOperations ?? new Map<string, string>();
  /**
   * The `operation` label of a request: the name of the recorded operation whose exact text a verified
   * caller sent; else `unverified` (no valid token), `anonymous` (no operation name) or `other`.
   * Names a client chooses never become labels: they could grow the metrics without bound, or take
   * the places of the real operations.
   */
  const operationLabel = (end: RequestEnd<C>) => {
    if (!end.context) return "unverified";
    const name = typeof end.query === "string" ? recorded.get(end.query) : undefined;
    if (name) return name;
    return typeof end.operationName === "string" ? "other" : "anonymous";
  };

  /**
   * How a request ended, once: its event (`onEnd`), its metrics and its log line (id, subject,
   * operation, status, duration, codes; never a token, a variable or a value of the answer).
   */
  const ended = (end: RequestEnd<C>, started: number) => {
    options.onEnd?.(end);
    const seconds = (performance.now() - started) / 1000;
    const codes = [...new Set(end.codes)];
    const operation = operationLabel(end);
    const outcome = outcomeLabel(end.status, codes);
    metrics.requests.inc({ service, operation, outcome, status: String(end.status) });
    metrics.requestSeconds.observe({ service, operation, outcome }, seconds);
    for (const code of codes) metrics.errors.inc({ service, code: codeLabel.test(code) ? code : "OTHER" });
    for (const coordinate of end.denied)
      if (coordinateLabel.test(coordinate)) metrics.denials.inc({ service, coordinate });
    const subject = end.context ? options.subjectOf(end.context) : null;
    requests[outcome === "error" ? "warn" : "info"]({
      requestId: end.requestId,
      method: end.method,
      operation: typeof end.operationName === "string" ? printable(end.operationName, 128) : null,
      subject: subject === null ? null : printable(subject, 128),
      status: end.status,
      outcome,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(codes.length ? { codes } : {}),
    });
  };

  /** A request refused before it reached a path's handler: its event, metrics and log line. */
  const refusedEarly = (method: string, status: number, code: string) =>
    ended(
      {
        method,
        requestId: requestIdOf(undefined),
        status,
        codes: [code],
        denied: [],
        operationName: null,
        query: undefined,
        context: undefined,
      },
      performance.now(),
    );

  // One readiness check at a time, shared by the probes that arrive while it runs: a flood of probes
  // costs one fan-out (the gateway's asks every subgraph, each of which asks its database), not one each.
  // A check that does not settle within READY_DEADLINE_MS is not ready, and the next probe starts anew.
  let checking: Promise<boolean> | null = null;
  const readiness = () => {
    if (checking) return checking;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), READY_DEADLINE_MS);
    });
    checking = Promise.race([options.ready().catch(() => false), deadline]).finally(() => {
      clearTimeout(timer);
      checking = null;
    });
    return checking;
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    // Node's parser lets through request targets that are no URL (`//[`): a coded 400, not a crash.
    const target = req.url ?? "/";
    if (!URL.canParse(target, BASE)) {
      refusedEarly(req.method ?? "", 400, "BAD_REQUEST");
      return json(res, 400, errorBody(refusal("BAD_REQUEST", "the request target is not a valid path")));
    }
    const url = new URL(target, BASE);
    if (url.pathname === "/healthz") return json(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      const ready = !draining && (await readiness());
      return json(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", policyVersion });
    }
    if (url.pathname === "/metrics") {
      const refused = metricsRefusal(options.metrics ?? "closed", req.headers.authorization);
      if (refused) return refuse(res, refused);
      const { contentType, body } = await metricsText();
      res.writeHead(200, { "content-type": contentType }).end(body);
      return;
    }
    if (url.pathname !== "/graphql") {
      const served = await options.pages?.(req, res, url).catch((error: unknown) => {
        log.error({ path: printable(url.pathname, 128), err: describeError(error) }, "page failed");
        if (!res.headersSent) json(res, 500, internalError);
        return true;
      });
      if (!served) refuse(res, notFound());
      return;
    }
    inFlight++;
    const started = performance.now();
    const end = requestEndOf<C>(req);
    res.setHeader(REQUEST_ID_HEADER, end.requestId);
    cors?.annotate(req, res);
    await inServerSpan(`${service} ${end.method} /graphql`, req.headers, async (span) => {
      span.setAttribute("c360.request_id", end.requestId);
      try {
        await handle(req, res, url, end);
      } catch (error) {
        if (res.headersSent) res.end();
        else if (error instanceof GraphQLError) {
          const status = statusOf(error);
          end.codes.push(String(error.extensions.code));
          const headers = (error.extensions.http as { headers?: Record<string, string> } | undefined)?.headers ?? {};
          if (status === 413 || status === 408) {
            // The rest of the body is not read: answer, then drop the connection.
            res.on("finish", () => req.destroy());
            headers.connection = "close";
          }
          json(res, status, errorBody(error), headers);
        } else {
          log.error({ requestId: end.requestId, err: describeError(error) }, "request failed");
          end.codes.push("INTERNAL_SERVER_ERROR");
          json(res, 500, internalError);
        }
      } finally {
        inFlight--;
        end.status = res.headersSent ? res.statusCode : 0;
        span.setAttribute("http.response.status_code", end.status);
        ended(end, started);
      }
    });
  };

  const server = createServer(
    { requestTimeout: 15_000, headersTimeout: 10_000, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      // Nothing a request does may end the process: a failure outside the handlers' own (a page, a
      // metrics scrape) is logged and answered 500.
      serve(req, res).catch((error: unknown) => {
        log.error({ err: describeError(error) }, "request failed");
        if (res.headersSent) res.destroy();
        else json(res, 500, internalError);
      });
    },
  );
  // Requests Node refuses before the handler runs (a header block too large, a malformed request
  // line, a request that did not arrive in time) are answered here, and recorded like the others.
  const answered = new WeakSet<Duplex>();
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // One answer (and one trail event) per connection: the rest of what the client sends is dropped.
    if (answered.has(socket)) return void socket.destroy();
    answered.add(socket);
    const [status, code, reason] =
      error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "REQUEST_HEADER_TOO_LARGE", "Request Header Fields Too Large"]
        : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, "REQUEST_TIMEOUT", "Request Timeout"]
          : [400, "BAD_REQUEST", "Bad Request"];
    if (error.code !== "ECONNRESET") refusedEarly("", status, code);
    if (!socket.writable) return void socket.destroy();
    const body = JSON.stringify({ errors: [{ message: reason, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      () => socket.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(options.host ?? "127.0.0.1", options.port) : error),
    );
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop() {
      stopping ??= (async () => {
        // New requests get 503 at once while the in-flight ones finish; only then are connections
        // closed (server.close() would drop keep-alive connections whose request is not read yet).
        draining = true;
        const deadline = Date.now() + (options.drainMs ?? 10_000);
        while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeAllConnections();
        await closed;
        await apollo.stop();
      })();
      return stopping;
    },
  };
}
