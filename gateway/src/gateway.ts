import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { heldToTrustedDocuments, personalCoordinates, policyVersion, type TokenVerifier } from "@c360/auth";
import type { Config } from "@c360/config";
import { migrationsCurrent } from "@c360/db";
import type { Database } from "@c360/db-client";
import { refusal } from "@c360/errors";
import { subgraphRegistry } from "@c360/registry";
import {
  apolloSettings,
  type DirectExecution,
  fieldTypes,
  formatError,
  httpSettings,
  type RunningServer,
  serveHttp,
  type Telemetry,
  telemetryOf,
} from "@c360/subgraph-kit";
import { apiSchemaOf, graphsOf } from "@c360/supergraph";
import type { DocumentNode } from "graphql";
import {
  type AuditTrail,
  accessEventOf,
  auditPlugin,
  documentCoordinates,
  type GatewayContext,
  gatewayContext,
  hashDocument,
  type NoteRequest,
  requestNotes,
} from "./audit";
import { CircuitBreaker } from "./breaker";
import { SubjectBudget } from "./budget";
import { EntityCache } from "./entity-cache";
import { explorerPages } from "./explorer";
import { createSubgraphClient, subgraphSource } from "./fetch";
import { type LoadWatcher, watchLoads } from "./loads";
import { ResponseCache } from "./response-cache";
import { trustedDocuments } from "./trusted";
import { variablesOfTrail } from "./variables";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph URLs by name; a subgraph not named here is reached at the URL the supergraph records. */
  subgraphUrls?: Record<string, string>;
  port: number;
  verify: TokenVerifier;
  audit: AuditTrail;
  /** The database the gateway reads the latest load from (for its caches). */
  db: Database;
  /** Circuit breakers by subgraph name (created on first use; pass a map to watch them). */
  breakers?: Map<string, CircuitBreaker>;
  /** The process's configuration: mode, subgraph secret, limits, time budgets, each subject's share. */
  config: Config;
  /** Default: `gateway` as the service, logging as the configuration says. */
  telemetry?: Telemetry;
}

/** The running gateway, and its caches when configured (tests read their counts). */
export interface RunningGateway extends RunningServer {
  responseCache?: ResponseCache;
  entityCache?: EntityCache;
  /** What the caches read the data's version from (when one is on). */
  loads?: LoadWatcher;
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
  const loads = config.responseCache.ttlMs > 0 || config.entityCache.ttlMs > 0 ? watchLoads(options.db) : undefined;
  const entities =
    loads && config.entityCache.ttlMs > 0
      ? new EntityCache({
          ...config.entityCache,
          maxEntries: 100_000,
          types: new Map(subgraphRegistry.map((s) => [s.name, new Set(s.referenceEntities)])),
          dataVersion: loads.version,
        })
      : undefined;
  const cache =
    loads && config.responseCache.ttlMs > 0
      ? new ResponseCache({ ...config.responseCache, maxEntries: 10_000, dataVersion: loads.version })
      : undefined;
  // @apollo/gateway otherwise probes cloud metadata endpoints (AWS, GCP, Azure, Alibaba) and exports
  // usage metrics to Apollo's servers (it reads this variable when constructed). The product sends
  // nothing anywhere but to its own subgraphs.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const breaker = breakers.get(name) ?? new CircuitBreaker(name);
      breakers.set(name, breaker);
      const at = options.subgraphUrls?.[name] ?? url;
      if (!at) throw new Error(`subgraph ${name}: no URL in the supergraph or the configuration`);
      return subgraphSource(name, at, breaker, config, client, entities);
    },
  });
  const apiSchema = apiSchemaOf(options.supergraphSdl);
  const coordinatesOf = documentCoordinates(apiSchema);
  const note = requestNotes(coordinatesOf, variablesOfTrail(apiSchema));
  const purposeOf = purposeHeader(config.purposes.codes);
  const readsPersonalData = (document: DocumentNode | undefined) =>
    document !== undefined && coordinatesOf(document).some((c) => personal.has(c));
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(config.production),
    plugins: [auditPlugin(note), ApolloServerPluginCacheControlDisabled()],
    ...apolloSettings,
  });
  const budget = new SubjectBudget(config.budget);
  const trusted = trustedDocuments();
  const readiness = graphsOf(options.supergraphSdl).map(({ name, url }) =>
    (options.subgraphUrls?.[name] ?? url).replace(/\/graphql$/, "/readyz"),
  );
  const running = await serveHttp(server, {
    ...httpSettings(config),
    // Only the gateway is a browser's target: the subgraphs answer the gateway alone.
    cors: { origins: config.corsOrigins, requestHeaders: [PURPOSE_HEADER] },
    port: options.port,
    telemetry,
    typeOf: fieldTypes(apiSchema),
    recordedOperations: trusted,
    // Ready when every subgraph is, and enforces the policy this gateway records in the trail, and the
    // trail's database is migrated (a gateway pointed at an empty database would serve and record nothing).
    ready: async () =>
      (
        await Promise.all([
          ...readiness.map((u) =>
            fetch(u, { signal: AbortSignal.timeout(1_000) }).then(
              async (r) => r.ok && ((await r.json()) as { policyVersion?: unknown }).policyVersion === policyVersion,
              () => false,
            ),
          ),
          migrationsCurrent(options.db).catch(() => false),
        ])
      ).every(Boolean),
    context: async (req, { requestId }) =>
      gatewayContext(
        req.headers.authorization ?? "",
        await options.verify(req.headers.authorization),
        requestId,
        purposeOf(req.headers[PURPOSE_HEADER]),
      ),
    subjectOf: (context) => context.viewer.subject,
    admit: (context, cost, query, document) => {
      if (
        context.purpose === null &&
        context.viewer.roles.some((r) => config.purposes.requiredRoles.includes(r)) &&
        readsPersonalData(document)
      )
        throw refusal(
          "PURPOSE_REQUIRED",
          `your role must say why it reads personal data: send the ${PURPOSE_HEADER} header${config.purposes.codes.length ? ` with one of ${config.purposes.codes.join(", ")}` : ""}`,
        );
      if (config.production && heldToTrustedDocuments(context.viewer.roles) && !trusted.has(query))
        throw refusal(
          "FORBIDDEN",
          "your role may run only trusted documents (gateway/trusted-documents.json), and this one is not registered",
        );
      return budget.admit(context.viewer.subject, cost);
    },
    ...(cache ? { cache } : {}),
    direct: () => directExecution(gateway, config, note, telemetry),
    ...(config.explorer
      ? {
          pages: explorerPages({
            supergraphSdl: options.supergraphSdl,
            apiSchema,
            verify: options.verify,
            audit: options.audit,
            budget,
            config,
          }),
        }
      : {}),
    onEnd: (end) => options.audit.record(accessEventOf(end)),
  });
  return {
    url: running.url,
    ...(cache ? { responseCache: cache } : {}),
    ...(entities ? { entityCache: entities } : {}),
    ...(loads ? { loads } : {}),
    async stop() {
      await running.stop();
      loads?.stop();
      await client.close();
    },
  };
}

/**
 * The gateway's plain requests without Apollo Server's pipeline (`DirectExecution`): its executor
 * (the query planner and the fetches) run as Apollo Server runs it, with the request context the
 * executor reads, once the coordinates are noted for the trail as `auditPlugin` notes them. Apollo's
 * pipeline cost the gateway's requests what it cost the subgraphs': a SHA-256 of the document per
 * request (here `hashDocument` once per document: it keys the executor's plan cache), Accept
 * negotiation, CSRF parsing, plugin hooks.
 */
function directExecution(
  gateway: ApolloGateway,
  config: Config,
  note: NoteRequest,
  telemetry: Telemetry,
): DirectExecution<GatewayContext> {
  const schema = gateway.schema;
  if (!schema) throw new Error("the gateway has not loaded its schema");
  const hashes = new WeakMap<DocumentNode, string>();
  const hashOf = (document: DocumentNode, query: string) => {
    let hash = hashes.get(document);
    if (!hash) {
      hash = hashDocument(query);
      hashes.set(document, hash);
    }
    return hash;
  };
  return {
    schema,
    introspection: !config.production,
    execute({ query, document, operation, operationName, variables, context }) {
      note(context.access, document, variables);
      // What @apollo/gateway's executor reads of Apollo Server's request context (2.14: the request,
      // its hash, document, operation, context, logger and metrics), as Apollo Server builds it.
      const requestContext = {
        request: { query, variables, ...(operationName === null ? {} : { operationName }) },
        logger: telemetry.log,
        schema,
        context,
        queryHash: hashOf(document, query),
        document,
        source: query,
        operationName: operation.name?.value ?? null,
        operation,
        metrics: {},
        debug: false,
        requestIsBatched: false,
      } as unknown as Parameters<ApolloGateway["executor"]>[0];
      return gateway.executor(requestContext);
    },
    formatError: formatError(config.production),
    extensions: () => undefined,
  };
}

/** The header a request says why it reads in (recorded with its access event). */
export const PURPOSE_HEADER = "x-c360-purpose";

const personal = new Set(personalCoordinates);

/**
 * Reads a request's purpose: printable text of at most 200 characters, or, when purposes are
 * configured as codes, one of them; null when the header is absent. Anything else is the client's
 * mistake, refused naming the header.
 */
function purposeHeader(codes: readonly string[]): (value: string | string[] | undefined) => string | null {
  return (value) => {
    if (value === undefined) return null;
    const text = Array.isArray(value) ? value.join(", ") : value;
    const bad = (why: string) => refusal("BAD_USER_INPUT", `${PURPOSE_HEADER}: ${why}`);
    if (codes.length) {
      if (!codes.includes(text)) throw bad(`must be one of ${codes.join(", ")}`);
      return text;
    }
    if (!text.trim() || text.length > 200) throw bad("must be 1 to 200 characters");
    if (/[\p{Cc}\p{Cf}]/u.test(text)) throw bad("may hold printable characters only");
    return text;
  };
}
