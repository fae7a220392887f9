import { join } from "node:path";
import { loadConfig } from "@c360/config";
import { importDirectory } from "@c360/db";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, startProcessTestStack, type TestStack } from "../testkit/stack";

const fixtures = join(import.meta.dirname, "../../db/test/fixtures/mini");
const secret = new TextEncoder().encode(loadConfig().identity.secret);
const now = Math.floor(Date.now() / 1000);

function signed(claims: { iss?: string; aud?: string; nbf?: number; exp?: number }) {
  return new SignJWT({ roles: ["c360_admin"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("attacker")
    .setIssuer(claims.iss ?? "c360")
    .setAudience(claims.aud ?? "c360-graph")
    .setNotBefore(claims.nbf ?? now)
    .setExpirationTime(claims.exp ?? now + 3600)
    .sign(secret);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

let t: TestStack<Endpoints>;
let attacks: [string, string | null][];
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => importDirectory(db, fixtures));
  const valid = await tokenFor("customer_care");
  const [header, , signature] = valid.split(".");
  attacks = [
    ["missing", null],
    ["malformed", "not-a-jwt"],
    ["expired", await signed({ exp: now - 60, nbf: now - 120 })],
    ["not yet valid", await signed({ nbf: now + 3600, exp: now + 7200 })],
    ["wrong iss", await signed({ iss: "someone-else" })],
    ["wrong aud", await signed({ aud: "another-api" })],
    [
      "alg none",
      `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "x", roles: ["c360_admin"], iss: "c360", aud: "c360-graph", exp: now + 3600 })}.`,
    ],
    [
      "tampered payload",
      `${header}.${b64({ sub: "x", roles: ["c360_admin"], iss: "c360", aud: "c360-graph", exp: now + 3600 })}.${signature}`,
    ],
  ];
});
afterAll(() => t.dispose());

async function post(url: string, token: string | null) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: token.includes(".") ? `Bearer ${token}` : token }),
    },
    body: JSON.stringify({ query: '{ customer(id: "CUST001") { id email } }' }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
  };
}

describe("token attacks", () => {
  it("are each UNAUTHENTICATED with nothing returned, at the gateway and at every subgraph called directly", async () => {
    const targets = { gateway: t.stack.gatewayUrl, ...t.stack.subgraphUrls };
    const outcomes: string[] = [];
    for (const [name, token] of attacks) {
      for (const [target, url] of Object.entries(targets)) {
        const { status, body } = await post(url, token);
        outcomes.push(
          `${name} @ ${target}: ${status} ${body.errors?.[0]?.extensions?.code} data=${JSON.stringify(body.data ?? null)}`,
        );
      }
    }
    expect(outcomes).toEqual(
      attacks.flatMap(([name]) =>
        Object.keys(targets).map((target) => `${name} @ ${target}: 401 UNAUTHENTICATED data=null`),
      ),
    );
  });

  it("lets a valid token through", async () => {
    const { status, body } = await post(t.stack.gatewayUrl, await tokenFor("c360_admin"));
    expect({ status, body }).toEqual({
      status: 200,
      body: { data: { customer: { id: "CUST001", email: "ada@example.test" } } },
    });
  });
});
