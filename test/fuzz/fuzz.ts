/**
 * `pnpm test:fuzz [--count 20000] [--seed 1]`: sends random and mutated GraphQL documents and
 * variables to the gateway of an in-process stack (embedded database, loopback only) and fails on
 * any 5xx, any INTERNAL_SERVER_ERROR in a body, a crash, or a response slower than the 10 s request
 * budget. Deterministic for a seed. Reports the counts.
 */
import { parseArgs } from "node:util";
import { migrate, Random, seed } from "@c360/db";
import { openDatabase } from "@c360/db-client";
import { startStack } from "@c360/gateway";
import { tokenFor } from "../testkit/identity";

const { values } = parseArgs({
  options: { count: { type: "string", default: "20000" }, seed: { type: "string", default: "1" } },
});
const count = Number(values.count);
const rng = new Random(`fuzz:${values.seed}`);

const corpus = [
  '{ customer(id: "CUST001") { id firstName email loyalty { loyaltyTier } supportTickets(first: 2) { totalCount edges { node { id status } } } } }',
  "query ($first: Int, $after: String) { customers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id country marketplace { code } } } } }",
  '{ transaction(id: "TXN0001") { id totalAmount items { quantity product { productName suppliers { supplier { supplierName } } } } shipments { trackingNumber trackingEvents { eventType } } } }',
  'query ($from: Date!, $to: Date!) { discoverKpis(filter: { from: $from, to: $to, marketplaces: ["US"] }, grain: WEEK, groupBy: [MARKETPLACE]) { periodStart dpvr zrr } }',
  '{ products(first: 5, filter: { category: "Electronics" }) { edges { node { id price cost inventoryLevels { available location { city } } } } } }',
  '{ regionalSales(filter: { from: "2025-01-01", to: "2025-01-31" }, grain: MONTH) { regionId totalRevenue averageOrderValue } }',
  "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }",
  "fragment F on Customer { id email } query { customers(first: 3) { edges { node { ...F } } } }",
  '{ explainAccess(role: "marketing_analyst", document: "{ customer(id: \\"X\\") { email } }") { denied { coordinate } } }',
];
const tokens = [
  "{",
  "}",
  "(",
  ")",
  ":",
  "$",
  "@",
  "...",
  '"',
  "!",
  "[",
  "]",
  "=",
  ",",
  "query",
  "fragment",
  "on",
  "first",
  "after",
  "customer",
  "id",
  "__schema",
  "__typename",
  "-1",
  "99999999999",
  "1e309",
  "null",
  "true",
  '""',
  "\\u0000",
  "#",
  "|",
  "&",
];
const variableValues = [
  null,
  -1,
  0,
  501,
  2 ** 53,
  "x",
  "",
  "😀".repeat(50),
  [],
  {},
  [null],
  { __typename: "Customer" },
  true,
  1.5,
  "2025-13-45",
  "eyJrIjoxfQ",
];

function mutate(text: string): string {
  let out = text;
  for (let i = rng.int(1, 4); i > 0; i--) {
    const at = rng.int(0, out.length);
    switch (rng.int(0, 3)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + rng.int(1, 8));
        break;
      case 1:
        out = `${out.slice(0, at)} ${rng.pick(tokens)} ${out.slice(at)}`;
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at, at + rng.int(1, 30)).repeat(rng.int(2, 5)) + out.slice(at);
        break;
      default:
        out = out.slice(0, at) + String.fromCharCode(rng.int(0, 0xffff)) + out.slice(at);
    }
  }
  return out;
}

function randomDocument(): string {
  return Array.from({ length: rng.int(1, 60) }, () => rng.pick(tokens)).join(" ");
}

function randomVariables(): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const name of ["first", "after", "from", "to", "r", "id"])
    if (rng.chance(0.5)) vars[name] = rng.pick(variableValues);
  if (rng.chance(0.1))
    vars.r = Array.from({ length: rng.int(0, 50) }, () => ({
      __typename: rng.pick(["Customer", "Nope", ""]),
      id: rng.pick(variableValues),
    }));
  return vars;
}

const db = await openDatabase({ pgliteDir: "memory://" });
await migrate(db);
await seed(db, { scale: 0.01, seed: 1 });
const stack = await startStack(db, { ephemeralPorts: true });
const token = await tokenFor("c360_admin");
const statuses = new Map<number, number>();
const codes = new Map<string, number>();
const failures: string[] = [];
let slowest = 0;
const started = performance.now();
try {
  for (let i = 0; i < count; i++) {
    const kind = rng.int(0, 9);
    const query = kind < 6 ? mutate(rng.pick(corpus)) : kind < 8 ? randomDocument() : rng.pick(corpus);
    const body = rng.chance(0.03)
      ? mutate(JSON.stringify({ query }))
      : JSON.stringify({ query, variables: randomVariables() });
    const t0 = performance.now();
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    slowest = Math.max(slowest, performance.now() - t0);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    for (const match of text.matchAll(/"code":"([A-Z_]{5,})"/g))
      codes.set(match[1] as string, (codes.get(match[1] as string) ?? 0) + 1);
    if (response.status >= 500 || text.includes("INTERNAL_SERVER_ERROR")) {
      failures.push(`#${i} ${response.status}: ${body.slice(0, 300)} -> ${text.slice(0, 300)}`);
    }
  }
} finally {
  await stack.stop();
  await db.close();
}
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${count} requests in ${seconds.toFixed(1)} s, slowest ${slowest.toFixed(0)} ms`);
console.log(
  `  HTTP statuses: ${[...statuses]
    .sort()
    .map(([s, n]) => `${s} x${n}`)
    .join(", ")}`,
);
console.log(
  `  error codes: ${[...codes]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} x${n}`)
    .join(", ")}`,
);
if (failures.length) {
  console.log(`${failures.length} failures:\n${failures.slice(0, 20).join("\n")}`);
  process.exitCode = 1;
} else console.log("no 5xx, no internal error, no timeout");
