/**
 * `pnpm start`: the whole product in one process. Embedded PGlite by default (DATABASE_URL for
 * Postgres), migrated, seeded on first start, five subgraphs and the gateway on the contract ports.
 */
import { identityConfigFromEnv, mintToken, roleNames } from "@c360/auth";
import { migrate, seed } from "@c360/db";
import { databaseConfigFromEnv, openDatabase } from "@c360/db-client";
import { startStack } from "./stack";

const scale = Number(process.env.C360_SEED_SCALE ?? "0.1");
const db = await openDatabase({ ...databaseConfigFromEnv(), applicationName: "c360-stack" });
await migrate(db);
const [{ customers }] = (await db.query("SELECT count(*)::int AS customers FROM customer.customers")) as [
  { customers: number },
];
if (customers === 0) {
  console.log(`empty database: seeding at scale ${scale} (C360_SEED_SCALE) ...`);
  const report = await seed(db, { scale, seed: 1 });
  console.log(`seeded ${report.totalRows} rows`);
}
const stack = await startStack(db);
if (process.env.NODE_ENV !== "production") {
  const identity = identityConfigFromEnv();
  console.log("development tokens (12 h), send as 'Authorization: Bearer <token>':");
  for (const role of roleNames) {
    console.log(
      `  ${role.padEnd(24)} ${await mintToken(identity, { subject: `dev-${role}`, roles: [role] }, 12 * 3600)}`,
    );
  }
}
for (const [name, url] of Object.entries(stack.subgraphUrls)) console.log(`  ${name.padEnd(10)} ${url}`);
console.log(`c360 ready: gateway ${stack.gatewayUrl} (${db.location})`);

const stop = async () => {
  await stack.stop();
  await db.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
