import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, startProcessTestStack, type TestStack } from "../testkit/stack";

let t: TestStack<Endpoints>;
let de: string;
let germans: string[];
/** One US customer and the facts hanging off them; every German transaction and shipment id. */
let us: { customer: string; transaction: string; shipment: string; tracking: string };
let german: { transactions: string[]; shipments: string[]; transaction: string };
let all: { transactions: string[]; shipments: string[] };
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  de = await tokenFor("c360_admin", { markets: ["DE"] });
  const ids = async (sql: string) => (await t.db.query<{ id: string }>(sql)).map((r) => r.id);
  germans = await ids("SELECT customer_id AS id FROM customer.customers WHERE country = 'Germany' ORDER BY 1");
  [us] = (await t.db.query(
    `SELECT t.customer_id AS customer, t.transaction_id AS transaction, s.shipment_id AS shipment, s.tracking_number AS tracking
     FROM sales.transactions t JOIN logistics.shipments s USING (transaction_id)
     JOIN customer.customers c ON c.customer_id = t.customer_id WHERE c.country = 'USA' ORDER BY 2 LIMIT 1`,
  )) as [typeof us];
  const germanTransactions = await ids(
    "SELECT transaction_id AS id FROM sales.transactions JOIN customer.customers USING (customer_id) WHERE country = 'Germany' ORDER BY 1",
  );
  german = {
    transactions: germanTransactions,
    shipments: await ids(
      `SELECT s.shipment_id AS id FROM logistics.shipments s JOIN sales.transactions t USING (transaction_id)
       JOIN customer.customers c ON c.customer_id = t.customer_id WHERE c.country = 'Germany' ORDER BY 1`,
    ),
    transaction: germanTransactions[0] as string,
  };
  all = {
    transactions: await ids("SELECT transaction_id AS id FROM sales.transactions ORDER BY 1"),
    shipments: await ids("SELECT shipment_id AS id FROM logistics.shipments ORDER BY 1"),
  };
});
afterAll(() => t.dispose());

/** `_entities` straight at a subgraph, with the DE token. */
const entities = (subgraph: string, representations: unknown[], selection: string) =>
  t.query<{ _entities: unknown[] }>(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
    { r: representations },
    { url: t.stack.subgraphUrls[subgraph], token: de },
  );

describe("row scope by the markets claim: customers", () => {
  it("lists only the caller's markets' customers, and counts only them", async () => {
    expect(germans.length).toBeGreaterThan(0);
    const result = await t.query<{
      customers: { totalCount: number; edges: { node: { id: string; country: string } }[] };
    }>("{ customers(first: 500) { totalCount edges { node { id country } } } }", {}, { token: de });
    expect(result.data?.customers.totalCount).toBe(germans.length);
    expect(result.data?.customers.edges.map((e) => e.node)).toEqual(germans.map((id) => ({ id, country: "Germany" })));
  });

  it("answers a customer outside the markets exactly like one that does not exist, also through _entities", async () => {
    const outside = await t.query(`{ customer(id: "${us.customer}") { id } }`, {}, { token: de });
    const missing = await t.query('{ customer(id: "NO_SUCH_CUSTOMER") { id } }', {}, { token: de });
    expect(outside).toEqual({ data: { customer: null } });
    expect(missing).toEqual({ data: { customer: null } });
    expect(
      await entities(
        "customer",
        [
          { __typename: "Customer", id: us.customer },
          { __typename: "Customer", id: germans[0] },
        ],
        "... on Customer { id email }",
      ),
    ).toEqual({
      data: { _entities: [null, { id: germans[0], email: expect.any(String) }] },
      // The subgraph reports whose personal data it answered, for the trail: the customer in scope only.
      extensions: { personalData: { keys: [germans[0]], truncated: false } },
    });
  });
});

describe("row scope by the markets claim: sales and logistics facts", () => {
  it("answers another market's transaction, shipment and tracking number like missing ones", async () => {
    const result = await t.query(
      `{ transaction(id: "${us.transaction}") { id totalAmount }
         shipment(id: "${us.shipment}") { id destinationAddress }
         shipmentByTrackingNumber(trackingNumber: "${us.tracking}") { id destinationAddress } }`,
      {},
      { token: de },
    );
    expect(result).toEqual({ data: { transaction: null, shipment: null, shipmentByTrackingNumber: null } });
    const own = await t.query<{ transaction: { id: string; customer: { id: string } } }>(
      `{ transaction(id: "${german.transaction}") { id customer { id } } }`,
      {},
      { token: de },
    );
    expect(own.data?.transaction.id).toBe(german.transaction);
    expect(germans).toContain(own.data?.transaction.customer.id);
  });

  it("gives no purchase summary, transaction or shipment of another market through _entities", async () => {
    expect(
      await entities(
        "sales",
        [
          { __typename: "Customer", id: us.customer },
          { __typename: "Transaction", id: us.transaction },
        ],
        `... on Customer { id purchaseSummary { transactionCount totalSpent } transactions { totalCount edges { node { id } } } }
         ... on Transaction { id totalAmount }`,
      ),
    ).toEqual({
      data: {
        _entities: [
          {
            id: us.customer,
            purchaseSummary: { transactionCount: 0, totalSpent: "0.00" },
            transactions: { totalCount: 0, edges: [] },
          },
          null,
        ],
      },
      // An empty summary of that id is still noted under it: the trail errs towards naming.
      extensions: { personalData: { keys: [us.customer], truncated: false } },
    });
    expect(
      await entities(
        "logistics",
        [
          { __typename: "Shipment", id: us.shipment },
          { __typename: "Transaction", id: us.transaction },
        ],
        "... on Shipment { id destinationAddress } ... on Transaction { id shipments { id } }",
      ),
    ).toEqual({ data: { _entities: [null, { id: us.transaction, shipments: [] }] } });
    expect(
      await entities(
        "customer",
        [{ __typename: "Transaction", id: us.transaction, customerId: us.customer }],
        "... on Transaction { customer { id email } }",
      ),
    ).toEqual({ data: { _entities: [{ customer: null }] } });
  });

  it("cannot be enumerated: every transaction and shipment id asked for, only the market's come back", async () => {
    const found = async (subgraph: string, typename: string, ids: string[]) => {
      const result = await entities(
        subgraph,
        ids.map((id) => ({ __typename: typename, id })),
        `... on ${typename} { id }`,
      );
      return (result.data?._entities ?? []).flatMap((e) => (e ? [(e as { id: string }).id] : []));
    };
    expect(all.transactions.length).toBeLessThanOrEqual(1_000);
    expect(await found("sales", "Transaction", all.transactions)).toEqual(german.transactions);
    expect(await found("logistics", "Shipment", all.shipments)).toEqual(german.shipments);
  });

  it("returns regional sales of the caller's markets only", async () => {
    const result = await t.query<{ regionalSales: { country: string }[] }>(
      '{ regionalSales(filter: { from: "2025-01-01", to: "2025-01-31" }, grain: MONTH) { country totalRevenue } }',
      {},
      { token: de },
    );
    expect(new Set(result.data?.regionalSales.map((r) => r.country))).toEqual(new Set(["Germany"]));
  });

  it("counts no row outside the markets in dataProducts: market tables have no count, others do", async () => {
    const result = await t.query<{
      dataProducts: Record<string, { tables: { name: string; rowCount: number | null }[] }>;
    }>(
      "{ dataProducts { customer { tables { name rowCount } } sales { tables { name rowCount } } product { tables { name rowCount } } logistics { tables { name rowCount } } } }",
      {},
      { token: de },
    );
    const counts = Object.fromEntries(
      Object.values(result.data?.dataProducts ?? {}).flatMap((p) => p.tables.map((x) => [x.name, x.rowCount])),
    );
    for (const table of [
      "customer.customers",
      "customer.support_tickets",
      "sales.transactions",
      "sales.transaction_items",
      "sales.regional_sales",
      "logistics.shipments",
      "logistics.tracking_events",
    ])
      expect({ table, count: counts[table] }).toEqual({ table, count: null });
    expect(counts["product.products"]).toBeGreaterThan(0);
    expect(counts["logistics.warehouse_locations"]).toBeGreaterThan(0);
  });
});

describe("row scope by the markets claim: KPIs", () => {
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
