/**
 * The gateway as its own process (`pnpm --filter @c360/gateway start`): serves the supergraph
 * (`C360_SUPERGRAPH`, default the committed one) and routes to the subgraphs it records, each at
 * `C360_<NAME>_URL` when set. It writes the access trail to the database of DATABASE_URL.
 */
import { setFlagsFromString } from "node:v8";
import { createTokenVerifier } from "@c360/auth";
import { loadConfigOrExit } from "@c360/config";
import { openDatabase } from "@c360/db-client";
import { startTracing } from "@c360/observability";
import { exitOnStartupError, telemetryOf } from "@c360/subgraph-kit";
import { supergraphSdl } from "@c360/supergraph";
import { auditTrailFor } from "./audit";
import { startGateway } from "./gateway";

const config = loadConfigOrExit();
// Answers in flight outlive the young generation, so V8 promotes them and, left to itself, lets the
// old space grow to several times the live data before collecting it: 280-380 MiB resident under
// Customer 360 and KPI load against 180-230 at 20% (README, Benchmarks). A growth factor, not a cap:
// a burst that needs more memory gets it.
if (config.heapGrowthPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
const telemetry = telemetryOf("gateway", config);
const tracing = startTracing("c360-gateway", config.otlpEndpoint);
const verify = await createTokenVerifier(config.identity);
const { db, audit, gateway } = await (async () => {
  const db = await openDatabase({ ...config.database, applicationName: "c360-gateway" });
  const audit = auditTrailFor(db, telemetry.log, config);
  const gateway = await startGateway({
    supergraphSdl: supergraphSdl(config.supergraphPath),
    subgraphUrls: { ...config.subgraphUrls },
    port: config.ports.gateway ?? 0,
    verify,
    audit,
    db,
    config,
    telemetry,
  });
  return { db, audit, gateway };
})().catch((error: unknown) => exitOnStartupError(telemetry.log, config, error));
telemetry.log.info({ url: gateway.url }, `gateway ready at ${gateway.url}`);
const stop = async () => {
  await gateway.stop();
  await audit.stop();
  await db.close();
  await tracing?.stop();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
