import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * Every relationship of the seed answers from both ends (ARCHITECTURE.md §3): a record reaches its
 * parent through the parent's owning subgraph or loader, within the caller's markets.
 */
let t: TestStack;
let de: string;
beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  de = await tokenFor("c360_admin", { markets: ["DE"] });
});
afterAll(() => t.dispose());

const one = async <T>(sql: string) => ((await t.db.query(sql)) as T[])[0] as T;
const column = async (sql: string) => (await t.db.query<{ id: string }>(sql)).map((r) => r.id);

describe("each child reaches its parent", () => {
  it("a ticket, a session and a loyalty record reach their customer", async () => {
    const { id } = await one<{ id: string }>(
      `SELECT customer_id AS id FROM customer.loyalty_program
       WHERE customer_id IN (SELECT customer_id FROM customer.support_tickets)
         AND customer_id IN (SELECT customer_id FROM customer.app_usage) ORDER BY 1 LIMIT 1`,
    );
    const result = await t.query(
      `query ($id: ID!) { customer(id: $id) { id loyalty { customer { id } }
        supportTickets(first: 1) { edges { node { customer { id } } } }
        appSessions(first: 1) { edges { node { customer { id } } } } } }`,
      { id },
    );
    const parent = { customer: { id } };
    expect(result).toEqual({
      data: {
        customer: {
          id,
          loyalty: parent,
          supportTickets: { edges: [{ node: parent }] },
          appSessions: { edges: [{ node: parent }] },
        },
      },
    });
  });

  it("a tracking event reaches its shipment, a shipment its transaction, an inventory level its product", async () => {
    const shipment = await one<{ id: string; transaction: string }>(
      `SELECT shipment_id AS id, transaction_id AS transaction FROM logistics.shipments
       WHERE shipment_id IN (SELECT shipment_id FROM logistics.tracking_events) ORDER BY 1 LIMIT 1`,
    );
    const inventory = await one<{ id: string; product: string }>(
      "SELECT inventory_id AS id, product_id AS product FROM product.inventory ORDER BY 1 LIMIT 1",
    );
    const result = await t.query(
      `query ($shipment: ID!) { shipment(id: $shipment) { transaction { id } trackingEvents { shipment { id } } }
        inventoryLevels(first: 1) { edges { node { id product { id } } } } }`,
      { shipment: shipment.id },
    );
    const events = await column(
      `SELECT event_id AS id FROM logistics.tracking_events WHERE shipment_id = '${shipment.id}'`,
    );
    expect(result).toEqual({
      data: {
        shipment: {
          transaction: { id: shipment.transaction },
          trackingEvents: events.map(() => ({ shipment: { id: shipment.id } })),
        },
        inventoryLevels: { edges: [{ node: { id: inventory.id, product: { id: inventory.product } } }] },
      },
    });
  });
});

describe("row scope holds through the links", () => {
  it("a market-scoped viewer's tickets, sessions and loyalty reach their own market's customers only", async () => {
    const germans = await column("SELECT customer_id AS id FROM customer.customers WHERE country = 'Germany'");
    const tickets = await t.query<{ supportTickets: { edges: { node: { customer: { id: string } | null } }[] } }>(
      "{ supportTickets(first: 500) { edges { node { customer { id } } } } }",
      {},
      { token: de },
    );
    const owners = tickets.data?.supportTickets.edges.map((e) => e.node.customer?.id) ?? [];
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.filter((id) => !germans.includes(id as string))).toEqual([]);
    const customers = await t.query<{
      customers: {
        edges: { node: { id: string; loyalty: { customer: { id: string } } | null; appSessions: unknown } }[];
      };
    }>(
      "{ customers(first: 500) { edges { node { id loyalty { customer { id } } appSessions(first: 2) { edges { node { customer { id } } } } } } } }",
      {},
      { token: de },
    );
    for (const { id, loyalty, appSessions } of customers.data?.customers.edges.map((e) => e.node) ?? []) {
      expect(germans).toContain(id);
      if (loyalty) expect(loyalty.customer).toEqual({ id });
      for (const session of (appSessions as { edges: { node: unknown }[] }).edges)
        expect(session.node).toEqual({ customer: { id } });
    }
  });

  it("answers nothing of a shipment's transaction in another market but the id the shipment holds", async () => {
    // A shipment's market is its own column, set at load to its transaction's: moved here to another
    // market, sales still answers only what the viewer's markets hold.
    const { id, transaction } = await one<{ id: string; transaction: string }>(
      "SELECT shipment_id AS id, transaction_id AS transaction FROM logistics.shipments WHERE marketplace = 'US' ORDER BY 1 LIMIT 1",
    );
    await t.db.query(`UPDATE logistics.shipments SET marketplace = 'DE' WHERE shipment_id = '${id}'`);
    try {
      const query = `query ($id: ID!) { shipment(id: $id) { id transaction { id totalAmount customer { id } }
        trackingEvents { shipment { id } } } }`;
      const scoped = await t.query<{ shipment: { trackingEvents: unknown[] } }>(query, { id }, { token: de });
      expect(scoped.errors).toBeUndefined();
      expect(scoped.data?.shipment).toEqual({
        id,
        transaction: { id: transaction, totalAmount: null, customer: null },
        trackingEvents: scoped.data?.shipment.trackingEvents.map(() => ({ shipment: { id } })),
      });
      const unscoped = await t.query<{ shipment: { transaction: { totalAmount: string | null } } }>(query, { id });
      expect(unscoped.data?.shipment.transaction.totalAmount).toMatch(/^\d+\.\d\d$/);
    } finally {
      await t.db.query(`UPDATE logistics.shipments SET marketplace = 'US' WHERE shipment_id = '${id}'`);
    }
  });
});
