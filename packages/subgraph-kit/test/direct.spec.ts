import { createTokenVerifier } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { type RunningServer, startSubgraph } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraph as customer } from "../../../subgraphs/customer/src/schema";
import { useSeededDatabase } from "../../../test/testkit/database";
import { answer, type DirectCase, leftToApollo } from "../../../test/testkit/direct";
import { tokenFor } from "../../../test/testkit/identity";

/**
 * The subgraph's plain requests run without Apollo Server (`HttpOptions.direct`): every answer must
 * be the one Apollo gives. The same production server answers each request twice: as sent (the direct
 * path) and with an Accept header the direct path leaves to Apollo (`application/json;q=0.9`, which
 * Apollo answers with the same content type). Status, content type and body must match byte for byte.
 */
const database = useSeededDatabase();
let server: RunningServer;
let id = "";

beforeAll(async () => {
  const config = { ...loadConfig(), production: true, subgraphSecret: undefined };
  server = await startSubgraph(customer, database().db, {
    port: 0,
    verify: await createTokenVerifier(config.identity),
    config,
  });
  id = (await database().db.query<{ id: string }>("SELECT min(customer_id) AS id FROM customer.customers"))[0]
    ?.id as string;
});
afterAll(() => server?.stop());

const ask = (token: string, body: unknown, via?: "direct" | "apollo") => answer(server.url, token, body, via);

describe("answers without Apollo Server's pipeline", () => {
  const cases: DirectCase[] = [
    ["a typename", "c360_admin", () => ({ query: "{ __typename }" })],
    [
      "a customer with personal data (the persons extension)",
      "c360_admin",
      () => ({
        query: "query C($id: ID!) { customer(id: $id) { id firstName email loyalty { loyaltyTier } } }",
        variables: { id },
      }),
    ],
    [
      "fields the role may not read (FORBIDDEN errors with partial data)",
      "marketing_analyst",
      () => ({ query: "query C($id: ID!) { customer(id: $id) { id email phone } }", variables: { id } }),
    ],
    [
      "the gateway's entity fetch",
      "customer_care",
      () => ({
        query:
          "query E($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id lastName } } }",
        variables: {
          representations: [
            { __typename: "Customer", id },
            { __typename: "Customer", id: "missing" },
          ],
        },
      }),
    ],
    [
      "a page past the limit (a coded refusal in a resolver)",
      "c360_admin",
      () => ({ query: "{ customers(first: 100000) { edges { node { id } } } }" }),
    ],
    [
      "aliases named like prototype properties",
      "c360_admin",
      () => ({ query: "{ constructor: __typename __proto__: __typename toString: __typename }" }),
    ],
    ...leftToApollo,
  ];
  for (const [name, role, body] of cases) {
    it(`gives Apollo's answer for ${name}`, async () => {
      const token = await tokenFor(role as never);
      const direct = await ask(token, body());
      const apollo = await ask(token, body(), "apollo");
      expect(direct).toEqual(apollo);
      expect(direct.type).toBe("application/json; charset=utf-8");
    });
  }

  it("carries the persons extension and the denial's code on the direct path", async () => {
    const admin = await ask(await tokenFor("c360_admin"), cases[1]?.[2]());
    expect(JSON.parse(admin.body).extensions?.personalData).toBeDefined();
    const analyst = await ask(await tokenFor("marketing_analyst"), cases[2]?.[2]());
    expect(JSON.parse(analyst.body).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
