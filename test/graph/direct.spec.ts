import { createTokenVerifier } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { seed, trailKey } from "@c360/db";
import { type AccessEvent, AuditTrail, type RunningGateway, startGateway } from "@c360/gateway";
import { telemetryOf } from "@c360/subgraph-kit";
import { supergraphSdl } from "@c360/supergraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, type DirectCase, leftToApollo } from "../testkit/direct";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * The gateway's plain requests run without Apollo Server (`HttpOptions.direct`, the gateway's
 * executor called as Apollo calls it): every answer, and every access event, must be the one Apollo
 * gives. A production gateway (no response cache, so that each request runs) answers each request
 * twice: as sent (the direct path) and with an Accept header only Apollo takes
 * (`application/json;q=0.9`). Status, content type and body must match byte for byte, and so must
 * what the trail records of the two.
 */
class KeptTrail extends AuditTrail {
  readonly events: AccessEvent[] = [];
  override record(event: AccessEvent): void {
    this.events.push(event);
    super.record(event);
  }
}

let t: TestStack;
let gateway: RunningGateway;
let trail: KeptTrail;
let ids: string[];
let kpiFrom: string;

beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 3 }));
  const config = {
    ...loadConfig(),
    production: true,
    responseCache: { ttlMs: 0, maxBytes: 0 },
    entityCache: { ttlMs: 0, maxBytes: 0 },
  };
  const telemetry = telemetryOf("gateway", { ...config, logLevel: "silent" });
  trail = new KeptTrail(t.db, telemetry.log, { key: trailKey(config.trail.key) });
  gateway = await startGateway({
    supergraphSdl: supergraphSdl(),
    subgraphUrls: t.stack.subgraphUrls,
    port: 0,
    verify: await createTokenVerifier(config.identity),
    audit: trail,
    db: t.db,
    config,
    telemetry,
  });
  ids = (
    await t.db.query<{ id: string }>(
      "SELECT customer_id AS id FROM sales.transactions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2",
    )
  ).map((r) => r.id);
  [{ kpiFrom }] = (await t.db.query('SELECT min(dt)::text AS "kpiFrom" FROM cx.kpi_purchase_daily')) as [
    { kpiFrom: string },
  ];
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  await t?.dispose();
});

const ask = (token: string, body: unknown, via?: "direct" | "apollo") => answer(gateway.url, token, body, via);

/** An access event without what differs between two requests of the same document (time, request). */
const comparable = ({ occurredAt: _, requestId: __, ...event }: AccessEvent) => event;

const CUSTOMER_360 = `query Customer360($id: ID!) { customer(id: $id) {
  id firstName email loyalty { loyaltyTier } purchaseSummary { transactionCount totalSpent }
  transactions(first: 3) { edges { node { id totalAmount items { quantity product { id productName } }
    shipments { trackingNumber trackingEvents { eventType } } } } } } }`;

const cases: DirectCase[] = [
  ["a typename (a plan without fetches)", "c360_admin", () => ({ query: "{ __typename }" })],
  [
    "one customer (one fetch, passed on as it came)",
    "c360_admin",
    () => ({
      query: "query OneHop($id: ID!) { customer(id: $id) { id firstName lastName email } }",
      variables: { id: ids[0] },
    }),
  ],
  [
    "a Customer 360 (four subgraphs, entity fetches, the persons extension)",
    "c360_admin",
    () => ({ query: CUSTOMER_360, variables: { id: ids[1] } }),
  ],
  [
    "fields the role may not read (FORBIDDEN errors with partial data)",
    "marketing_analyst",
    () => ({ query: CUSTOMER_360, variables: { id: ids[0] } }),
  ],
  ["a customer that does not exist", "c360_admin", () => ({ query: CUSTOMER_360, variables: { id: "NOPE" } })],
  [
    "a NUL in a variable (refused before anything runs)",
    "c360_admin",
    () => ({ query: CUSTOMER_360, variables: { id: "NOPE\u0000" } }),
  ],
  [
    "a page past the limit (a subgraph's coded refusal)",
    "c360_admin",
    () => ({ query: "{ customers(first: 100000) { edges { node { id } } } }" }),
  ],
  [
    "a KPI range the subgraph refuses (a relayed BAD_USER_INPUT)",
    "cx_lead",
    () => ({
      query: "query K($f: KpiFilter!) { purchaseKpis(filter: $f, grain: WEEK) { periodStart orders } }",
      variables: { f: { from: kpiFrom, to: "1999-01-01" } },
    }),
  ],
  [
    "one of several operations by name, named fragments, aliases named like prototype properties",
    "c360_admin",
    () => ({
      query: `query A { __typename } query B($id: ID!) { constructor: customer(id: $id) { __proto__: id ...F } }
        fragment F on Customer { toString: firstName loyalty { loyaltyTier } }`,
      operationName: "B",
      variables: { id: ids[0] },
    }),
  ],
  [
    "variables named like prototype properties (a `__proto__` key of the JSON body, `constructor`)",
    "c360_admin",
    () =>
      JSON.parse(
        `{"query":"query Q($id: ID!) { customer(id: $id) { id } }","variables":{"__proto__":{"id":"x"},"constructor":1,"id":"${ids[0]}"}}`,
      ),
  ],
  [
    "only a `__proto__` key where the variable is required (BAD_USER_INPUT, not the prototype's value)",
    "c360_admin",
    () => JSON.parse('{"query":"query Q($id: ID!) { customer(id: $id) { id } }","variables":{"__proto__":{"id":"x"}}}'),
  ],
  [
    "a persisted-query extension beside the text, and an integer past 32 bits",
    "c360_admin",
    () => ({
      query: "{ customers(first: 99999999999999999999) { totalCount } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "00" } },
    }),
  ],
  ...leftToApollo,
];

describe("the gateway's answers without Apollo Server's pipeline", () => {
  for (const [name, role, body] of cases) {
    it(`gives Apollo's answer and access event for ${name}`, async () => {
      const token = await tokenFor(role as never);
      const before = trail.events.length;
      const direct = await ask(token, body());
      const apollo = await ask(token, body(), "apollo");
      expect(direct).toEqual(apollo);
      expect(direct.type).toBe("application/json; charset=utf-8");
      // Data, or a client's mistake with its code: never a 500.
      expect(direct.status).toBeLessThan(500);
      const [viaDirect, viaApollo] = trail.events.slice(before).map(comparable);
      expect(viaDirect).toEqual(viaApollo);
    });
  }

  it("records what each answer carried: coordinates, denials, persons", async () => {
    const admin = await tokenFor("c360_admin");
    const before = trail.events.length;
    const full = JSON.parse((await ask(admin, cases[2]?.[2]())).body);
    expect(full.errors).toBeUndefined();
    expect(full.data.customer.transactions.edges.length).toBeGreaterThan(0);
    const denied = JSON.parse((await ask(await tokenFor("marketing_analyst"), cases[3]?.[2]())).body);
    expect(denied.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain("FORBIDDEN");
    const [first, second] = trail.events.slice(before);
    expect(first?.coordinates).toEqual(expect.arrayContaining(["Query.customer", "Product.productName"]));
    expect(first?.customerIds).toEqual([ids[1]]);
    expect(first?.outcome).toBe("ok");
    expect(second?.denied).toContain("Customer.email");
    expect(second?.outcome).toBe("denied");
  });

  it("gives Apollo's answer and access event while a subgraph is down (the executor's plain errors)", async () => {
    await t.stack.subgraphServers.sales?.stop();
    const token = await tokenFor("c360_admin");
    const body = { query: CUSTOMER_360, variables: { id: ids[0] } };
    const before = trail.events.length;
    const direct = await ask(token, body);
    const apollo = await ask(token, body, "apollo");
    expect(direct).toEqual(apollo);
    const answered = JSON.parse(direct.body);
    expect(answered.data.customer.id).toBe(ids[0]);
    expect(answered.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain(
      "SERVICE_UNAVAILABLE",
    );
    const [viaDirect, viaApollo] = trail.events.slice(before).map(comparable);
    expect(viaDirect).toEqual(viaApollo);
  });
});
