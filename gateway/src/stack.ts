import { createTokenVerifier, identityConfigFromEnv } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { portOf, type RunningServer, startSubgraph } from "@c360/subgraph-kit";
import { AuditTrail } from "./audit";
import type { CircuitBreaker } from "./breaker";
import { committedSupergraph } from "./compose";
import { startGateway } from "./gateway";
import { subgraphs } from "./subgraphs";

export interface Stack {
  gatewayUrl: string;
  audit: AuditTrail;
  subgraphUrls: Record<string, string>;
  /** The gateway's circuit breakers by subgraph name. */
  breakers: Map<string, CircuitBreaker>;
  /** The running subgraphs by name (fault tests stop and restart one). */
  subgraphServers: Record<string, RunningServer>;
  stop(): Promise<void>;
}

/**
 * The five subgraphs and the gateway in this process, over one database: `pnpm start`'s embedded
 * mode and the end-to-end tests. `ephemeralPorts` picks free ports instead of the contract ones.
 */
export async function startStack(db: Database, options: { ephemeralPorts?: boolean } = {}): Promise<Stack> {
  const port = (name: string) => (options.ephemeralPorts ? 0 : portOf(name));
  const verify = await createTokenVerifier(identityConfigFromEnv());
  const servers: RunningServer[] = [];
  const audit = new AuditTrail(db);
  const breakers = new Map<string, CircuitBreaker>();
  const subgraphUrls: Record<string, string> = {};
  const subgraphServers: Record<string, RunningServer> = {};
  try {
    for (const definition of subgraphs) {
      const server = await startSubgraph(definition, db, port(definition.name), verify);
      servers.push(server);
      subgraphUrls[definition.name] = server.url;
      subgraphServers[definition.name] = server;
    }
    const gateway = await startGateway({
      supergraphSdl: committedSupergraph(),
      subgraphUrls,
      port: port("gateway"),
      verify,
      audit,
      breakers,
    });
    servers.unshift(gateway);
    return {
      gatewayUrl: gateway.url,
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
