import { join } from "node:path";
import { importDirectory } from "@c360/db";
import type { Stack } from "@c360/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { send, startTestStack, type TestStack, type TrailSettings } from "../testkit/stack";

/**
 * What an access event keeps of a request beside its fields: why it read (`x-c360-purpose`), its id,
 * and its variables with the values of secret inputs masked; and a role configured to say why it
 * reads personal data.
 */
const fixtures = join(import.meta.dirname, "../../db/test/fixtures/mini");

type Stacked = TestStack<Stack & { trail: TrailSettings }>;
let free: Stacked;
let coded: Stacked;
let care: string;
let auditor: string;
beforeAll(async () => {
  const load = ({ db }: { db: Stacked["db"] }) => importDirectory(db, fixtures);
  free = await startTestStack(load, { C360_PURPOSE_REQUIRED_ROLES: "customer_care" });
  coded = await startTestStack(load, { C360_PURPOSES: "support-case,fraud-review" });
  care = await tokenFor("customer_care", { subject: "purpose-care" });
  auditor = await tokenFor("auditor");
});
afterAll(async () => {
  await free?.dispose();
  await coded?.dispose();
});

/** POSTs `query` to `t`'s gateway as `token`, with these headers. */
async function ask(t: Stacked, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await send(t.stack, t.stack.gatewayUrl, {
    headers: { "content-type": "application/json", authorization: `Bearer ${care}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function eventOf(t: Stacked, requestId: string) {
  await t.stack.audit.flush();
  const [event] = await t.db.query<{ purpose: string | null; variables: string | null; outcome: string }>(
    "SELECT purpose, variables, outcome FROM audit.access_events WHERE request_id = $1",
    [requestId],
  );
  return event;
}

const lookup = "query Lookup($id: ID!) { customer(id: $id) { id email } }";

describe("a request's purpose", () => {
  it("is required of a role configured so, for personal data only: PURPOSE_REQUIRED otherwise, and recorded", async () => {
    const refused = await ask(free, lookup, { id: "CUST001" }, { "x-request-id": "purpose-none" });
    expect(refused).toEqual({
      status: 403,
      body: {
        errors: [
          {
            message: expect.stringContaining("send the x-c360-purpose header"),
            extensions: { code: "PURPOSE_REQUIRED" },
          },
        ],
      },
    });
    expect(await eventOf(free, "purpose-none")).toMatchObject({ purpose: null, outcome: "invalid" });
    const given = await ask(
      free,
      lookup,
      { id: "CUST001" },
      { "x-request-id": "purpose-given", "x-c360-purpose": "Ticket 4711: address change" },
    );
    expect(given.status).toBe(200);
    expect(given.body.errors).toBeUndefined();
    expect(await eventOf(free, "purpose-given")).toMatchObject({
      purpose: "Ticket 4711: address change",
      variables: '{"id":"CUST001"}',
      outcome: "ok",
    });
    // Nothing personal: no purpose needed.
    const plain = await ask(free, "{ __typename }", {}, { "x-request-id": "purpose-plain" });
    expect(plain).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
  });

  it("is found by accessEvents(filter: { purpose })", async () => {
    const found = await free.query<{ accessEvents: { edges: { node: Record<string, unknown> }[] } }>(
      '{ accessEvents(filter: { purpose: "Ticket 4711: address change" }) { edges { node { subject purpose requestId variables } } } }',
      {},
      { token: auditor },
    );
    expect(found.data?.accessEvents.edges.map((e) => e.node)).toEqual([
      {
        subject: "purpose-care",
        purpose: "Ticket 4711: address change",
        requestId: "purpose-given",
        variables: '{"id":"CUST001"}',
      },
    ]);
  });

  it("is bounded printable text, or one of the configured codes: anything else is BAD_USER_INPUT naming the header", async () => {
    const bad = async (t: Stacked, purpose: string) => {
      const answer = await ask(t, lookup, { id: "CUST001" }, { "x-c360-purpose": purpose });
      return [answer.status, (answer.body.errors as { extensions: { code: string }; message: string }[])[0]];
    };
    for (const purpose of ["x".repeat(201), "   ", "line\x85break"])
      expect(await bad(free, purpose)).toEqual([
        400,
        { message: expect.stringMatching(/^x-c360-purpose: /), extensions: { code: "BAD_USER_INPUT" } },
      ]);
    for (const purpose of ["Support-Case", "__proto__", "constructor", "support-case,fraud-review"])
      expect(await bad(coded, purpose)).toEqual([
        400,
        {
          message: "x-c360-purpose: must be one of support-case, fraud-review",
          extensions: { code: "BAD_USER_INPUT" },
        },
      ]);
    const ok = await ask(
      coded,
      lookup,
      { id: "CUST001" },
      { "x-c360-purpose": "fraud-review", "x-request-id": "coded" },
    );
    expect(ok.status).toBe(200);
    expect(await eventOf(coded, "coded")).toMatchObject({ purpose: "fraud-review" });
  });
});

describe("a request's variables in the trail", () => {
  it("are kept with the values of secret inputs masked, however they reach them", async () => {
    const byEmail =
      "query ByEmail($e: String, $f: CustomerFilter) { a: customers(filter: { email: $e }) { totalCount } b: customers(filter: $f) { totalCount } }";
    const variables = {
      e: "sofia@example.test",
      f: { phone: "+1 555 0103", segment: "VIP", name: "Sofia" },
      unused: "kept",
    };
    // A variable named __proto__ is a value like any other, kept as sent.
    const body = JSON.stringify({ query: byEmail, variables }).replace(
      '"unused":"kept"',
      '"__proto__":{"polluted":true},"unused":"kept"',
    );
    const response = await send(coded.stack, coded.stack.gatewayUrl, {
      headers: {
        "content-type": "application/json",
        "x-request-id": "masked",
        authorization: `Bearer ${await tokenFor("c360_admin")}`,
      },
      body,
    });
    expect(response.status).toBe(200);
    const event = await eventOf(coded, "masked");
    expect(event?.variables).toBe(
      '{"e":"***","f":{"phone":"***","segment":"VIP","name":"***"},"__proto__":{"polluted":true},"unused":"kept"}',
    );
    expect(event?.variables).not.toContain("sofia");
    expect(event?.variables).not.toContain("555");
  });
});
