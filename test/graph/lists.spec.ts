import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/** The top-level lists, through the gateway on the seed, against SQL written by hand. */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.02, seed: 1 }));
});
afterAll(() => t?.dispose());

type Conn = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
};

/** Every page of `field`, `first` rows at a time; the ids in order, and the first page's totalCount. */
async function walk(
  field: string,
  args: string,
  first: number,
  token?: string,
): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (;;) {
    const reply = await t.query<Record<string, Conn>>(
      `query ($after: String) { ${field}(${args} first: ${first}, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      { after },
      token ? { token } : {},
    );
    expect(reply.errors, field).toBeUndefined();
    const c = reply.data?.[field] as Conn;
    if (total < 0) total = c.totalCount;
    ids.push(...c.edges.map((e) => e.node.id));
    if (!c.pageInfo.hasNextPage) return { ids, total };
    after = c.pageInfo.endCursor;
  }
}

const ids = async (sql: string) => (await t.db.query<{ id: string }>(sql)).map((r) => r.id);

describe("top-level lists", () => {
  it("transactions: filtered by status and minimum total, walked newest first, each row once", async () => {
    const expected = await ids(
      "SELECT transaction_id AS id FROM sales.transactions WHERE status = 'completed' AND total_amount >= 100 ORDER BY transaction_date DESC, transaction_id DESC",
    );
    const got = await walk(
      "transactions",
      'filter: { status: "completed", minTotal: "100" }, orderBy: { field: DATE, direction: DESC },',
      13,
    );
    expect(got.ids).toEqual(expected);
    expect(got.total).toBe(expected.length);
  });

  it("transactions: by buyer, and ordered by total amount ascending", async () => {
    const [buyer] = await ids("SELECT customer_id AS id FROM sales.transactions ORDER BY transaction_id LIMIT 1");
    expect((await walk("transactions", `filter: { customerId: "${buyer}" },`, 5)).ids).toEqual(
      await ids(`SELECT transaction_id AS id FROM sales.transactions WHERE customer_id = '${buyer}' ORDER BY 1`),
    );
    expect((await walk("transactions", "orderBy: { field: TOTAL_AMOUNT },", 50)).ids).toEqual(
      await ids("SELECT transaction_id AS id FROM sales.transactions ORDER BY total_amount, transaction_id"),
    );
  });

  it("a customer's transactions under a filter: each page of each customer the SQL's, with its total", async () => {
    const buyers = await ids(
      "SELECT customer_id AS id FROM sales.transactions GROUP BY 1 HAVING count(*) > 3 ORDER BY 1 LIMIT 3",
    );
    const filters = [
      ['{ status: "completed", minTotal: "50.5" }', "status = 'completed' AND total_amount >= 50.5"],
      [
        '{ from: "2024-01-01T00:00:00Z", channel: "online" }',
        "transaction_date >= '2024-01-01' AND channel = 'online'",
      ],
      ["{}", "true"],
    ] as const;
    for (const [filter, condition] of filters) {
      const reply = await t.query<{ customers: { edges: { node: { id: string; transactions: Conn } }[] } }>(
        `{ customers(first: 100) { edges { node { id transactions(filter: ${filter}, first: 2) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } } }`,
      );
      expect(reply.errors).toBeUndefined();
      for (const buyer of buyers) {
        const expected = await ids(
          `SELECT transaction_id AS id FROM sales.transactions WHERE customer_id = '${buyer}' AND ${condition} ORDER BY transaction_date DESC, transaction_id DESC`,
        );
        const got = reply.data?.customers.edges.find((e) => e.node.id === buyer)?.node.transactions;
        expect(got, buyer).toBeDefined();
        expect(
          got?.edges.map((e) => e.node.id),
          `${buyer} ${filter}`,
        ).toEqual(expected.slice(0, 2));
        expect(got?.totalCount).toBe(expected.length);
      }
    }
  });

  it("shipments: late and not late split every shipment, as the definition says", async () => {
    const late = await walk("shipments", "filter: { late: true },", 25);
    const onTime = await walk("shipments", "filter: { late: false },", 25);
    expect(late.ids).toEqual(
      await ids(
        "SELECT shipment_id AS id FROM logistics.shipments WHERE coalesce(actual_delivery, (now() at time zone 'UTC')::date) > estimated_delivery ORDER BY 1",
      ),
    );
    expect(late.ids.length + onTime.ids.length).toBe(
      (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM logistics.shipments"))[0]?.n,
    );
    expect((await walk("shipments", "orderBy: { field: SHIP_DATE, direction: DESC },", 40)).ids).toEqual(
      await ids("SELECT shipment_id AS id FROM logistics.shipments ORDER BY ship_date DESC, shipment_id DESC"),
    );
  });

  it("shipments and support tickets keep to the token's markets", async () => {
    const token = await tokenFor("customer_care", { markets: ["DE"] });
    expect((await walk("shipments", "", 50, token)).ids).toEqual(
      await ids("SELECT shipment_id AS id FROM logistics.shipments WHERE marketplace = 'DE' ORDER BY 1"),
    );
    expect((await walk("supportTickets", "", 50, token)).ids).toEqual(
      await ids(
        "SELECT t.ticket_id AS id FROM customer.support_tickets t JOIN customer.customers c USING (customer_id) WHERE c.country IN ('Germany', 'DE', 'DEU') ORDER BY 1",
      ),
    );
  });

  it("support tickets: open urgent ones, newest first", async () => {
    expect(
      (
        await walk(
          "supportTickets",
          'filter: { priority: "urgent" }, orderBy: { field: CREATED_DATE, direction: DESC },',
          4,
        )
      ).ids,
    ).toEqual(
      await ids(
        "SELECT ticket_id AS id FROM customer.support_tickets WHERE priority = 'urgent' ORDER BY created_date DESC, ticket_id DESC",
      ),
    );
  });

  it("inventory levels: stock at or below its reorder point, by available stock", async () => {
    expect(
      (await walk("inventoryLevels", "filter: { needsReorder: true }, orderBy: { field: AVAILABLE },", 6)).ids,
    ).toEqual(
      await ids(
        "SELECT inventory_id AS id FROM product.inventory WHERE stock_quantity - reserved_quantity <= reorder_point ORDER BY stock_quantity - reserved_quantity, inventory_id",
      ),
    );
  });

  it("suppliers and locations, in id order", async () => {
    expect((await walk("suppliers", "", 7)).ids).toEqual(
      await ids("SELECT supplier_id AS id FROM product.suppliers ORDER BY 1"),
    );
    expect((await walk("locations", "", 7)).ids).toEqual(
      await ids("SELECT location_id AS id FROM logistics.warehouse_locations ORDER BY 1"),
    );
  });

  it("a role without the list's entitlement is refused, coded", async () => {
    const reply = await t.query("{ shipments { totalCount } }", {}, { token: await tokenFor("marketing_analyst") });
    expect(reply.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
