import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../testkit/stack";

/** The stack as NODE_ENV=production starts it (with a real secret: production refuses the dev one). */
let t: TestStack;
const saved = { NODE_ENV: process.env.NODE_ENV, C360_JWT_SECRET: process.env.C360_JWT_SECRET };
beforeAll(async () => {
  process.env.NODE_ENV = "production";
  process.env.C360_JWT_SECRET = "a-production-secret-for-the-attack-suite-0123456789";
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
});
afterAll(async () => {
  await t.dispose();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("production mode", () => {
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
      for (const url of [t.stack.gatewayUrl, t.stack.subgraphUrls.customer]) {
        const response = await t.query('{ customer(id: "CUST001") { id loyalty { loyaltyTier } } }', {}, { url });
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
