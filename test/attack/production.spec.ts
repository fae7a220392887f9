import { seed } from "@c360/db";
import { SIGNATURE_HEADER, sign, subgraphSecret } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, startProcessTestStack, type TestStack } from "../testkit/stack";

/** The stack as NODE_ENV=production starts it (with a real secret: production refuses the dev one). */
let t: TestStack<Endpoints>;
const saved = {
  NODE_ENV: process.env.NODE_ENV,
  C360_JWT_SECRET: process.env.C360_JWT_SECRET,
  C360_SUBGRAPH_SECRET: process.env.C360_SUBGRAPH_SECRET,
};
beforeAll(async () => {
  process.env.NODE_ENV = "production";
  process.env.C360_JWT_SECRET = "a-production-secret-for-the-attack-suite-0123456789";
  process.env.C360_SUBGRAPH_SECRET = "the-gateway-signs-subgraph-requests-with-this-0123";
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
});
afterAll(async () => {
  await t.dispose();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** POSTs to a subgraph directly, signed as the gateway would sign it (or not at all). */
async function direct(name: string, query: string, signed: boolean) {
  const body = JSON.stringify({ query });
  const secret = subgraphSecret(name) as Buffer;
  const response = await fetch(t.stack.subgraphUrls[name] as string, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await tokenFor("c360_admin")}`,
      ...(signed ? { [SIGNATURE_HEADER]: sign(secret, body) } : {}),
    },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; path?: unknown; extensions?: Record<string, unknown> }[];
    },
  };
}

describe("production mode", () => {
  it("makes subgraphs require the gateway's signature, checked before parsing", async () => {
    const unsigned = await direct("customer", '{ customer(id: "CUST001") { id } }', false);
    expect(unsigned).toEqual({
      status: 401,
      body: { errors: [{ message: "a valid gateway signature is required", extensions: { code: "UNAUTHENTICATED" } }] },
    });
    const forged = await fetch(t.stack.subgraphUrls.customer as string, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      },
      body: "{ not even json",
    });
    expect(forged.status).toBe(401);
    expect(await direct("customer", '{ customer(id: "CUST001") { id } }', true)).toEqual({
      status: 200,
      body: { data: { customer: { id: "CUST001" } } },
    });
    expect(await t.query('{ customer(id: "CUST001") { id } }')).toEqual({ data: { customer: { id: "CUST001" } } });
  });

  it("refuses introspection", async () => {
    const response = await t.query("{ __schema { types { name } } }");
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(response)).not.toContain("Customer");
  });

  it("gives no suggestion for a misspelt field", async () => {
    const response = await t.query('{ customer(id: "CUST001") { emial } }');
    expect(response.errors?.map((e) => e.message)).toEqual(['Cannot query field "emial" on type "Customer".']);
  });

  it("turns a database error into the generic message, at the gateway and at the subgraph", async () => {
    await t.db.query("ALTER TABLE customer.loyalty_program RENAME TO loyalty_program_gone");
    try {
      const query = '{ customer(id: "CUST001") { id loyalty { loyaltyTier } } }';
      for (const response of [await t.query(query), (await direct("customer", query, true)).body]) {
        expect(response.errors?.map(({ message, path, extensions }) => ({ message, path, extensions }))).toEqual([
          {
            message: "Internal server error",
            path: ["customer", "loyalty"],
            extensions: { code: "INTERNAL_SERVER_ERROR" },
          },
        ]);
        const text = JSON.stringify(response);
        for (const secret of ["loyalty_program", "select", "relation", "127.0.0.1", "postgres", "4001"])
          expect(text).not.toContain(secret);
      }
    } finally {
      await t.db.query("ALTER TABLE customer.loyalty_program_gone RENAME TO loyalty_program");
    }
  });
});
