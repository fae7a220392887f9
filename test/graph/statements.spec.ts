import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER_360, KPI, LIST } from "../../bench/scenarios";
import { tokenFor } from "../testkit/identity";
import { requestStatements, startTestStack, type TestStack } from "../testkit/stack";

/**
 * Every benchmark scenario's operation issues the same number of SQL statements whatever its page
 * size or range, counted at the driver (the access trail's writes aside): batching, not N+1.
 */
let t: TestStack;
beforeAll(async () => {
  // Every fetch reaches its subgraph: the gateway's entity cache would skip the product hop.
  t = await startTestStack(({ db }) => seed(db, { scale: 0.02, seed: 1 }), { C360_ENTITY_CACHE_MS: "0" });
});
afterAll(() => t.dispose());

async function statements(query: string, variables: Record<string, unknown>, role: Parameters<typeof tokenFor>[0]) {
  await t.stack.audit.flush();
  const before = requestStatements(t);
  const result = await t.query(query, variables, { token: await tokenFor(role) });
  expect(result.errors).toBeUndefined();
  await t.stack.audit.flush();
  return { count: requestStatements(t) - before, size: JSON.stringify(result).length };
}

const resized = (document: string, first: number) => document.replaceAll(/first: \d+/g, `first: ${first}`);

describe("statements per request do not grow with the page", () => {
  it("Customer 360: a page of 2 or of 50 transactions and tickets", async () => {
    const [{ id }] = (await t.db.query(
      "SELECT customer_id AS id FROM sales.transactions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
    )) as [{ id: string }];
    const small = await statements(resized(CUSTOMER_360, 2), { id }, "c360_admin");
    const large = await statements(resized(CUSTOMER_360, 50), { id }, "c360_admin");
    expect(large.size).toBeGreaterThan(small.size);
    // The customer with its loyalty and a page of its tickets; its transactions with their items and
    // its purchase summary; the items' products; the transactions' shipments with their tracking events.
    expect({ small: small.count, large: large.count }).toEqual({ small: 4, large: 4 });
  });

  it("customer list: 5 or 200 customers with loyalty and purchase summary", async () => {
    const small = await statements(resized(LIST, 5), { filter: {} }, "marketing_analyst");
    const large = await statements(resized(LIST, 200), { filter: {} }, "marketing_analyst");
    expect(large.size).toBeGreaterThan(10 * small.size);
    // The page with each customer's loyalty; the purchase summaries.
    expect({ small: small.count, large: large.count }).toEqual({ small: 2, large: 2 });
  });

  it("KPI rollups: a week or six months, by week or by month", async () => {
    const counts = [];
    for (const [to, grain] of [
      ["2025-04-07", "WEEK"],
      ["2025-09-30", "WEEK"],
      ["2025-09-30", "MONTH"],
    ])
      counts.push((await statements(KPI, { filter: { from: "2025-04-01", to }, grain }, "cx_lead")).count);
    expect(counts).toEqual([1, 1, 1]);
  });

  it("every root list (products, transactions, shipments, tickets, inventory, suppliers, locations, the trail): any page size", async () => {
    const products = (first: number) =>
      `{ products(first: ${first}) { edges { node { id cost suppliers { supplier { id } } inventoryLevels { available location { id } } } } } }`;
    const trail = (first: number) => `{ accessEvents(first: ${first}) { edges { node { id outcome } } } }`;
    const transactions = (first: number) =>
      `{ transactions(first: ${first}, orderBy: { field: DATE, direction: DESC }) { edges { node { id totalAmount items { id product { id salesSummary { units } } } shipments { id } } } } }`;
    const shipments = (first: number) =>
      `{ shipments(first: ${first}, filter: { late: false }) { edges { node { id onTime trackingEvents { id } origin { id locationName } } } } }`;
    const tickets = (first: number) =>
      `{ supportTickets(first: ${first}, orderBy: { field: CREATED_DATE }) { edges { node { id status } } } }`;
    const inventory = (first: number) =>
      `{ inventoryLevels(first: ${first}, orderBy: { field: AVAILABLE }) { edges { node { id available product { id productName } location { id } } } } }`;
    const lists = (first: number) =>
      `{ suppliers(first: ${first}) { edges { node { id products { isPrimary product { id } } } } } locations(first: ${first}) { edges { node { id } } } }`;
    for (const [make, role] of [
      [products, "c360_admin"],
      [trail, "auditor"],
      [transactions, "c360_admin"],
      [shipments, "logistics_ops"],
      [tickets, "c360_admin"],
      [inventory, "c360_admin"],
      [lists, "c360_admin"],
    ] as const) {
      const small = await statements(make(3), {}, role);
      const large = await statements(make(200), {}, role);
      expect({ role, large: large.count }).toEqual({ role, large: small.count });
    }
  });
});

describe("links from a record to its parent add statements per level, not per row", () => {
  it("tickets, sessions and loyalty to their customer; events to their shipment; shipments to their transaction", async () => {
    const customers = (first: number) =>
      `{ customers(first: ${first}) { edges { node { id loyalty { customer { id } }
        supportTickets(first: ${first}) { edges { node { customer { id customerSegment } } } }
        appSessions(first: ${first}) { edges { node { customer { id } } } } } } } }`;
    const tickets = (first: number) =>
      `{ supportTickets(first: ${first}) { edges { node { id customer { id country } } } } }`;
    const shipments = (first: number) =>
      `{ shipments(first: ${first}) { edges { node { id transaction { id totalAmount customer { id } } trackingEvents { id shipment { id carrier } } } } } }`;
    for (const make of [customers, shipments, tickets]) {
      const small = await statements(make(3), {}, "c360_admin");
      const large = await statements(make(200), {}, "c360_admin");
      expect({ query: make(0), large: large.count }).toEqual({ query: make(0), large: small.count });
    }
  });
});

describe("children read with their parent, through the graph", () => {
  const tickets = `query ($id: ID!, $first: Int, $after: String) { customer(id: $id) { id
    supportTickets(first: $first, after: $after) { totalCount edges { cursor node { id } } } } }`;
  const busiest = async () =>
    (
      (await t.db.query(
        "SELECT customer_id AS id FROM customer.support_tickets GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
      )) as [{ id: string }]
    )[0].id;

  it("answers a hostile page of tickets with the tickets' own coded error, and the customer itself", async () => {
    const id = await busiest();
    for (const variables of [{ after: "garbage" }, { first: 100_000 }, { first: -1 }, { after: "__proto__" }]) {
      const result = (await t.query(tickets, { id, ...variables })) as {
        data?: { customer: { id: string; supportTickets: unknown } | null };
        errors?: { path?: unknown[]; extensions?: { code?: string } }[];
      };
      expect(result.data?.customer?.id).toBe(id);
      expect(result.data?.customer?.supportTickets).toBeNull();
      expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
        [["customer", "supportTickets"], "BAD_USER_INPUT"],
      ]);
    }
  });

  it("pages tickets through cursors, and answers two aliased pages each their own", async () => {
    const id = await busiest();
    const first = (await t.query(tickets, { id, first: 2 })) as {
      data: { customer: { supportTickets: { totalCount: number; edges: { cursor: string; node: { id: string } }[] } } };
    };
    const page = first.data.customer.supportTickets;
    expect(page.totalCount).toBeGreaterThan(2);
    const next = (await t.query(tickets, { id, first: 2, after: page.edges[1]?.cursor })) as typeof first;
    const all = (await t.query(tickets, { id, first: 4 })) as typeof first;
    expect([...page.edges, ...next.data.customer.supportTickets.edges].map((e) => e.node.id)).toEqual(
      all.data.customer.supportTickets.edges.map((e) => e.node.id),
    );
    const aliased = (await t.query(
      `query ($id: ID!) { customer(id: $id) { a: supportTickets(first: 1) { edges { node { id } } }
        b: supportTickets(first: 4) { totalCount edges { node { id } } } } }`,
      { id },
    )) as {
      data: { customer: { a: { edges: unknown[] }; b: { totalCount: number; edges: { node: { id: string } }[] } } };
    };
    expect(aliased.data.customer.a.edges).toHaveLength(1);
    expect(aliased.data.customer.b.edges.map((e) => e.node.id)).toEqual(
      all.data.customer.supportTickets.edges.map((e) => e.node.id),
    );
  });
});
