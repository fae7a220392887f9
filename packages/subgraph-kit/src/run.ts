import { createTokenVerifier, identityConfigFromEnv } from "@c360/auth";
import { databaseConfigFromEnv, openDatabase } from "@c360/db-client";
import { type SubgraphDefinition, startSubgraph } from "./server";

/** The contract ports (ARCHITECTURE.md §5); each overridable by `C360_<NAME>_PORT`. */
export const defaultPorts: Record<string, number> = {
  gateway: 4000,
  customer: 4001,
  sales: 4002,
  product: 4003,
  logistics: 4004,
  "cx-kpi": 4005,
};

/** The port of `name` from the environment (`C360_CX_KPI_PORT=...`) or the contract default. */
export function portOf(name: string, env: NodeJS.ProcessEnv = process.env): number {
  const variable = `C360_${name.toUpperCase().replaceAll("-", "_")}_PORT`;
  const text = env[variable];
  if (text === undefined) return defaultPorts[name] ?? 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${variable} must be a port number, got "${text}"`);
  return port;
}

/** Runs one subgraph as its own process: database from the environment, stops cleanly on SIGTERM/SIGINT. */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  const verify = await createTokenVerifier(identityConfigFromEnv());
  const db = await openDatabase({ ...databaseConfigFromEnv(), applicationName: `c360-${definition.name}` });
  const server = await startSubgraph(definition, db, portOf(definition.name), verify);
  console.log(`${definition.name} subgraph ready at ${server.url} (${db.location})`);
  const stop = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
