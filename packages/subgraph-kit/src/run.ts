import { createTokenVerifier } from "@c360/auth";
import { type Config, loadConfigOrExit, portSetting } from "@c360/config";
import { explainDatabaseError, openDatabase } from "@c360/db-client";
import { type Logger, startTracing } from "@c360/observability";
import { describeError } from "./errors";
import { PortInUseError, telemetryOf } from "./http";
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
  const { db, server } = await (async () => {
    const db = await openDatabase({ ...config.database, applicationName: `c360-${definition.name}` });
    const port = config.ports[definition.name] ?? 0;
    return { db, server: await startSubgraph(definition, db, { port, verify, config, telemetry }) };
  })().catch((error: unknown) => exitOnStartupError(telemetry.log, config, error));
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

/**
 * Ends a process that could not start with one log line naming the cause and the fix: a busy port
 * names the setting that moves it, a database that cannot be used says why; anything else is logged
 * with its stack.
 */
export function exitOnStartupError(log: Logger, config: Config, error: unknown): never {
  let reason = explainDatabaseError(error);
  if (error instanceof PortInUseError) {
    const service = Object.entries(config.ports).find(([, port]) => port === error.port)?.[0];
    reason = `${error.message} — set ${service ? portSetting(service) : "its port setting"} to a free port (0 picks any)`;
  }
  if (reason) log.fatal(reason);
  else log.fatal({ err: describeError(error) }, "could not start");
  process.exit(1);
}
