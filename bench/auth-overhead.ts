/**
 * `pnpm bench [--seconds 5] [--rounds 2] [--connections 10]`: what authorization costs. The same
 * query, as c360_admin, against (a) the product: token verified at the gateway and in every subgraph,
 * graphql-shield on every field; and (b) a bench-only build of the same subgraphs and gateway with
 * neither (assembled here: no setting of the product turns authorization off). Both run in this
 * process over one embedded database (DATABASE_URL for Postgres), rounds alternate, the best
 * round of each is compared.
 */
import { parseArgs } from "node:util";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { entitlementsOf, identityConfigFromEnv, mintToken, type Viewer } from "@c360/auth";
import { migrate, seed } from "@c360/db";
import { databaseConfigFromEnv, openDatabase } from "@c360/db-client";
import { AuditTrail, committedSupergraph, startGateway, startStack, subgraphs } from "@c360/gateway";
import { buildUnguardedSchema, type RunningServer } from "@c360/subgraph-kit";
import autocannon from "autocannon";

// Eleven servers in one process, each with its own shutdown listener.
process.setMaxListeners(20);

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "10" },
  },
});
const query = `{ customers(first: 20) { edges { node { id firstName email customerSegment
  loyalty { loyaltyTier pointsBalance }
  transactions(first: 5) { edges { node { id totalAmount status items { productId quantity lineTotal } } } } } } } }`;

const admin: Viewer = {
  subject: "bench",
  roles: ["c360_admin"],
  entitlements: entitlementsOf(["c360_admin"]),
  markets: null,
};

const config = databaseConfigFromEnv();
const db = await openDatabase(config.url ? config : { pgliteDir: "memory://" });
await migrate(db);
await seed(db, { scale: 0.1, seed: 1 });

const guarded = await startStack(db, { ephemeralPorts: true });

const unguardedServers: RunningServer[] = [];
const unguardedUrls: Record<string, string> = {};
for (const definition of subgraphs) {
  const server = new ApolloServer({
    schema: buildUnguardedSchema(definition),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async () => ({ viewer: admin, db, loaders: definition.createLoaders(db, admin) }),
  });
  unguardedUrls[definition.name] = `${url}graphql`;
  unguardedServers.push({ url, stop: () => server.stop() });
}
const unguardedAudit = new AuditTrail(db);
const unguardedGateway = await startGateway({
  supergraphSdl: committedSupergraph(),
  subgraphUrls: unguardedUrls,
  port: 0,
  verify: async () => admin,
  audit: unguardedAudit,
});

const token = await mintToken(identityConfigFromEnv(), { subject: "bench", roles: ["c360_admin"] });

async function load(url: string): Promise<number> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: Number(values.connections),
    duration: Number(values.seconds),
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const check = await fetch(guarded.gatewayUrl, {
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  body: JSON.stringify({ query }),
});
const body = (await check.json()) as { errors?: unknown };
if (body.errors) throw new Error(`the bench query failed: ${JSON.stringify(body.errors)}`);

const rates = { guarded: [] as number[], unguarded: [] as number[] };
try {
  for (let round = 1; round <= Number(values.rounds); round++) {
    rates.unguarded.push(await load(unguardedGateway.url));
    rates.guarded.push(await load(guarded.gatewayUrl));
    console.log(
      `round ${round}: without authorization ${rates.unguarded.at(-1)} req/s, with ${rates.guarded.at(-1)} req/s`,
    );
  }
} finally {
  await guarded.stop();
  await unguardedGateway.stop();
  for (const server of unguardedServers) await server.stop();
  await unguardedAudit.stop();
  await db.close();
}
const best = (xs: number[]) => Math.max(...xs);
const ratio = best(rates.guarded) / best(rates.unguarded);
const paired = rates.guarded.map((g, i) => g / (rates.unguarded[i] ?? g)).sort((a, b) => a - b);
const median =
  ((paired[Math.floor((paired.length - 1) / 2)] ?? 1) + (paired[Math.ceil((paired.length - 1) / 2)] ?? 1)) / 2;
console.log(
  `\nauthorization overhead (${db.location}, ${values.connections} connections, ${values.seconds}s x ${values.rounds} rounds, best round):\n` +
    `  without (bench-only build): ${best(rates.unguarded)} req/s\n` +
    `  with token checks + graphql-shield: ${best(rates.guarded)} req/s\n` +
    `  best-round ratio ${ratio.toFixed(3)} = ${((1 - ratio) * 100).toFixed(1)}% of throughput (target: under 10%)\n` +
    `  median of the paired rounds' ratios ${median.toFixed(3)} = ${((1 - median) * 100).toFixed(1)}%`,
);
