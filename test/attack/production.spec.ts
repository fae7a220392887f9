import { mintToken } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { seed } from "@c360/db";
import { recordedOperations } from "@c360/gateway";
import { SIGNATURE_HEADER, sign, subgraphSecret } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, send, startProcessTestStack, type TestStack } from "../testkit/stack";

/**
 * The stack in production mode. On Postgres its six processes always run so; on PGlite the in-process
 * stack does, with a real secret (production refuses the development one).
 */
let t: TestStack<Endpoints>;
const saved = { NODE_ENV: process.env.NODE_ENV, C360_SUBGRAPH_SECRET: process.env.C360_SUBGRAPH_SECRET };
beforeAll(async () => {
  process.env.NODE_ENV = "production";
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

type Body = { data?: unknown; errors?: { message: string; path?: unknown; extensions?: Record<string, unknown> }[] };
const unauthenticatedSignature = {
  status: 401,
  body: { errors: [{ message: "a valid gateway signature is required", extensions: { code: "UNAUTHENTICATED" } }] },
};

/** A request straight to the customer subgraph, with a signature computed over `signed` (or none). */
async function direct(options: {
  method?: "GET" | "POST";
  query: string;
  token: string;
  signed?: { authorization?: string; method?: string; target?: string; at?: number } | false;
}) {
  const method = options.method ?? "POST";
  const url = new URL(t.stack.subgraphUrls.customer as string);
  const body = method === "POST" ? JSON.stringify({ query: options.query }) : "";
  if (method === "GET") url.searchParams.set("query", options.query);
  const authorization = `Bearer ${options.token}`;
  const headers: Record<string, string> = { authorization, "apollo-require-preflight": "true" };
  if (method === "POST") headers["content-type"] = "application/json";
  if (options.signed !== false) {
    const secret = subgraphSecret(t.stack.subgraphSecret, "customer") as Buffer;
    const s = options.signed ?? {};
    headers[SIGNATURE_HEADER] = sign(
      secret,
      {
        method: s.method ?? method,
        target: s.target ?? `${url.pathname}${url.search}`,
        authorization: s.authorization ?? authorization,
        body,
      },
      s.at ?? Date.now(),
    );
  }
  const response = await send(t.stack, url.toString(), {
    method,
    headers,
    ...(method === "POST" ? { body } : {}),
    unsigned: true,
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const pii = '{ customer(id: "CUST001") { id email phone } }';

describe("production mode: subgraph trust", () => {
  it("makes subgraphs require the gateway's signature, checked before parsing", async () => {
    const admin = await tokenFor("c360_admin");
    expect(await direct({ query: '{ customer(id: "CUST001") { id } }', token: admin, signed: false })).toEqual(
      unauthenticatedSignature,
    );
    const forged = await send(t.stack, t.stack.subgraphUrls.customer as string, {
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      },
      body: "{ not even json",
      unsigned: true,
    });
    expect(forged.status).toBe(401);
    expect(await direct({ query: '{ customer(id: "CUST001") { id } }', token: admin })).toEqual({
      status: 200,
      body: { data: { customer: { id: "CUST001" } } },
    });
    expect(await t.query('{ customer(id: "CUST001") { id } }')).toEqual({ data: { customer: { id: "CUST001" } } });
  });

  it("verifies GET like POST: an unsigned GET reads nothing", async () => {
    const care = await tokenFor("customer_care");
    expect(await direct({ method: "GET", query: pii, token: care, signed: false })).toEqual(unauthenticatedSignature);
    const signed = await direct({ method: "GET", query: pii, token: care });
    expect(signed.status).toBe(200);
    expect(signed.body.data).toEqual({
      customer: { id: "CUST001", email: expect.any(String), phone: expect.any(String) },
    });
  });

  it("binds the signature to the Authorization header, the method and the query string", async () => {
    const admin = await tokenFor("c360_admin");
    const care = await tokenFor("customer_care");
    // A request signed for the customer_care token, replayed with the admin's token.
    expect(await direct({ query: pii, token: admin, signed: { authorization: `Bearer ${care}` } })).toEqual(
      unauthenticatedSignature,
    );
    expect(await direct({ method: "GET", query: pii, token: care, signed: { method: "POST" } })).toEqual(
      unauthenticatedSignature,
    );
    expect(
      await direct({ method: "GET", query: pii, token: care, signed: { target: "/graphql?query=%7B%20x%20%7D" } }),
    ).toEqual(unauthenticatedSignature);
  });

  it("refuses signatures older than a minute or from the future, beyond a few seconds of clock skew", async () => {
    const admin = await tokenFor("c360_admin");
    const query = '{ customer(id: "CUST001") { id } }';
    for (const offset of [-61_000, 30_000, 3_600_000])
      expect(await direct({ query, token: admin, signed: { at: Date.now() + offset } })).toEqual(
        unauthenticatedSignature,
      );
    expect((await direct({ query, token: admin, signed: { at: Date.now() + 2_000 } })).status).toBe(200);
  });
});

describe("production mode: what clients see", () => {
  it("refuses introspection", async () => {
    const response = await t.query("{ __schema { types { name } } }");
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(response)).not.toContain("Customer");
  });

  it("answers /metrics to no one when no metrics token is configured: 404, as a path not served", async () => {
    for (const url of [t.stack.gatewayUrl, t.stack.subgraphUrls.customer as string]) {
      const response = await fetch(url.replace(/\/graphql$/, "/metrics"), {
        headers: { authorization: `Bearer ${await tokenFor("c360_admin")}` },
      });
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 404,
        body: { errors: [{ message: "not found", extensions: { code: "NOT_FOUND" } }] },
      });
    }
  });

  it("gives no suggestion for a misspelt field", async () => {
    const response = await t.query('{ customer(id: "CUST001") { emial } }');
    expect(response.errors?.map((e) => e.message)).toEqual(['Cannot query field "emial" on type "Customer".']);
  });

  it("turns a database error into the generic message, at the gateway and at the subgraph", async () => {
    await t.db.query("ALTER TABLE customer.loyalty_program RENAME TO loyalty_program_gone");
    try {
      const query = '{ customer(id: "CUST001") { id loyalty { loyaltyTier } } }';
      const admin = await tokenFor("c360_admin");
      for (const response of [await t.query(query), (await direct({ query, token: admin })).body]) {
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

describe("production mode: a page of tickets read ahead with its customer", () => {
  const query = `query ($first: Int, $after: String) { customer(id: "CUST001") { id
    supportTickets(first: $first, after: $after) { totalCount edges { node { id } } } } }`;
  const ask = async (variables: Record<string, unknown>) => {
    const response = await send(t.stack, t.stack.gatewayUrl, {
      headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor("c360_admin")}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };

  it("answers the customer, and the field's coded error, for hostile cursors and sizes", async () => {
    for (const variables of [
      { after: "__proto__" },
      { after: "constructor" },
      { after: "\u0001\u001f" },
      { after: "x".repeat(10_000) },
      { after: "" },
      { first: 100_000 },
      { first: -1 },
    ]) {
      const { status, body } = await ask(variables);
      expect(status).toBe(200);
      const data = body.data as { customer: { id: string; supportTickets: unknown } } | undefined;
      if (variables.after === "") {
        // An empty cursor is the first page.
        expect(body.errors).toBeUndefined();
        continue;
      }
      expect(data?.customer.id).toBe("CUST001");
      expect(data?.customer.supportTickets).toBeNull();
      expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
        [["customer", "supportTickets"], "BAD_USER_INPUT"],
      ]);
    }
  });

  it("refuses a NUL or a value of the wrong type with a coded 400, before anything runs", async () => {
    for (const variables of [{ after: "a\u0000b" }, { first: "ten" }, { first: { n: 1 } }, { after: ["x"] }]) {
      const { status, body } = await ask(variables);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|BAD_REQUEST)$/);
    }
  });
});

describe("production mode: trusted documents", () => {
  const customer360 = recordedOperations().find((op) => op.name === "Customer360")?.query as string;
  const ask = async (query: string, role: Parameters<typeof tokenFor>[0]) => {
    const response = await send(t.stack, t.stack.gatewayUrl, {
      headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor(role)}` },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };

  it("customer_care runs a registered document, by its exact text", async () => {
    const { status, body } = await ask(customer360, "customer_care");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("refuses customer_care any other document, coded, before execution; other roles are not held to them", async () => {
    for (const query of ['{ customer(id: "CUST001") { id email } }', `${customer360} `]) {
      const { status, body } = await ask(query, "customer_care");
      expect(status).toBe(403);
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(body.errors?.[0]?.message).toContain("trusted documents");
    }
    expect((await ask('{ customer(id: "CUST001") { id customerSegment } }', "marketing_analyst")).status).toBe(200);
  });

  it("holds customer care with any second role but one that lifts the hold (c360_admin)", async () => {
    const withRoles = async (roles: string[]) => {
      const token = await mintToken(loadConfig().identity, { subject: "care-and-more", roles });
      const response = await send(t.stack, t.stack.gatewayUrl, {
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ customer(id: "CUST001") { id email } }' }),
      });
      return { status: response.status, code: ((await response.json()) as Body).errors?.[0]?.extensions?.code };
    };
    for (const roles of [
      ["customer_care", "cx_funnel_analyst"],
      ["cx_funnel_analyst", "customer_care"],
      ["customer_care", "marketing_analyst"],
    ])
      expect({ roles, ...(await withRoles(roles)) }).toEqual({ roles, status: 403, code: "FORBIDDEN" });
    expect(await withRoles(["customer_care", "c360_admin"])).toEqual({ status: 200, code: undefined });
  });
});

describe("production mode: the person trail's inputs", () => {
  const post = async (body: unknown, role: Parameters<typeof tokenFor>[0], subject?: string) => {
    const response = await send(t.stack, t.stack.gatewayUrl, {
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await tokenFor(role, subject ? { subject } : {})}`,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };
  const sightings = "query ($id: String) { accessEvents(filter: { customerId: $id }) { edges { node { id } } } }";

  it("takes any text as a customerId filter, and refuses a NUL or another type with a coded 400", async () => {
    for (const id of ["constructor", "__proto__", "a\u0007\u001bb", "{CUST001}", "x".repeat(10_000), ""]) {
      const { status, body } = await post({ query: sightings, variables: { id } }, "auditor");
      expect({ status, errors: body.errors }, JSON.stringify(id).slice(0, 40)).toEqual({
        status: 200,
        errors: undefined,
      });
      expect(body.data).toEqual({ accessEvents: { edges: [] } });
    }
    for (const id of ["a\u0000b", 5, { id: "CUST001" }, ["CUST001"]]) {
      const { status, body } = await post({ query: sightings, variables: { id } }, "auditor");
      expect(status, JSON.stringify(id)).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("records only what the subgraphs answered: a client's own personalData extension is no sighting", async () => {
    const forged = { keys: ["FORGED-1"], truncated: true };
    const { status } = await post(
      { query: '{ customer(id: "CUST001") { id customerSegment } }', extensions: { personalData: forged } },
      "marketing_analyst",
      "forger",
    );
    expect(status).toBe(200);
    let events: { customer_ids: string[]; customer_ids_truncated: boolean }[] = [];
    for (let i = 0; i < 50 && !events.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      events = await t.db.query(
        "SELECT customer_ids, customer_ids_truncated FROM audit.access_events WHERE subject = 'forger'",
      );
    }
    // The segment read is CUST001's personal data; the forged persons are nobody's.
    expect(events).toEqual([{ customer_ids: ["CUST001"], customer_ids_truncated: false }]);
  });
});
