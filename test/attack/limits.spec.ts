import { gzipSync } from "node:zlib";
import { seed } from "@c360/db";
import { limits } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind } from "../testkit/database";
import { fragmentBomb } from "../testkit/documents";
import { tokenFor } from "../testkit/identity";
import { type PrivatePostgres, startPrivatePostgres } from "../testkit/postgres";
import {
  type Endpoints,
  requestStatements,
  send,
  startProcessTestStack,
  startTestStack,
  type TestStack,
} from "../testkit/stack";

/**
 * On Postgres: the six processes over a server of the test's own that logs every statement, counted by
 * the subgraphs' `application_name` (the gateway's own access-trail writes are not the request's work).
 * On PGlite: the in-process stack and the driver's statement counter, less the access trail's writes.
 */
let t: TestStack<Endpoints>;
let server: PrivatePostgres | undefined;
let statements: () => Promise<number>;
let admin: string;
beforeAll(async () => {
  const load = ({ db }: { db: TestStack["db"] }) => seed(db, { scale: 0.01, seed: 1 });
  if (databaseKind === "postgres") {
    const logged = await startPrivatePostgres({ logStatements: true });
    server = logged;
    t = await startProcessTestStack(load, logged.url);
    statements = async () => logged.statements(/^c360-(?!gateway)/);
  } else {
    const inProcess = await startTestStack(load);
    t = inProcess;
    statements = async () => {
      await inProcess.stack.audit.flush();
      return requestStatements(inProcess);
    };
  }
  admin = await tokenFor("c360_admin");
});
afterAll(async () => {
  await t?.dispose();
  await server?.destroy();
});

/** Sends a raw body; returns status, the error codes and how many SQL statements it caused. */
async function attempt(url: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
  const before = await statements();
  const response = await send(t.stack, url, {
    headers: { "content-type": "application/json", authorization: `Bearer ${admin}`, ...headers },
    body,
  });
  const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
  return {
    status: response.status,
    codes: (json.errors ?? []).map((e) => e.extensions?.code),
    statements: (await statements()) - before,
  };
}

const op = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

/** A selection `depth` levels deep made only of real fields: customer → transactions → … */
function deep(depth: number): string {
  // customers(1) edges(2) node(3) transactions(4) edges(5) node(6) items(7) product(8) suppliers(9) supplier(10) products(11) product(12) suppliers(13) …
  const path = ["customers(first: 1)", "edges", "node", "transactions(first: 1)", "edges", "node", "items", "product"];
  const cycle = ["suppliers", "supplier", "products", "product"];
  const fields = [...path];
  while (fields.length < depth - 1) fields.push(...cycle);
  const chain = fields.slice(0, depth - 1);
  const leaf = ["suppliers", "products"].includes(chain.at(-1) ?? "")
    ? "isPrimary"
    : chain.at(-1) === "edges"
      ? "cursor"
      : "id";
  return `{ ${chain.map((f) => `${f} {`).join(" ")} ${leaf} ${"}".repeat(chain.length)} }`;
}

const cases: [
  string,
  (target: "gateway" | "subgraph") => { body: string | Uint8Array; headers?: Record<string, string> },
  string,
][] = [
  [`depth ${limits.depth + 1}`, () => ({ body: op(deep(limits.depth + 1)) }), "DEPTH_LIMIT_EXCEEDED"],
  [
    `depth ${limits.depth + 1} through a fragment`,
    () => {
      const q = deep(limits.depth + 1).replace(
        "customers(first: 1) {",
        "customers(first: 1) { ...Deep } } fragment Deep on CustomerConnection {",
      );
      return { body: op(q.slice(0, q.lastIndexOf("}")).trimEnd()) };
    },
    "DEPTH_LIMIT_EXCEEDED",
  ],
  [
    `depth through a fragment named __schema`,
    () => ({
      body: op(
        `{ __schema { ...__schema } } fragment __schema on __Schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`,
      ),
    }),
    "DEPTH_LIMIT_EXCEEDED",
  ],
  [
    `${limits.aliases + 1} aliases`,
    () => ({
      body: op(
        `{ customer(id: "CUST001") { ${Array.from({ length: limits.aliases + 1 }, (_, i) => `a${i}: id`).join(" ")} } }`,
      ),
    }),
    "ALIAS_LIMIT_EXCEEDED",
  ],
  [
    `${limits.rootFields + 1} root fields (aliases of one field)`,
    () => ({
      body: op(
        `{ ${Array.from({ length: limits.rootFields + 1 }, (_, i) => `c${i}: customer(id: "CUST00${i}") { id }`).join(" ")} }`,
      ),
    }),
    "ROOT_FIELD_LIMIT_EXCEEDED",
  ],
  [
    `${limits.directives + 1} directives`,
    () => ({ body: op(`{ customer(id: "CUST001") { id ${"@include(if: true) ".repeat(limits.directives + 1)} } }`) }),
    "DIRECTIVE_LIMIT_EXCEEDED",
  ],
  [
    `${limits.tokens + 1} tokens`,
    () => ({ body: op(`{ customer(id: "CUST001") { ${"id ".repeat(limits.tokens)} } }`) }),
    "TOKEN_LIMIT_EXCEEDED",
  ],
  [
    `${limits.characters + 1} characters`,
    () => ({ body: op(`{ customer(id: "CUST001") { id } }${" ".repeat(limits.characters + 1 - 33)}`) }),
    "QUERY_TOO_LONG",
  ],
  [
    "a body over the size limit once decompressed",
    () => ({
      body: gzipSync(op(`{ customer(id: "CUST001") { id } }`, { pad: "x".repeat(limits.bodyBytes) })),
      headers: { "content-encoding": "gzip" },
    }),
    "REQUEST_TOO_LARGE",
  ],
  [
    "a fragment bomb (2^24 fields in 1 KB) sent without a token",
    () => ({ body: op(fragmentBomb(24)), headers: { authorization: "" } }),
    "COST_LIMIT_EXCEEDED",
  ],
  ["a wide fragment bomb (10^8 fields)", () => ({ body: op(fragmentBomb(8, 10)) }), "COST_LIMIT_EXCEEDED"],
  [
    "a persisted-query hash alone (with 5,000 representations)",
    () => ({
      body: JSON.stringify({
        variables: { r: Array.from({ length: 5_000 }, (_, i) => ({ __typename: "Customer", id: `C${i}` })) },
        extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } },
      }),
    }),
    "PERSISTED_QUERY_NOT_SUPPORTED",
  ],
  [
    "a persisted query being registered",
    () => ({
      body: JSON.stringify({
        query: '{ customer(id: "CUST001") { id } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: "b".repeat(64) } },
      }),
    }),
    "PERSISTED_QUERY_NOT_SUPPORTED",
  ],
  [
    "a cost over the limit through variables",
    (target) => ({
      body: op(
        target === "gateway"
          ? "query ($n: Int!) { customers(first: $n) { edges { node { transactions(first: $n) { edges { node { items { product { suppliers { supplier { id } } } } } } } } } } }"
          : "query ($n: Int!) { customers(first: $n) { edges { node { supportTickets(first: $n) { edges { node { id createdDate resolvedDate category priority status channel satisfactionScore } } } } } } }",
        { n: 500 },
      ),
    }),
    "COST_LIMIT_EXCEEDED",
  ],
  [
    "a cost over the limit through a variable's default value",
    (target) => ({
      body: op(
        target === "gateway"
          ? "query ($n: Int = 500) { customers(first: $n) { edges { node { transactions(first: $n) { edges { node { items { product { suppliers { supplier { id } } } } } } } } } } }"
          : "query ($n: Int = 500) { customers(first: $n) { edges { node { supportTickets(first: $n) { edges { node { id createdDate resolvedDate category priority status channel satisfactionScore } } } } } } }",
      ),
    }),
    "COST_LIMIT_EXCEEDED",
  ],
];

describe("request limits", () => {
  for (const [name, make, code] of cases) {
    it(`rejects ${name} with ${code} and no SQL, at the gateway and at a subgraph`, async () => {
      for (const [target, url] of [
        ["gateway", t.stack.gatewayUrl],
        ["subgraph", t.stack.subgraphUrls.customer as string],
      ] as const) {
        const { body, headers } = make(target);
        expect({ url, ...(await attempt(url, body, headers)) }).toEqual({
          url,
          status: code === "REQUEST_TOO_LARGE" ? 413 : 400,
          codes: [code],
          statements: 0,
        });
      }
    });
  }

  it("caps _entities representations at a subgraph called directly", async () => {
    const query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }";
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: "Customer", id: `C${i}` }));
    const url = t.stack.subgraphUrls.customer as string;
    expect(await attempt(url, op(query, { r: many(limits.entities + 1) }))).toEqual({
      status: 400,
      codes: ["ENTITY_LIMIT_EXCEEDED"],
      statements: 0,
    });
    // 10,000 representations do not even fit the body limit.
    expect(await attempt(url, op(query, { r: many(10_000) }))).toEqual({
      status: 413,
      codes: ["REQUEST_TOO_LARGE"],
      statements: 0,
    });
  });

  it("refuses a fragment bomb sent by GET straight at a subgraph, with no SQL", async () => {
    const url = new URL(t.stack.subgraphUrls.customer as string);
    url.searchParams.set("query", fragmentBomb(24));
    const before = await statements();
    const response = await send(t.stack, url.toString(), {
      method: "GET",
      headers: { authorization: `Bearer ${admin}`, "apollo-require-preflight": "1" },
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect({
      status: response.status,
      codes: body.errors?.map((e) => e.extensions?.code),
      statements: (await statements()) - before,
    }).toEqual({ status: 400, codes: ["COST_LIMIT_EXCEEDED"], statements: 0 });
  });

  it("refuses batched requests and a fragment cycle", async () => {
    expect(
      await attempt(t.stack.gatewayUrl, JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }])),
    ).toEqual({
      status: 400,
      codes: ["BAD_REQUEST"],
      statements: 0,
    });
    const cycle = await attempt(
      t.stack.gatewayUrl,
      op("{ customers { ...A } } fragment A on CustomerConnection { ...B } fragment B on CustomerConnection { ...A }"),
    );
    expect(cycle).toMatchObject({ status: 400, codes: ["GRAPHQL_VALIDATION_FAILED"], statements: 0 });
  });

  it("accepts the deepest real operation: the deep customer tree just under the limits", async () => {
    const result = await attempt(t.stack.gatewayUrl, op(deep(limits.depth)));
    expect(result).toMatchObject({ status: 200, codes: [] });
    // ...and it did run SQL: the statement count the rejections are held to is a live one.
    expect(result.statements).toBeGreaterThan(0);
  });
});
