import { createTokenVerifier } from "@c360/auth";
import type { Config } from "@c360/config";
import type { Database } from "@c360/db-client";
import {
  type AuditTrail,
  auditTrailFor,
  type CircuitBreaker,
  type EntityCache,
  type LoadWatcher,
  type ResponseCache,
  startGateway,
} from "@c360/gateway";
import { type RunningServer, startSubgraph, telemetryOf } from "@c360/subgraph-kit";
import { supergraphSdl } from "@c360/supergraph";
import { subgraphs } from "./subgraphs";

export interface Stack {
  gatewayUrl: string;
  audit: AuditTrail;
  subgraphUrls: Record<string, string>;
  /** The gateway's circuit breakers by subgraph name. */
  breakers: Map<string, CircuitBreaker>;
  /** The running subgraphs by name (fault tests stop and restart one). */
  subgraphServers: Record<string, RunningServer>;
  /** The gateway's response cache, when C360_RESPONSE_CACHE_MS turns it on. */
  responseCache?: ResponseCache;
  /** The gateway's cache of reference entities, unless C360_ENTITY_CACHE_MS=0 turns it off. */
  entityCache?: EntityCache;
  /** The gateway's reader of the data's version, when a cache is on (its reads are the gateway's own statements). */
  loads?: LoadWatcher;
  stop(): Promise<void>;
}

/**
 * The registered subgraphs and the gateway in this process, over one database: `pnpm start`'s
 * embedded mode and the end-to-end tests. `ephemeralPorts` picks free ports instead of the
 * configured ones.
 */
export async function startStack(
  db: Database,
  config: Config,
  options: { ephemeralPorts?: boolean } = {},
): Promise<Stack> {
  const port = (name: string) => (options.ephemeralPorts ? 0 : (config.ports[name] ?? 0));
  const verify = await createTokenVerifier(config.identity);
  const servers: RunningServer[] = [];
  const gatewayTelemetry = telemetryOf("gateway", config);
  const audit = auditTrailFor(db, gatewayTelemetry.log, config);
  const breakers = new Map<string, CircuitBreaker>();
  const subgraphUrls: Record<string, string> = {};
  const subgraphServers: Record<string, RunningServer> = {};
  try {
    for (const definition of subgraphs) {
      const server = await startSubgraph(definition, db, { port: port(definition.name), verify, config });
      servers.push(server);
      subgraphUrls[definition.name] = server.url;
      subgraphServers[definition.name] = server;
    }
    const gateway = await startGateway({
      supergraphSdl: supergraphSdl(config.supergraphPath),
      subgraphUrls,
      port: port("gateway"),
      verify,
      audit,
      db,
      breakers,
      config,
      telemetry: gatewayTelemetry,
    });
    servers.unshift(gateway);
    return {
      gatewayUrl: gateway.url,
      ...(gateway.responseCache ? { responseCache: gateway.responseCache } : {}),
      ...(gateway.entityCache ? { entityCache: gateway.entityCache } : {}),
      ...(gateway.loads ? { loads: gateway.loads } : {}),
      audit,
      breakers,
      subgraphUrls,
      subgraphServers,
      stop: async () => {
        for (const server of servers) await server.stop();
        await audit.stop();
      },
    };
  } catch (error) {
    for (const server of servers) await server.stop();
    await audit.stop();
    throw error;
  }
}
