/**
 * The gateway as its own process (`pnpm --filter @c360/gateway start`): serves the committed
 * supergraph; subgraph URLs come from `C360_<NAME>_URL` or the contract ports on loopback. It writes
 * the access trail to the database of DATABASE_URL.
 */
import { createTokenVerifier, identityConfigFromEnv } from "@c360/auth";
import { databaseConfigFromEnv, openDatabase } from "@c360/db-client";
import { portOf } from "@c360/subgraph-kit";
import { AuditTrail } from "./audit";
import { committedSupergraph } from "./compose";
import { startGateway } from "./gateway";
import { subgraphs } from "./subgraphs";

const subgraphUrls = Object.fromEntries(
  subgraphs.flatMap((s) => {
    const url = process.env[`C360_${s.name.toUpperCase().replaceAll("-", "_")}_URL`];
    return url ? [[s.name, url]] : [];
  }),
);
const verify = await createTokenVerifier(identityConfigFromEnv());
const db = await openDatabase({ ...databaseConfigFromEnv(), applicationName: "c360-gateway" });
const audit = new AuditTrail(db);
const gateway = await startGateway({
  supergraphSdl: committedSupergraph(),
  subgraphUrls,
  port: portOf("gateway"),
  verify,
  audit,
});
console.log(`gateway ready at ${gateway.url}`);
const stop = async () => {
  await gateway.stop();
  await audit.stop();
  await db.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
