/**
 * `pnpm start`: the whole product in one process. Embedded PGlite by default (DATABASE_URL for
 * Postgres), migrated, seeded on first start, the subgraphs and the gateway on their configured ports.
 */
import { loadConfigOrExit } from "@c360/config";
import { migrate, seed } from "@c360/db";
import { openDatabase } from "@c360/db-client";
import { startTracing } from "@c360/observability";
import { exitOnStartupError, telemetryOf } from "@c360/subgraph-kit";
import { startStack } from "./stack";

const config = loadConfigOrExit();
const { log } = telemetryOf("c360", config);
const tracing = startTracing("c360", config.otlpEndpoint);
const { db, stack } = await (async () => {
  const db = await openDatabase({ ...config.database, applicationName: "c360-stack" });
  await migrate(db);
  const [{ customers }] = (await db.query("SELECT count(*)::int AS customers FROM customer.customers")) as [
    { customers: number },
  ];
  if (customers === 0) {
    log.info(`empty database: seeding at scale ${config.seedScale} (C360_SEED_SCALE) ...`);
    const report = await seed(db, { scale: config.seedScale, seed: 1 });
    const failedChecks = report.checks.filter((c) => c.status === "fail").length;
    log.info(
      { rows: report.totalRows, failedChecks },
      `seeded ${report.totalRows} rows; quality checks: ${failedChecks} failed`,
    );
  }
  return { db, stack: await startStack(db, config) };
})().catch((error: unknown) => exitOnStartupError(log, config, error));
const root = stack.gatewayUrl.replace(/\/graphql$/, "/");
log.info(
  { gateway: stack.gatewayUrl, subgraphs: stack.subgraphUrls, database: db.location },
  `c360 ready: gateway ${stack.gatewayUrl} (${db.location})`,
);
log.info(
  config.explorer
    ? `explorer: ${root} (pick a role; development tokens there), or a token for curl: pnpm -s c360 token <role>`
    : "explorer off (C360_EXPLORER=on turns it on); a token for curl: pnpm -s c360 token <role>",
);

const stop = async () => {
  await stack.stop();
  await db.close();
  await tracing?.stop();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
