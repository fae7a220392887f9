import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { heldToTrustedDocuments, policyVersion, type TokenVerifier } from "@c360/auth";
import type { Config } from "@c360/config";
import type { Database } from "@c360/db-client";
import { clientCodes, type ErrorCode, fieldError, refusal, UNAVAILABLE_MESSAGE } from "@c360/errors";
import { beforeScrape, clientSpan, metrics, REQUEST_ID_HEADER } from "@c360/observability";
import {
  apolloSettings,
  fieldTypes,
  formatError,
  httpSettings,
  PERSONS_EXTENSION,
  type RunningServer,
  SIGNATURE_HEADER,
  serveHttp,
  sign,
  subgraphSecret,
  type Telemetry,
  telemetryOf,
  UnavailableError,
} from "@c360/subgraph-kit";
import { apiSchemaOf, graphsOf } from "@c360/supergraph";
import {
  type AuditTrail,
  accessEventOf,
  auditPlugin,
  type GatewayContext,
  gatewayContext,
  hashDocument,
  notePersons,
} from "./audit";
import { CircuitBreaker } from "./breaker";
import { SubjectBudget } from "./budget";
import { explorerPages } from "./explorer";
import { createSubgraphClient, type SubgraphResponse, SubgraphTimeout } from "./fetch";
import { watchLoads } from "./loads";
import { ResponseCache } from "./response-cache";
import { trustedDocumentHashes } from "./trusted";

/**
 * A subgraph that refuses a request (HTTP 4xx) with a client error, such as a Date variable the
 * gateway's scalar lets through, is relayed as that client error; a subgraph that is shutting down
 * (503) is unavailable, to be retried; anything else stays a failure.
 */
class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]) {
    const error = await super.errorFromResponse(response);
    if (response.status === 503) return fieldError("SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE);
    const body = (
      error.extensions.response as { body?: { errors?: { message?: string; extensions?: { code?: string } }[] } }
    )?.body;
    const first = typeof body === "object" ? body?.errors?.[0] : undefined;
    const code = first?.extensions?.code;
    if (response.status < 500 && code && clientCodes.has(code) && first?.message) {
      return fieldError(code as ErrorCode, first.message);
    }
    return error;
  }

  /** Notes whose personal data the subgraph's answer carried, for the request's access event. */
  override didReceiveResponse({
    response,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["didReceiveResponse"]>>[0]) {
    notePersons(context.access, response.extensions?.[PERSONS_EXTENSION]);
    return response;
  }
}

/**
 * The fetch to one subgraph: signed (when a secret is set), with its time budget (3 s by default: a
 * subgraph that does not answer fails its part of the response, not the whole request), behind the subgraph's
 * circuit breaker (open: fail fast without a request), and retried once when the connection itself
 * failed (the graph has only queries, which are safe to repeat); a timeout is not retried. A subgraph
 * that cannot be reached, times out or has its circuit open is an `UnavailableError`. Each fetch is a
 * span of the request's trace (its `traceparent` goes along) and a sample of the fetch-latency metric.
 */
function guardedFetch(
  name: string,
  breakers: Map<string, CircuitBreaker>,
  config: Config,
  client: ReturnType<typeof createSubgraphClient>,
) {
  const breaker = breakers.get(name) ?? new CircuitBreaker(name);
  breakers.set(name, breaker);
  beforeScrape(() => metrics.breakerOpen.set({ subgraph: name }, breaker.state === "closed" ? 0 : 1));
  const secret = subgraphSecret(config.subgraphSecret, name);
  const timeoutMs = config.timeouts.subgraphMs;
  return (async (input: string, init: { headers: Record<string, string>; body: string }) => {
    const started = performance.now();
    const done = (outcome: string) =>
      metrics.subgraphSeconds.observe({ subgraph: name, outcome }, (performance.now() - started) / 1000);
    if (!breaker.allow()) {
      done("circuit_open");
      throw new UnavailableError(`subgraph ${name}: circuit open`);
    }
    const headers = { ...init.headers };
    const span = clientSpan(`subgraph ${name}`, { "c360.subgraph": name }, headers);
    if (secret) {
      const url = new URL(input);
      headers[SIGNATURE_HEADER] = sign(secret, {
        method: "POST",
        target: `${url.pathname}${url.search}`,
        authorization: headers.authorization ?? "",
        body: init.body,
      });
    }
    const attempt = () => client.post(input, headers, init.body, timeoutMs);
    try {
      let response: SubgraphResponse;
      try {
        response = await attempt();
      } catch (error) {
        if (error instanceof SubgraphTimeout) throw error;
        response = await attempt();
      }
      if (response.status >= 500) breaker.failure();
      else breaker.success();
      done(response.status >= 500 ? "error" : "ok");
      span.end(response.status >= 500 ? `HTTP ${response.status}` : undefined);
      return response;
    } catch (error) {
      breaker.failure();
      done(error instanceof SubgraphTimeout ? "timeout" : "unreachable");
      span.end(error);
      throw new UnavailableError(`subgraph ${name}: ${(error as Error).message}`, { cause: error });
    }
  }) as never;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph URLs by name; a subgraph not named here is reached at the URL the supergraph records. */
  subgraphUrls?: Record<string, string>;
  port: number;
  verify: TokenVerifier;
  audit: AuditTrail;
  /** The database the gateway reads the latest load from (for its response cache). */
  db: Database;
  /** Circuit breakers by subgraph name (created on first use; pass a map to watch them). */
  breakers?: Map<string, CircuitBreaker>;
  /** The process's configuration: mode, subgraph secret, limits, time budgets, each subject's share. */
  config: Config;
  /** Default: `gateway` as the service, logging as the configuration says. */
  telemetry?: Telemetry;
}

/** The running gateway, and its response cache when configured (tests read its counts). */
export interface RunningGateway extends RunningServer {
  responseCache?: ResponseCache;
}

/**
 * Serves the supergraph on 127.0.0.1:`port` (0 picks a free port) at /graphql, routing to the
 * subgraphs its `join__Graph` records (or the URLs given). Limits come first, then the bearer token
 * is verified (a bad one never reaches a subgraph), the subject's share is taken, and the token is
 * forwarded with the request's id; no other client header reaches the subgraphs, which verify the
 * token again and enforce their own rules. Every request, refused ones included, goes to the access
 * trail.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const telemetry = options.telemetry ?? telemetryOf("gateway", config);
  const breakers = options.breakers ?? new Map<string, CircuitBreaker>();
  const client = createSubgraphClient();
  // @apollo/gateway otherwise probes cloud metadata endpoints (AWS, GCP, Azure, Alibaba) and exports
  // usage metrics to Apollo's servers (it reads this variable when constructed). The product sends
  // nothing anywhere but to its own subgraphs.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphSource({
        url: options.subgraphUrls?.[name] ?? url,
        fetcher: guardedFetch(name, breakers, config, client),
        willSendRequest({ request, context }) {
          request.http?.headers.set("authorization", context.authorization);
          request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      }),
  });
  const apiSchema = apiSchemaOf(options.supergraphSdl);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(config.production),
    plugins: [auditPlugin(apiSchema), ApolloServerPluginCacheControlDisabled()],
    ...apolloSettings,
  });
  const budget = new SubjectBudget(config.budget);
  const trusted = trustedDocumentHashes();
  const loads = config.responseCache.ttlMs > 0 ? watchLoads(options.db) : undefined;
  const cache = loads
    ? new ResponseCache({
        ttlMs: config.responseCache.ttlMs,
        maxBytes: config.responseCache.maxBytes,
        maxEntries: 10_000,
        dataVersion: loads.version,
      })
    : undefined;
  const readiness = graphsOf(options.supergraphSdl).map(({ name, url }) =>
    (options.subgraphUrls?.[name] ?? url).replace(/\/graphql$/, "/readyz"),
  );
  const running = await serveHttp(server, {
    ...httpSettings(config),
    port: options.port,
    telemetry,
    typeOf: fieldTypes(apiSchema),
    // Ready when every subgraph is, and enforces the policy this gateway records in the trail.
    ready: async () =>
      (
        await Promise.all(
          readiness.map((u) =>
            fetch(u, { signal: AbortSignal.timeout(1_000) }).then(
              async (r) => r.ok && ((await r.json()) as { policyVersion?: unknown }).policyVersion === policyVersion,
              () => false,
            ),
          ),
        )
      ).every(Boolean),
    context: async (req, { requestId }) =>
      gatewayContext(req.headers.authorization ?? "", await options.verify(req.headers.authorization), requestId),
    subjectOf: (context) => context.viewer.subject,
    admit: (context, cost, query) => {
      if (config.production && heldToTrustedDocuments(context.viewer.roles) && !trusted.has(hashDocument(query)))
        throw refusal(
          "FORBIDDEN",
          "your role may run only trusted documents (gateway/trusted-documents.json), and this one is not registered",
        );
      return budget.admit(context.viewer.subject, cost);
    },
    ...(cache ? { cache } : {}),
    ...(config.explorer
      ? { pages: explorerPages({ supergraphSdl: options.supergraphSdl, apiSchema, verify: options.verify, config }) }
      : {}),
    onEnd: (end) => options.audit.record(accessEventOf(end)),
  });
  return {
    url: running.url,
    ...(cache ? { responseCache: cache } : {}),
    async stop() {
      await running.stop();
      loads?.stop();
      client.close();
    },
  };
}
