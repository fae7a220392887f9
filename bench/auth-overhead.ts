/**
 * `pnpm bench [--seconds 5] [--rounds 6] [--connections 10]`: what authorization costs. The same
 * query, as c360_admin, against (a) the product: token verified at the gateway and in every subgraph,
 * graphql-shield on every field; and (b) a bench-only build of the same subgraphs and gateway with
 * neither (assembled here: no setting of the product turns authorization off). Both run in this
 * process over one freshly seeded database (a new database on the server of DATABASE_URL, dropped
 * afterwards, else an in-memory PGlite); the load comes from autocannon in a child process, so
 * this process's CPU time is the servers' alone. Rounds alternate which build goes first.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { parseArgs, promisify } from "node:util";
import { entitlementsOf, mintToken, type Viewer } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { seed } from "@c360/db";
import { auditTrailFor, startGateway } from "@c360/gateway";
import { startStack, subgraphs } from "@c360/platform";
import { buildUnguardedSchema, type RunningServer, serveSubgraph, telemetryOf } from "@c360/subgraph-kit";
import { supergraphSdl } from "@c360/supergraph";
import { createTestDatabase } from "../test/testkit/database";

// Eleven servers in one process, each with its own shutdown listener.
process.setMaxListeners(20);

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "6" },
    connections: { type: "string", default: "10" },
  },
});
const query = `{ customers(first: 20) { edges { node { id firstName email customerSegment
  loyalty { loyaltyTier pointsBalance }
  transactions(first: 5) { edges { node { id totalAmount status items { productId quantity lineTotal } } } } } } } }`;

const admin: Viewer = {
  subject: "bench",
  roles: ["c360_admin"],
  claimedRoles: ["c360_admin"],
  entitlements: entitlementsOf(["c360_admin"]),
  markets: null,
};

const database = await createTestDatabase();
const { db } = database;
await seed(db, { scale: 0.1, seed: 1 });

const config = loadConfig();
const guarded = await startStack(db, config, { ephemeralPorts: true });

// The bench-only build: the same kit serving path (HTTP layer, limits, loaders, audit, gateway),
// with the unguarded schema and a verifier that trusts every request as c360_admin.
const trustAll = async () => admin;
const unguardedServers: RunningServer[] = [];
const unguardedUrls: Record<string, string> = {};
for (const definition of subgraphs) {
  const server = await serveSubgraph(definition, buildUnguardedSchema(definition), db, {
    port: 0,
    verify: trustAll,
    config,
  });
  unguardedUrls[definition.name] = server.url;
  unguardedServers.push(server);
}
const unguardedAudit = auditTrailFor(db, telemetryOf("gateway", config).log, config);
const unguardedGateway = await startGateway({
  supergraphSdl: supergraphSdl(),
  subgraphUrls: unguardedUrls,
  port: 0,
  verify: trustAll,
  audit: unguardedAudit,
  db,
  config,
});

const token = await mintToken(config.identity, { subject: "bench", roles: ["c360_admin"] });

interface Round {
  /** Requests per second. */
  rate: number;
  /** This process's CPU time (user + system) per request, in ms: less at the mercy of a shared machine. */
  cpu: number;
}

const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

/** One load run from a child process; this process's CPU time over it is the servers' alone. */
async function load(url: string, seconds = Number(values.seconds)): Promise<Round> {
  const before = process.cpuUsage();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      autocannonBin,
      ...["--json", "--method", "POST", "--connections", values.connections, "--duration", String(seconds)],
      ...["--headers", "content-type=application/json", "--headers", `authorization=Bearer ${token}`],
      ...["--body", JSON.stringify({ query }), url],
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const used = process.cpuUsage(before);
  const result = JSON.parse(stdout) as { non2xx: number; errors: number; requests: { average: number; total: number } };
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rate: result.requests.average, cpu: (used.user + used.system) / 1000 / result.requests.total };
}

const check = await fetch(guarded.gatewayUrl, {
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  body: JSON.stringify({ query }),
});
const body = (await check.json()) as { errors?: unknown };
if (body.errors) throw new Error(`the bench query failed: ${JSON.stringify(body.errors)}`);

const rounds = { guarded: [] as Round[], unguarded: [] as Round[] };
try {
  // Warm both (JIT, pools, plan cache) before anything is measured.
  await load(unguardedGateway.url, 2);
  await load(guarded.gatewayUrl, 2);
  // Rounds alternate which build goes first, so neither always runs on the warmer machine.
  for (let round = 1; round <= Number(values.rounds); round++) {
    const order = round % 2 ? (["unguarded", "guarded"] as const) : (["guarded", "unguarded"] as const);
    for (const build of order) {
      rounds[build].push(await load(build === "guarded" ? guarded.gatewayUrl : unguardedGateway.url));
    }
    const [u, g] = [rounds.unguarded.at(-1), rounds.guarded.at(-1)];
    console.log(
      `round ${round}: without authorization ${u?.rate} req/s ${u?.cpu.toFixed(2)} ms CPU/req, ` +
        `with ${g?.rate} req/s ${g?.cpu.toFixed(2)} ms CPU/req`,
    );
  }
} finally {
  await guarded.stop();
  await unguardedGateway.stop();
  for (const server of unguardedServers) await server.stop();
  await unguardedAudit.stop();
  await database.dispose();
}
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return ((sorted[Math.floor((sorted.length - 1) / 2)] ?? 1) + (sorted[Math.ceil((sorted.length - 1) / 2)] ?? 1)) / 2;
};
const best = (xs: Round[]) => Math.max(...xs.map((r) => r.rate));
const bestRatio = best(rounds.guarded) / best(rounds.unguarded);
const rateRatio = median(rounds.guarded.map((g, i) => g.rate / (rounds.unguarded[i]?.rate ?? g.rate)));
const cpuRatio = median(rounds.unguarded.map((u, i) => u.cpu / (rounds.guarded[i]?.cpu ?? u.cpu)));
const cost = (ratio: number) => `${ratio.toFixed(3)} = ${((1 - ratio) * 100).toFixed(1)}% of throughput`;
console.log(
  `\nauthorization overhead (${db.location}, ${values.connections} connections, ${values.seconds}s x ${values.rounds} rounds):\n` +
    `  without (bench-only build): best ${best(rounds.unguarded)} req/s, median ${median(rounds.unguarded.map((r) => r.cpu)).toFixed(2)} ms CPU/req\n` +
    `  with token checks + graphql-shield: best ${best(rounds.guarded)} req/s, median ${median(rounds.guarded.map((r) => r.cpu)).toFixed(2)} ms CPU/req\n` +
    `  best-round throughput ratio ${cost(bestRatio)}\n` +
    `  median paired throughput ratio ${cost(rateRatio)}\n` +
    `  median paired CPU-per-request ratio (without / with) ${cost(cpuRatio)} (target: under 10%)`,
);
