/**
 * `pnpm test:soak [--seconds 300] [--connections 50]`: the mixed workload through the gateway, loopback
 * only, with the sales subgraph stopped and restarted twice, on a freshly seeded database. With
 * DATABASE_URL the five subgraphs and the gateway run as six processes, as in production (sales is
 * stopped with SIGTERM and started again as a new process); without it, in this process over an
 * embedded database. Fails on any 5xx, socket error or timeout, on memory growth over 20% between
 * warm-up and the end (heap after GC in this process; resident memory of all six processes), or
 * on a request missing from the access trail. Prints the figures.
 */
import "../testkit/setup";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTokenVerifier } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { seed } from "@c360/db";
import { startStack, subgraphs } from "@c360/platform";
import { type RunningServer, startSubgraph } from "@c360/subgraph-kit";
import autocannon from "autocannon";
import { buildAll } from "../../build";
import { createTestDatabase } from "../testkit/database";
import { tokenFor } from "../testkit/identity";
import { startProcessStack } from "../testkit/processes";

process.setMaxListeners(30);
const { values } = parseArgs({
  options: { seconds: { type: "string", default: "300" }, connections: { type: "string", default: "50" } },
});
const seconds = Number(values.seconds);

const database = await createTestDatabase();
const { db } = database;
await seed(db, { scale: 0.1, seed: 1 });

/** The stack under load, in whichever shape the database allows. */
interface Target {
  shape: string;
  gatewayUrl: string;
  /** Stops the sales subgraph, waits 3 s, starts it again on the same port. */
  restartSales(): Promise<void>;
  /** Memory in use now: this process's heap after GC, or the six processes' resident memory. */
  memory(): number;
  /** Stops everything; the access trail is written out first. */
  stop(): Promise<void>;
}

async function inProcess(): Promise<Target> {
  const config = loadConfig();
  const stack = await startStack(db, config, { ephemeralPorts: true });
  const verify = await createTokenVerifier(config.identity);
  const sales = subgraphs.find((s) => s.name === "sales");
  if (!sales) throw new Error("no sales subgraph");
  const salesPort = Number(new URL(stack.subgraphUrls.sales as string).port);
  let salesServer: RunningServer | undefined = stack.subgraphServers.sales;
  return {
    shape: `one process, ${db.location}`,
    gatewayUrl: stack.gatewayUrl,
    async restartSales() {
      await salesServer?.stop();
      await new Promise((r) => setTimeout(r, 3_000));
      salesServer = await startSubgraph(sales, db, { port: salesPort, verify, config });
    },
    memory() {
      global.gc?.();
      return process.memoryUsage().heapUsed;
    },
    async stop() {
      await salesServer?.stop();
      await stack.stop();
    },
  };
}

async function separateProcesses(url: string): Promise<Target> {
  await buildAll();
  const stack = await startProcessStack(url);
  const rss = (pid: number | undefined) =>
    Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  return {
    shape: "six processes, Postgres",
    gatewayUrl: stack.gateway.url,
    async restartSales() {
      const sales = stack.subgraphs.sales;
      sales?.child.kill("SIGTERM");
      await sales?.exited;
      await new Promise((r) => setTimeout(r, 3_000));
      await stack.restart("sales");
    },
    memory: () => [stack.gateway, ...Object.values(stack.subgraphs)].reduce((sum, s) => sum + rss(s.child.pid), 0),
    async stop() {
      // SIGTERM: the gateway writes out its access trail before it exits.
      stack.gateway.child.kill("SIGTERM");
      await stack.gateway.exited;
      await stack.stop();
    },
  };
}

const target = database.url ? await separateProcesses(database.url) : await inProcess();
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
// Every connection is a user of its own for each role (the gateway budgets requests per subject).
const connections = Number(values.connections);
const tokens = await Promise.all(
  workload.map(([role]) =>
    Promise.all(
      Array.from({ length: connections }, (_, i) =>
        tokenFor(role as never, { ttlSeconds: seconds + 600, subject: `soak-${role}-${i}` }),
      ),
    ),
  ),
);
let slots = 0;
const requests = workload.map(([, query], w) => ({
  method: "POST" as const,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query }),
  setupRequest: (request: autocannon.Request, context: { slot?: number }) => {
    context.slot ??= slots++ % connections;
    return { ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[w]?.[context.slot]}` } };
  },
}));

const restarts: [number, number][] = [];
for (const at of [seconds / 3, (2 * seconds) / 3]) {
  setTimeout(async () => {
    const start = Date.now();
    await target.restartSales();
    restarts.push([start, Date.now()]);
  }, at * 1000).unref();
}
let warmMemory = 0;
setTimeout(
  () => {
    warmMemory = target.memory();
  },
  Math.min(30, seconds / 5) * 1000,
).unref();

const statuses = new Map<number, number>();
const result = await autocannon({
  url: target.gatewayUrl,
  connections,
  duration: seconds,
  requests,
  setupClient: (client) => {
    client.on("response", (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  },
});
const endMemory = target.memory();
await target.stop();
const [{ after }] = (await db.query("SELECT count(*)::int AS after FROM audit.access_events")) as [{ after: number }];
await database.dispose();

const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
const growth = warmMemory ? (endMemory - warmMemory) / warmMemory : 0;
console.log(
  `soak (${target.shape}): ${seconds} s, ${values.connections} connections, ${sent} responses (${result.requests.average} req/s), ` +
    `statuses ${[...statuses].map(([s, n]) => `${s} x${n}`).join(", ")}, ${result.errors} socket errors, ${result.timeouts} timeouts`,
);
console.log(
  `  sales restarted ${restarts.length}x; memory after warm-up ${(warmMemory / 2 ** 20).toFixed(1)} MiB, at the end ${(endMemory / 2 ** 20).toFixed(1)} MiB (${(growth * 100).toFixed(1)}%)`,
);
console.log(`  access trail: ${after - before} events for ${sent} responses`);
const problems = [
  fivexx ? `${fivexx} responses were 5xx` : "",
  result.errors || result.timeouts ? `${result.errors} errors, ${result.timeouts} timeouts` : "",
  growth > 0.2 ? `memory grew ${(growth * 100).toFixed(1)}%` : "",
  after - before < sent ? `${sent - (after - before)} requests missing from the access trail` : "",
].filter(Boolean);
if (problems.length) {
  console.log(`FAILED: ${problems.join("; ")}`);
  process.exitCode = 1;
} else console.log("passed");
