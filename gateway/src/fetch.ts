import { EventEmitter } from "node:events";
import { type IncomingHttpHeaders, STATUS_CODES } from "node:http";
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { personsLimitOf, rowLimitOf } from "@c360/auth";
import type { Config } from "@c360/config";
import { clientCodes, type ErrorCode, fieldError, UNAVAILABLE_MESSAGE } from "@c360/errors";
import { beforeScrape, clientSpan, metrics, REQUEST_ID_HEADER } from "@c360/observability";
import {
  PERSONS_EXTENSION,
  ROWS_EXTENSION,
  rowLimitExceeded,
  SIGNATURE_HEADER,
  sign,
  subgraphSecret,
  UnavailableError,
} from "@c360/subgraph-kit";
import { GraphQLError } from "graphql";
import { Agent, type Dispatcher, errors } from "undici";
import { type GatewayContext, notePersons } from "./audit";
import type { CircuitBreaker } from "./breaker";
import type { EntityCache } from "./entity-cache";

/** A subgraph's answer as the gateway reads it. */
interface SubgraphResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A request's time budget ran out (not retried: the subgraph may still be working on it). */
class SubgraphTimeout extends Error {
  override name = "TimeoutError";
}

/** An answer past the response size limit: the client asked too much (not retried, not the subgraph's failure). */
const answerTooLarge = (maxBytes: number) =>
  fieldError(
    "RESPONSE_TOO_LARGE",
    `a subgraph's answer exceeds ${maxBytes} bytes: ask for fewer rows, fields or aliases`,
  );

/**
 * The answer's text, read no further than `maxBytes`: refused at once when its declared length passes
 * them, else counted as it arrives (an answer without a length, chunked).
 */
async function textWithin(response: Dispatcher.ResponseData, maxBytes: number): Promise<string> {
  const declared = response.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) <= maxBytes) return response.body.text();
    response.body.destroy();
    throw answerTooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.body.destroy();
      throw answerTooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * POSTs to the subgraphs over undici's keep-alive connection pools. fetch() costs web streams, a
 * Request, Headers and an AbortSignal per call (a quarter of the gateway's CPU under load, when it
 * was used); node:http's client costs about twice undici's per exchange (49 vs 25 us of CPU for a
 * 2 KB answer at 20 in flight, measured on this machine). The pool is asked directly with the origin
 * and path parsed once per subgraph: undici's top-level `request(url)` parses the URL on every call,
 * 47 against 33 us of the client's CPU per exchange of a 1.5 KB answer at 16 in flight. The whole
 * exchange has `timeoutMs`: past it the request is aborted through an emitter (an AbortController per
 * call costs more), which closes its connection, so the subgraph stops the work. An answer is read up
 * to `maxBytes`, no further.
 */
export function createSubgraphClient() {
  // Idle connections are kept as long as the subgraph's `Keep-Alive: timeout` allows, less a second
  // (undici's default): reusing one the subgraph is closing would fail the fetch's first attempt.
  const agent = new Agent({ connections: 256 });
  return {
    async post(
      at: { origin: string; path: string },
      headers: Record<string, string>,
      body: string,
      timeoutMs: number,
      maxBytes: number,
    ): Promise<SubgraphResponse> {
      const signal = new EventEmitter();
      const timer = setTimeout(() => signal.emit("abort"), timeoutMs);
      try {
        const response = await agent.request({ ...at, method: "POST", headers, body, signal });
        return {
          status: response.statusCode,
          statusText: STATUS_CODES[response.statusCode] ?? "",
          headers: response.headers,
          text: await textWithin(response, maxBytes),
        };
      } catch (error) {
        if (error instanceof errors.RequestAbortedError) throw new SubgraphTimeout(`no answer within ${timeoutMs} ms`);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => agent.destroy(),
  };
}

export type SubgraphClient = ReturnType<typeof createSubgraphClient>;

/**
 * One subgraph as the gateway's query plan reaches it (@apollo/gateway's data source interface,
 * written for what c360 sends: its RemoteGraphQLDataSource builds node-fetch Headers and a Request
 * per fetch that nothing reads). Each fetch carries the request's token and id and nothing else of
 * the client's; it is signed (when a secret is set), has its time budget (3 s by default: a subgraph
 * that does not answer fails its part of the response, not the whole request), goes through the
 * subgraph's circuit breaker (open: fail fast without a request), and is retried once when the
 * connection itself failed (the graph has only queries, which are safe to repeat); a timeout is not
 * retried. A subgraph that cannot be reached, times out or has its circuit open is an
 * `UnavailableError`. Each fetch is a span of the request's trace (its `traceparent` goes along) and
 * a sample of the fetch-latency metric. The personal data an answer carried is noted for the
 * request's access event. Reference entities come from `entities` when it keeps them.
 */
export function subgraphSource(
  name: string,
  url: string,
  breaker: CircuitBreaker,
  config: Config,
  client: SubgraphClient,
  entities?: EntityCache,
): GraphQLDataSource {
  beforeScrape(() => metrics.breakerOpen.set({ subgraph: name }, breaker.state === "closed" ? 0 : 1));
  const secret = subgraphSecret(config.subgraphSecret, name);
  const { origin, pathname, search } = new URL(url);
  const target = `${pathname}${search}`;
  const at = { origin, path: target };
  const timeoutMs = config.timeouts.subgraphMs;
  const maxBytes = config.limits.responseBytes;

  async function post(context: GatewayContext, body: string): Promise<SubgraphResponse> {
    const started = performance.now();
    const done = (outcome: string) =>
      metrics.subgraphSeconds.observe({ subgraph: name, outcome }, (performance.now() - started) / 1000);
    if (!breaker.allow()) {
      done("circuit_open");
      throw new UnavailableError(`subgraph ${name}: circuit open`);
    }
    const headers: Record<string, string> = {
      "content-type": "application/json",
      authorization: context.authorization,
      [REQUEST_ID_HEADER]: context.requestId,
    };
    const span = clientSpan(`subgraph ${name}`, { "c360.subgraph": name }, headers);
    if (secret)
      headers[SIGNATURE_HEADER] = sign(secret, {
        method: "POST",
        target,
        authorization: context.authorization,
        body,
      });
    const attempt = () => client.post(at, headers, body, timeoutMs, maxBytes);
    try {
      let response: SubgraphResponse;
      try {
        response = await attempt();
      } catch (error) {
        if (error instanceof SubgraphTimeout || error instanceof GraphQLError) throw error;
        response = await attempt();
      }
      if (response.status >= 500) breaker.failure();
      else breaker.success();
      done(response.status >= 500 ? "error" : "ok");
      span.end(response.status >= 500 ? `HTTP ${response.status}` : undefined);
      return response;
    } catch (error) {
      span.end(error);
      // The client's own mistake: the subgraph answered, and the client hears why.
      if (error instanceof GraphQLError) {
        breaker.success();
        done("refused");
        throw error;
      }
      if (error instanceof SubgraphTimeout) breaker.timedOut(context.viewer.subject);
      else breaker.failure();
      done(error instanceof SubgraphTimeout ? "timeout" : "unreachable");
      throw new UnavailableError(`subgraph ${name}: ${(error as Error).message}`, { cause: error });
    }
  }

  async function fetchBody(
    context: GatewayContext,
    query: string | undefined,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): Promise<unknown> {
    const response = await post(context, JSON.stringify({ query, variables, operationName }));
    const body = bodyOf(response);
    if (response.status < 200 || response.status >= 300) throw errorOf(url, response, body);
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw new Error(`subgraph ${name}: expected a JSON object, got: ${String(body).slice(0, 200)}`);
    const extensions = (body as { extensions?: Record<string, unknown> }).extensions;
    notePersonsWithin(context, extensions?.[PERSONS_EXTENSION]);
    noteRowsWithin(context, extensions?.[ROWS_EXTENSION]);
    return body;
  }

  return {
    async process(options: GraphQLDataSourceProcessOptions) {
      const { query, variables, operationName } = options.request;
      const context = options.context as GatewayContext;
      const ask = (vars: Record<string, unknown> | undefined) => fetchBody(context, query, vars, operationName);
      const body =
        entities && query ? await entities.resolve(name, context, { query, variables }, ask) : await ask(variables);
      return body as Awaited<ReturnType<GraphQLDataSource["process"]>>;
    },
  };
}

/**
 * Adds the persons an answer carried personal data of to the request's, within the viewer's limit
 * (`personsLimitOf`): each subgraph answer keeps to it, and this keeps the whole request to it however
 * many fetches reach the customer subgraph. An answer that would pass it is refused (FORBIDDEN), and
 * its persons are not noted, since they reach no one.
 */
function notePersonsWithin(context: GatewayContext, report: unknown): void {
  const seen = { ...context.access };
  notePersons(seen, report);
  const limit = personsLimitOf(context.viewer.roles);
  if (limit !== null && (seen.customerIds.length > limit || seen.customerIdsTruncated))
    throw fieldError(
      "FORBIDDEN",
      `Forbidden: your role reads personal data of at most ${limit} customers per request, and this part of the answer would carry more (look one up by id)`,
      { limit },
    );
  context.access.customerIds = seen.customerIds;
  context.access.customerIdsTruncated = seen.customerIdsTruncated;
}

/** The rows each request's limited lists took so far, per coordinate, across its fetches. */
const rowsTaken = new WeakMap<GatewayContext, ReadonlyMap<string, number>>();

/**
 * Adds the rows an answer's limited lists took (`RowsListed`, reported per coordinate) to the
 * request's: each subgraph answer keeps to the viewer's row limits, and this keeps the whole request
 * to them however many fetches it takes. An answer that would pass one is refused (BAD_USER_INPUT
 * naming the limit), and its rows are not counted, since they reach no one.
 */
function noteRowsWithin(context: GatewayContext, report: unknown): void {
  if (typeof report !== "object" || report === null) return;
  const taken = new Map(rowsTaken.get(context));
  for (const [coordinate, rows] of Object.entries(report)) {
    const limit = rowLimitOf(context.viewer.roles, coordinate);
    if (limit === null || typeof rows !== "number") continue;
    const asked = (taken.get(coordinate) ?? 0) + rows;
    if (asked > limit) throw rowLimitExceeded(coordinate, "rows", limit, asked);
    taken.set(coordinate, asked);
  }
  rowsTaken.set(context, taken);
}

/** The answer's body: JSON when its (first) content type says so and it parses, else its text. */
function bodyOf(response: SubgraphResponse): unknown {
  const header = response.headers["content-type"];
  const type = (Array.isArray(header) ? header[0] : header) ?? "";
  if (!type.startsWith("application/json") && !type.startsWith("application/graphql-response+json"))
    return response.text;
  try {
    return JSON.parse(response.text);
  } catch {
    return response.text;
  }
}

/**
 * The error of a subgraph's refusal: one that is shutting down (503) is unavailable, to be retried;
 * a client error (HTTP 4xx with a client code, such as a Date variable the gateway's scalar lets
 * through) is relayed as that client error; anything else stays a failure with its status.
 */
function errorOf(url: string, response: SubgraphResponse, body: unknown): GraphQLError {
  if (response.status === 503) return fieldError("SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE);
  const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null)?.errors?.[0];
  const code = first?.extensions?.code;
  if (response.status < 500 && typeof code === "string" && clientCodes.has(code) && typeof first?.message === "string")
    return fieldError(code as ErrorCode, first.message);
  return new GraphQLError(`${response.status}: ${response.statusText}`, {
    extensions: { response: { url, status: response.status, statusText: response.statusText, body } },
  });
}
