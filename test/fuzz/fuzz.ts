/**
 * `pnpm test:fuzz [--count 20000] [--seed 1]`: sends random and mutated requests to the gateway of
 * an in-process stack (embedded database, loopback only): GraphQL documents and variables, token
 * claims (prototype names, wrong types, huge values), headers, content encodings, methods and raw
 * bodies. Fails on any 5xx, any INTERNAL_SERVER_ERROR in a body, a crash, a response slower than the
 * 10 s request budget, or a request missing from the access trail. Deterministic for a seed.
 */

import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { loadConfig } from "@c360/config";
import { migrate, Random, seed } from "@c360/db";
import { openDatabase } from "@c360/db-client";
import { startStack } from "@c360/platform";
import { SignJWT } from "jose";
import { fragmentBomb } from "../testkit/documents";
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

/** Values a claim should never hold, and a few it may. */
const claimValues: unknown[] = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "",
  "a\u0000b",
  "x".repeat(5_000),
  42,
  null,
  true,
  {},
  { __proto__: { admin: true } },
  [],
  ["c360_admin"],
  ["constructor"],
  ["DE"],
  ["__proto__"],
  Array(100).fill("c360_admin"),
  "c360_admin",
  "DE",
];

/** Tokens signed with the real secret whose claims are random picks of `claimValues`. */
async function claimTokens(n: number): Promise<string[]> {
  const secret = new TextEncoder().encode(loadConfig().identity.secret);
  const now = Math.floor(Date.now() / 1000);
  return Promise.all(
    Array.from({ length: n }, () => {
      const claims: Record<string, unknown> = { iss: "c360", aud: "c360-graph", exp: now + 3600 };
      for (const name of ["sub", "roles", "markets"]) if (rng.chance(0.8)) claims[name] = rng.pick(claimValues);
      if (rng.chance(0.1)) claims.exp = now + 10 * 365 * 86_400;
      return new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(secret);
    }),
  );
}

/** A request made odd below the document: its method, headers, encoding or raw body. */
function oddRequest(
  valid: string,
  token: string,
): { method: string; headers: Record<string, string>; body?: BodyInit } {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${token}` };
  switch (rng.int(0, 9)) {
    case 0:
      return { method: rng.pick(["PUT", "DELETE", "PATCH", "OPTIONS"]), headers, body: valid };
    case 1:
      return { method: "GET", headers: { ...headers, "apollo-require-preflight": rng.pick(["1", ""]) } };
    case 2:
      return {
        method: "POST",
        headers: { ...headers, "content-encoding": "gzip" },
        body: rng.chance(0.5) ? gzipSync(valid) : valid,
      };
    case 3:
      return {
        method: "POST",
        headers: { ...headers, "content-encoding": rng.pick(["br", "deflate", "zstd", "gzip, gzip", "identity"]) },
        body: gzipSync(valid).subarray(0, rng.int(0, 40)),
      };
    case 4:
      return {
        method: "POST",
        headers: {
          ...headers,
          "content-type": rng.pick(["text/plain", "", "application/graphql", "multipart/form-data"]),
        },
        body: valid,
      };
    case 5:
      return {
        method: "POST",
        headers: {
          ...headers,
          authorization: rng.pick([
            "",
            "Bearer",
            "Basic YTpi",
            `Bearer ${"a".repeat(rng.int(1, 40_000))}`,
            `Bearer ${token}.x`,
          ]),
        },
        body: valid,
      };
    case 6:
      return {
        method: "POST",
        headers,
        body: new Uint8Array(Array.from({ length: rng.int(0, 64) }, () => rng.int(0, 255))),
      };
    case 7:
      return {
        method: "POST",
        headers,
        body: rng.pick(["null", "42", '"x"', "[]", "{}", '{"query":null}', '{"query":["{ id }"]}']),
      };
    case 8:
      return {
        method: "POST",
        headers,
        body: JSON.stringify({
          query: `query Q { __typename }`,
          operationName: rng.pick(["Q\u0000", "\u001b[2J", "x".repeat(20_000), 7, null]),
        }),
      };
    default:
      return { method: "POST", headers, body: JSON.stringify({ query: fragmentBomb(rng.int(10, 40), rng.int(2, 5)) }) };
  }
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
const stack = await startStack(db, loadConfig(), { ephemeralPorts: true });
// Twenty users, so that the fuzz explores more than each subject's rate limit.
const admins = await Promise.all(
  Array.from({ length: 20 }, (_, i) => tokenFor("c360_admin", { subject: `fuzz-${i}` })),
);
const odd = await claimTokens(40);
const statuses = new Map<number, number>();
const codes = new Map<string, number>();
const failures: string[] = [];
let slowest = 0;
const started = performance.now();
try {
  for (let i = 0; i < count; i++) {
    const kind = rng.int(0, 11);
    const token = admins[i % admins.length] as string;
    const query = kind < 6 ? mutate(rng.pick(corpus)) : kind < 8 ? randomDocument() : rng.pick(corpus);
    const valid = JSON.stringify({ query, variables: randomVariables() });
    const request =
      kind === 10
        ? {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${rng.pick(odd)}` },
            body: valid,
          }
        : kind === 11
          ? oddRequest(valid, token)
          : {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
              body: rng.chance(0.03) ? mutate(JSON.stringify({ query })) : valid,
            };
    const url = new URL(stack.gatewayUrl);
    if (request.method === "GET") {
      url.searchParams.set("query", query);
      url.searchParams.set("variables", rng.chance(0.5) ? JSON.stringify(randomVariables()) : mutate("{}"));
    }
    const t0 = performance.now();
    let status = 0;
    let text = "";
    try {
      const response = await fetch(url, { ...request, signal: AbortSignal.timeout(10_000) });
      status = response.status;
      text = await response.text();
    } catch (error) {
      // A refused or reset connection is an answer only for what Node refuses before HTTP (431).
      text = `(no response: ${(error as Error).message})`;
    }
    slowest = Math.max(slowest, performance.now() - t0);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    for (const match of text.matchAll(/"code":"([A-Z_]{5,})"/g))
      codes.set(match[1] as string, (codes.get(match[1] as string) ?? 0) + 1);
    if (status >= 500 || status === 0 || text.includes("INTERNAL_SERVER_ERROR")) {
      const sent = typeof request.body === "string" ? request.body : `(${request.method}, binary body)`;
      failures.push(`#${i} ${status}: ${sent.slice(0, 300)} -> ${text.slice(0, 300)}`);
    }
  }
  await stack.audit.flush();
  const [{ events }] = (await db.query("SELECT count(*)::int AS events FROM audit.access_events")) as [
    { events: number },
  ];
  console.log(`  access trail: ${events} events for ${count} requests`);
  if (events !== count) failures.push(`the access trail holds ${events} events for ${count} requests`);
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
} else console.log("no 5xx, no internal error, no timeout, every request in the access trail");
