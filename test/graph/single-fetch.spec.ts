import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * An operation one subgraph answers whole is one fetch: the gateway passes that subgraph's data on as
 * it came when the fetch selects exactly what the operation does, and shapes it field by field
 * otherwise. Either way the client must get what the subgraph itself answers to the same document,
 * key for key and in the same order, whatever aliases, fragments, directives and variables shape it.
 */
let t: TestStack;
/** Customers with tickets, and the first quarter of KPI days. */
let ids: string[];
let kpiFrom: string;
beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }), {
    C360_RESPONSE_CACHE_MS: "0",
    C360_ENTITY_CACHE_MS: "0",
  });
  ids = (
    await t.db.query<{ id: string }>(
      "SELECT customer_id AS id FROM customer.support_tickets GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3",
    )
  ).map((r) => r.id);
  [{ kpiFrom }] = (await t.db.query('SELECT min(dt)::text AS "kpiFrom" FROM cx.kpi_purchase_daily')) as [
    { kpiFrom: string },
  ];
});
afterAll(() => t.dispose());

const cases: { name: string; subgraph: string; query: string; variables?: () => Record<string, unknown> }[] = [
  {
    name: "aliases, a field twice, named and inline fragments, __typename below the root",
    subgraph: "customer",
    query: `query A($id: ID!, $other: ID!) { first: customer(id: $id) { __typename id name: firstName firstName ...Contact
      ... on Customer { loyalty { tier: loyaltyTier pointsBalance } } }
      second: customer(id: $other) { id ...Contact } missing: customer(id: "NOPE") { id } }
      fragment Contact on Customer { email phone firstName }`,
    variables: () => ({ id: ids[0], other: ids[1] }),
  },
  {
    name: "@include and @skip from variables, one of them defaulted",
    subgraph: "customer",
    query: `query B($id: ID!, $with: Boolean!, $without: Boolean = true) { customer(id: $id) {
      id email @include(if: $with) phone @skip(if: $without) city @skip(if: $with)
      supportTickets(first: 3) @include(if: $with) { totalCount edges { cursor node { id status } } } } }`,
    variables: () => ({ id: ids[2], with: true }),
  },
  {
    name: "aliases named like prototype properties",
    subgraph: "customer",
    query: `query P($id: ID!) { constructor: customer(id: $id) { __proto__: id toString: firstName hasOwnProperty: email }
      valueOf: customers(first: 1) { totalCount } }`,
    variables: () => ({ id: ids[0] }),
  },
  {
    name: "a list of customers, pages nested in each",
    subgraph: "customer",
    query: `{ customers(first: 5, filter: { segment: "Premium" }) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id customerSegment supportTickets(first: 2) { edges { node { id priority } } } } } } }`,
  },
  {
    name: "KPI rollups under two aliases with their own arguments",
    subgraph: "cx-kpi",
    query: `query K($f: KpiFilter!) { weeks: purchaseKpis(filter: $f, grain: WEEK) { periodStart marketplace primeFlag orders pcr }
      months: purchaseKpis(filter: $f, grain: MONTH, groupBy: [MARKETPLACE]) { periodStart grain marketplace primeFlag orders } }`,
    variables: () => ({
      f: { from: kpiFrom, to: `${Number(kpiFrom.slice(0, 4)) + 1}${kpiFrom.slice(4)}`, marketplaces: ["US", "DE"] },
    }),
  },
  {
    name: "the root's __typename beside a field (the gateway answers __typename itself)",
    subgraph: "product",
    query: `{ __typename products(first: 3) { edges { node { id productName suppliers { isPrimary supplier { id supplierName } } } } } }`,
  },
];

async function answer(url: string, query: string, variables: Record<string, unknown>, token: string) {
  const body = JSON.stringify(await t.query(query, variables, { url, token }));
  return JSON.parse(body) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe("operations one subgraph answers", () => {
  for (const { name, subgraph, query, variables: of = () => ({}) } of cases)
    it(`answer as that subgraph does: ${name}`, async () => {
      const token = await tokenFor("c360_admin");
      const variables = of();
      const direct = await answer(t.stack.subgraphUrls[subgraph] as string, query, variables, token);
      const through = await answer(t.stack.gatewayUrl, query, variables, token);
      expect(direct.errors).toBeUndefined();
      expect(through.errors).toBeUndefined();
      const { __typename, ...data } = through.data ?? {};
      if (query.startsWith("{ __typename")) expect(__typename).toBe("Query");
      expect(JSON.stringify(data)).toBe(JSON.stringify({ ...direct.data, __typename: undefined }));
      expect(JSON.stringify(data).length).toBeGreaterThan(40);
    });

  it("refuses a NUL in a one-fetch document as the client's mistake, before any fetch", async () => {
    const token = await tokenFor("c360_admin");
    const query = `{ customers(first: 1, filter: { segment: "Pre\\u0000mium" }) { totalCount } }`;
    expect(await answer(t.stack.gatewayUrl, query, {}, token)).toMatchObject({
      errors: [{ extensions: { code: "BAD_USER_INPUT" } }],
    });
  });

  it("keeps a denied field null with its error, the rest as the subgraph answers it", async () => {
    const token = await tokenFor("marketing_analyst");
    const query = `query ($id: ID!) { customer(id: $id) { id customerSegment email loyalty { loyaltyTier } } }`;
    const direct = await answer(t.stack.subgraphUrls.customer as string, query, { id: ids[0] }, token);
    const through = await answer(t.stack.gatewayUrl, query, { id: ids[0] }, token);
    expect(through.data).toEqual(direct.data);
    expect(through.errors).toMatchObject([{ path: ["customer", "email"], extensions: { code: "FORBIDDEN" } }]);
  });
});
