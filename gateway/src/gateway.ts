import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { apiSchemaOf, type TokenVerifier } from "@c360/auth";
import {
  clientCodes,
  formatError,
  isProduction,
  limitsPlugin,
  type RunningServer,
  SIGNATURE_HEADER,
  serveHttp,
  sign,
  subgraphSecret,
  UNAVAILABLE_MESSAGE,
  UnavailableError,
} from "@c360/subgraph-kit";
import { GraphQLError } from "graphql";
import { type AuditTrail, auditPlugin, type GatewayContext, hashDocument } from "./audit";
import { CircuitBreaker } from "./breaker";

// @apollo/gateway otherwise probes cloud metadata endpoints (AWS, GCP, Azure, Alibaba) and exports
// usage metrics to Apollo's servers. The product sends nothing anywhere but its own subgraphs.
process.env.APOLLO_TELEMETRY_DISABLED = "true";

/**
 * A subgraph that refuses a request (HTTP 4xx) with a client error, such as a Date variable the
 * gateway's scalar lets through, is relayed as that client error; a subgraph that is shutting down
 * (503) is unavailable, to be retried; anything else stays a failure.
 */
class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]) {
    const error = await super.errorFromResponse(response);
    if (response.status === 503)
      return new GraphQLError(UNAVAILABLE_MESSAGE, { extensions: { code: "SERVICE_UNAVAILABLE" } });
    const body = (
      error.extensions.response as { body?: { errors?: { message?: string; extensions?: { code?: string } }[] } }
    )?.body;
    const first = typeof body === "object" ? body?.errors?.[0] : undefined;
    const code = first?.extensions?.code;
    if (response.status < 500 && code && clientCodes.has(code) && first?.message) {
      return new GraphQLError(first.message, { extensions: { code } });
    }
    return error;
  }
}

/** A subgraph that does not answer in this time fails its part of the response, not the whole request. */
export const SUBGRAPH_TIMEOUT_MS = 3_000;

/**
 * The fetch to one subgraph: signed (when a secret is set), 3 s timeout, behind the subgraph's
 * circuit breaker (open: fail fast without a request), and retried once when the connection itself
 * failed (the graph has only queries, which are safe to repeat); a timeout is not retried. A subgraph
 * that cannot be reached, times out or has its circuit open is an `UnavailableError`.
 */
function guardedFetch(name: string, breakers: Map<string, CircuitBreaker>) {
  const breaker = breakers.get(name) ?? new CircuitBreaker(name);
  breakers.set(name, breaker);
  const secret = subgraphSecret(name);
  return (async (input: string, init?: RequestInit) => {
    if (!breaker.allow()) throw new UnavailableError(`subgraph ${name}: circuit open`);
    const headers = new Headers(init?.headers as HeadersInit);
    if (secret && typeof init?.body === "string") headers.set(SIGNATURE_HEADER, sign(secret, init.body));
    const attempt = () => fetch(input, { ...init, headers, signal: AbortSignal.timeout(SUBGRAPH_TIMEOUT_MS) });
    try {
      let response: Response;
      try {
        response = await attempt();
      } catch (error) {
        if ((error as Error).name === "TimeoutError") throw error;
        response = await attempt();
      }
      if (response.status >= 500) breaker.failure();
      else breaker.success();
      return response;
    } catch (error) {
      breaker.failure();
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
  /** Circuit breakers by subgraph name (created on first use; pass a map to watch them). */
  breakers?: Map<string, CircuitBreaker>;
}

/**
 * Serves the supergraph on 127.0.0.1:`port` (0 picks a free port) at /graphql. The bearer token is
 * verified here first (a bad one never reaches a subgraph) and then forwarded; no other client
 * header reaches the subgraphs, which verify the token again and enforce their own rules. Every
 * request, refused ones included, goes to the access trail.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const breakers = options.breakers ?? new Map<string, CircuitBreaker>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphSource({
        url: options.subgraphUrls?.[name] ?? url,
        fetcher: guardedFetch(name, breakers),
        willSendRequest({ request, context }) {
          request.http?.headers.set("authorization", context.authorization);
        },
      }),
  });
  const production = isProduction();
  if (production && !process.env.C360_SUBGRAPH_SECRET)
    throw new Error("C360_SUBGRAPH_SECRET is required in production");
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(production),
    plugins: [auditPlugin(options.audit, apiSchemaOf(options.supergraphSdl)), limitsPlugin()],
  });
  const subgraphHealth = Object.values(options.subgraphUrls ?? {}).map((u) => u.replace(/\/graphql$/, "/readyz"));
  return serveHttp(server, {
    port: options.port,
    ready: async () =>
      (
        await Promise.all(
          subgraphHealth.map((u) =>
            fetch(u, { signal: AbortSignal.timeout(1_000) }).then(
              (r) => r.ok,
              () => false,
            ),
          ),
        )
      ).every(Boolean),
    context: async (req) => {
      try {
        return {
          authorization: req.headers.authorization ?? "",
          viewer: await options.verify(req.headers.authorization),
        };
      } catch (error) {
        options.audit.record({
          occurredAt: new Date(),
          subject: null,
          roles: [],
          markets: null,
          operationName: null,
          documentHash: hashDocument(undefined),
          coordinates: [],
          denied: [],
          outcome: "unauthenticated",
        });
        throw error;
      }
    },
  });
}
