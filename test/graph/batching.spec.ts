import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestStatements, startTestStack, type TestStack } from "../testkit/stack";

let t: TestStack;
beforeAll(async () => {
  // Every fetch reaches its subgraph: the gateway's entity cache would skip the product hop.
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }), { C360_ENTITY_CACHE_MS: "0" });
});
afterAll(() => t.dispose());

// Five transactions a customer: with every list at its largest, a hundred customers' trees of twenty
// would measure past the answer's byte limit (RESPONSE_TOO_LARGE) and never run.
const deepCustomers = `query ($first: Int!) {
  customers(first: $first) {
    edges { node { id
      transactions(first: 5) { edges { node { id
        items { id product { id productName suppliers { isPrimary supplier { id supplierName } } } }
        shipments { id trackingEvents { id eventType } }
      } } }
    } }
  }
}`;

/** SQL statements the subgraphs sent for one operation through the gateway (the access trail's writes aside). */
async function statementsFor(query: string, variables: Record<string, unknown>) {
  const before = requestStatements(t);
  const result = await t.query(query, variables);
  expect(result.errors).toBeUndefined();
  return { statements: requestStatements(t) - before, result };
}

describe("batching across the federated graph", () => {
  it("issues the same statements for 100 customers as for 10, one per subgraph, entity type and level", async () => {
    const ten = await statementsFor(deepCustomers, { first: 10 });
    const hundred = await statementsFor(deepCustomers, { first: 100 });
    expect(JSON.stringify(hundred.result).length).toBeGreaterThan(5 * JSON.stringify(ten.result).length);
    // customer: page (no count: totalCount is not selected); sales: transactions with their items;
    // product: products, supply links, suppliers; logistics: shipments with their tracking events.
    expect(ten.statements).toBe(6);
    expect(hundred.statements).toBe(ten.statements);
  });

  it("counts a root list's matches only when totalCount is selected, however it is selected", async () => {
    const plain = await statementsFor("{ customers(first: 5) { edges { node { id } } } }", {});
    const counted = await statementsFor("{ customers(first: 5) { totalCount edges { node { id } } } }", {});
    const throughFragment = await statementsFor(
      "{ customers(first: 5) { ...Total } } fragment Total on CustomerConnection { total: totalCount }",
      {},
    );
    expect([plain.statements, counted.statements, throughFragment.statements]).toEqual([1, 2, 2]);
    expect(throughFragment.result).toEqual({ data: { customers: { total: 100 } } });
  });

  it("walks every customer exactly once through all pages", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: {
        data?: {
          customers: {
            edges: { node: { id: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            totalCount: number;
          };
        } | null;
      } = await t.query(
        "query ($after: String) { customers(first: 7, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }",
        { after },
      );
      const connection = page.data?.customers;
      if (!connection) throw new Error("no page");
      expect(connection.totalCount).toBe(100);
      seen.push(...connection.edges.map((e) => e.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(15);
    expect(seen).toHaveLength(100);
    expect(new Set(seen).size).toBe(100);
    expect(seen).toEqual([...seen].sort());
  });

  it("pages a customer's transactions with totalCount and stable order", async () => {
    const [{ id }] = (await t.db.query(
      "SELECT customer_id AS id FROM sales.transactions GROUP BY 1 HAVING count(*) >= 5 ORDER BY 1 LIMIT 1",
    )) as [{ id: string }];
    const all = (
      await t.db.query<{ id: string }>(
        "SELECT transaction_id AS id FROM sales.transactions WHERE customer_id = $1 ORDER BY transaction_date DESC, transaction_id DESC",
        [id],
      )
    ).map((r) => r.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        data?: {
          customer: {
            transactions: {
              totalCount: number;
              edges: { node: { id: string } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
        } | null;
      } = await t.query(
        "query ($id: ID!, $after: String) { customer(id: $id) { transactions(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }",
        { id, after },
      );
      const connection = page.data?.customer.transactions;
      if (!connection) throw new Error("no page");
      expect(connection.totalCount).toBe(all.length);
      seen.push(...connection.edges.map((e) => e.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all);
  });

  it("rejects a page larger than 500 and a forged cursor as BAD_USER_INPUT", async () => {
    const big = await t.query("{ customers(first: 501) { totalCount } }");
    expect(big.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ["first: must be between 0 and 500", "BAD_USER_INPUT"],
    ]);
    const forged = await t.query('{ customers(after: "bm9wZQ") { totalCount } }');
    expect(forged.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ["after: not a cursor returned by this API", "BAD_USER_INPUT"],
    ]);
  });

  it("describes every data product through the gateway", async () => {
    const result = await t.query<{
      dataProducts: Record<string, { name: string; tables: { name: string; rowCount: number }[] }>;
    }>(
      "{ dataProducts { customer { name tables { name rowCount } } sales { name tables { name rowCount } } product { name } logistics { name } cxKpi { name owner domain } } }",
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.dataProducts.customer?.tables.map((x) => x.name)).toEqual([
      "customer.app_usage",
      "customer.customers",
      "customer.loyalty_program",
      "customer.support_tickets",
    ]);
    expect(result.data?.dataProducts.customer?.tables.find((x) => x.name === "customer.customers")?.rowCount).toBe(100);
    expect(result.data?.dataProducts.cxKpi).toEqual({ name: "cx-kpi", owner: "CX Analytics team", domain: "cx" });
  });
});
