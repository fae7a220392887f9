import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, startProcessTestStack, type TestStack } from "../testkit/stack";

let t: TestStack<Endpoints>;
let de: string;
let usCustomer: string;
let usTransaction: string;
let germans: string[];
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  de = await tokenFor("c360_admin", { markets: ["DE"] });
  germans = (
    await t.db.query<{ id: string }>(
      "SELECT customer_id AS id FROM customer.customers WHERE country = 'Germany' ORDER BY 1",
    )
  ).map((r) => r.id);
  [{ id: usCustomer }] = (await t.db.query(
    "SELECT min(customer_id) AS id FROM customer.customers WHERE country = 'USA'",
  )) as [{ id: string }];
  [{ id: usTransaction }] = (await t.db.query(
    "SELECT min(transaction_id) AS id FROM sales.transactions WHERE customer_id = $1",
    [usCustomer],
  )) as [{ id: string }];
});
afterAll(() => t.dispose());

describe("row scope by the markets claim", () => {
  it("lists only the caller's markets' customers, and counts only them", async () => {
    expect(germans.length).toBeGreaterThan(0);
    const result = await t.query<{
      customers: { totalCount: number; edges: { node: { id: string; country: string } }[] };
    }>("{ customers(first: 500) { totalCount edges { node { id country } } } }", {}, { token: de });
    expect(result.data?.customers.totalCount).toBe(germans.length);
    expect(result.data?.customers.edges.map((e) => e.node)).toEqual(germans.map((id) => ({ id, country: "Germany" })));
  });

  it("answers a customer outside the markets exactly like one that does not exist, also through _entities", async () => {
    const outside = await t.query(`{ customer(id: "${usCustomer}") { id } }`, {}, { token: de });
    const missing = await t.query('{ customer(id: "NO_SUCH_CUSTOMER") { id } }', {}, { token: de });
    expect(outside).toEqual({ data: { customer: null } });
    expect(missing).toEqual({ data: { customer: null } });
    const entities = await t.query(
      "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }",
      {
        r: [
          { __typename: "Customer", id: usCustomer },
          { __typename: "Customer", id: germans[0] },
        ],
      },
      { url: t.stack.subgraphUrls.customer, token: de },
    );
    expect(entities).toEqual({ data: { _entities: [null, { id: germans[0], email: expect.any(String) }] } });
  });

  it("hides the customer behind Transaction.customer", async () => {
    const result = await t.query(
      `{ transaction(id: "${usTransaction}") { id customer { id email } } }`,
      {},
      { token: de },
    );
    expect(result).toEqual({ data: { transaction: { id: usTransaction, customer: null } } });
  });

  it("returns KPI rows of the caller's markets only, whatever the filter asks", async () => {
    const all = await t.query<{ discoverKpis: { marketplace: string }[] }>(
      '{ discoverKpis(filter: { from: "2025-04-01", to: "2025-04-03" }) { marketplace } }',
      {},
      { token: de },
    );
    expect(new Set(all.data?.discoverKpis.map((r) => r.marketplace))).toEqual(new Set(["DE"]));
    expect(all.data?.discoverKpis).toHaveLength(3 * 2);
    const asked = await t.query<{ purchaseKpis: { marketplace: string }[] }>(
      '{ purchaseKpis(filter: { from: "2025-04-01", to: "2025-04-01", marketplaces: ["US", "DE"] }) { marketplace } }',
      {},
      { token: de },
    );
    expect(asked.data?.purchaseKpis.map((r) => r.marketplace)).toEqual(["DE", "DE"]);
    const totals = await t.query<{ fulfillmentKpis: { orders: number }[] }>(
      '{ fulfillmentKpis(filter: { from: "2025-04-02", to: "2025-04-02" }, groupBy: []) { orders } }',
      {},
      { token: de },
    );
    const [{ orders }] = (await t.db.query(
      "SELECT sum(orders)::int AS orders FROM cx.kpi_fulfillment_daily WHERE dt = '2025-04-02' AND marketplace = 'DE'",
    )) as [{ orders: number }];
    expect(totals.data?.fulfillmentKpis).toEqual([{ orders }]);
    expect(await t.query('{ marketplace(code: "US") { code } }', {}, { token: de })).toEqual({
      data: { marketplace: null },
    });
  });
});
