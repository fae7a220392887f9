/**
 * `pnpm test:soak [--seconds 300] [--connections 50]`: the mixed workload against an in-process stack
 * (DATABASE_URL for Postgres, else embedded), loopback only, with the sales subgraph stopped and
 * restarted twice. Fails on any 5xx, on heap growth over 20% between warm-up and the end, or on a
 * request missing from the access trail. Prints the figures.
 */
import { parseArgs } from "node:util";
import { createTokenVerifier, identityConfigFromEnv } from "@c360/auth";
import { migrate, seed } from "@c360/db";
import { databaseConfigFromEnv, openDatabase } from "@c360/db-client";
import { startStack, subgraphs } from "@c360/gateway";
import { type RunningServer, startSubgraph } from "@c360/subgraph-kit";
import autocannon from "autocannon";
import { tokenFor } from "../testkit/identity";

process.setMaxListeners(30);
const { values } = parseArgs({
  options: { seconds: { type: "string", default: "300" }, connections: { type: "string", default: "50" } },
});
const seconds = Number(values.seconds);

const config = databaseConfigFromEnv();
const db = await openDatabase(config.url ? config : { pgliteDir: "memory://" });
await migrate(db);
await seed(db, { scale: 0.1, seed: 1 });
const stack = await startStack(db, { ephemeralPorts: true });
const [{ before }] = (await db.query("SELECT count(*)::int AS before FROM audit.access_events")) as [
  { before: number },
];

const workload: [string, string][] = [
  [
    "c360_admin",
    '{ customer(id: "CUST0001") { id firstName loyalty { loyaltyTier } purchaseSummary { totalSpent } } }',
  ],
  [
    "marketing_analyst",
    "{ customers(first: 20) { totalCount edges { node { id customerSegment marketplace { code } } } } }",
  ],
  [
    "sales_analyst",
    '{ regionalSales(filter: { from: "2025-01-01", to: "2025-01-31" }, grain: WEEK) { regionId totalRevenue } }',
  ],
  ["merchandiser", "{ products(first: 10) { edges { node { id price cost inventoryLevels { available } } } } }"],
  [
    "cx_lead",
    '{ purchaseKpis(filter: { from: "2025-04-01", to: "2025-04-30" }, grain: WEEK, groupBy: [MARKETPLACE]) { marketplace pcr } }',
  ],
  [
    "customer_care",
    '{ customer(id: "CUST0002") { email transactions(first: 3) { edges { node { id items { quantity } } } } } }',
  ],
];
const requests = await Promise.all(
  workload.map(async ([role, query]) => ({
    method: "POST" as const,
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await tokenFor(role as never, { ttlSeconds: seconds + 600 })}`,
    },
    body: JSON.stringify({ query }),
  })),
);

const verify = await createTokenVerifier(identityConfigFromEnv());
const sales = subgraphs.find((s) => s.name === "sales");
if (!sales) throw new Error("no sales subgraph");
const salesPort = Number(new URL(stack.subgraphUrls.sales as string).port);
let salesServer: RunningServer | undefined = stack.subgraphServers.sales;
const restarts: [number, number][] = [];
for (const at of [seconds / 3, (2 * seconds) / 3]) {
  setTimeout(async () => {
    const start = Date.now();
    await salesServer?.stop();
    await new Promise((r) => setTimeout(r, 3_000));
    salesServer = await startSubgraph(sales, db, salesPort, verify);
    restarts.push([start, Date.now()]);
  }, at * 1000).unref();
}
let warmHeap = 0;
setTimeout(
  () => {
    global.gc?.();
    warmHeap = process.memoryUsage().heapUsed;
  },
  Math.min(30, seconds / 5) * 1000,
).unref();

const statuses = new Map<number, number>();
const result = await autocannon({
  url: stack.gatewayUrl,
  connections: Number(values.connections),
  duration: seconds,
  requests,
  setupClient: (client) => {
    client.on("response", (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  },
});
global.gc?.();
const endHeap = process.memoryUsage().heapUsed;
await stack.audit.flush();
const [{ after }] = (await db.query("SELECT count(*)::int AS after FROM audit.access_events")) as [{ after: number }];
await salesServer?.stop();
await stack.stop();
await db.close();

const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
const growth = warmHeap ? (endHeap - warmHeap) / warmHeap : 0;
console.log(
  `soak: ${seconds} s, ${values.connections} connections, ${sent} responses (${result.requests.average} req/s), ` +
    `statuses ${[...statuses].map(([s, n]) => `${s} x${n}`).join(", ")}, ${result.errors} socket errors, ${result.timeouts} timeouts`,
);
console.log(
  `  sales restarted ${restarts.length}x; heap after warm-up ${(warmHeap / 2 ** 20).toFixed(1)} MiB, at the end ${(endHeap / 2 ** 20).toFixed(1)} MiB (${(growth * 100).toFixed(1)}%)`,
);
console.log(`  access trail: ${after - before} events for ${sent} responses`);
const problems = [
  fivexx ? `${fivexx} responses were 5xx` : "",
  result.errors || result.timeouts ? `${result.errors} errors, ${result.timeouts} timeouts` : "",
  growth > 0.2 ? `heap grew ${(growth * 100).toFixed(1)}%` : "",
  after - before < sent ? `${sent - (after - before)} requests missing from the access trail` : "",
].filter(Boolean);
if (problems.length) {
  console.log(`FAILED: ${problems.join("; ")}`);
  process.exitCode = 1;
} else console.log("passed");
