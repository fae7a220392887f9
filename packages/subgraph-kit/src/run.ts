import { createTokenVerifier } from "@c360/auth";
import { loadConfigOrExit } from "@c360/config";
import { openDatabase } from "@c360/db-client";
import { startTracing } from "@c360/observability";
import { telemetryOf } from "./http";
import { type SubgraphDefinition, startSubgraph } from "./server";

/**
 * Runs one subgraph as its own process: configuration from the environment (parsed once, every
 * problem reported together), its port from the registry unless `C360_<NAME>_PORT` says otherwise,
 * traces exported when an OTLP endpoint is configured; stops cleanly on SIGTERM/SIGINT.
 */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  const config = loadConfigOrExit();
  const telemetry = telemetryOf(definition.name, config);
  const tracing = startTracing(`c360-${definition.name}`, config.otlpEndpoint);
  const verify = await createTokenVerifier(config.identity);
  const db = await openDatabase({ ...config.database, applicationName: `c360-${definition.name}` });
  const server = await startSubgraph(definition, db, {
    port: config.ports[definition.name] ?? 0,
    verify,
    config,
    telemetry,
  });
  telemetry.log.info({ url: server.url, database: db.location }, `${definition.name} subgraph ready at ${server.url}`);
  const stop = async () => {
    await server.stop();
    await db.close();
    await tracing?.stop();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
