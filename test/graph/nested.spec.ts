import { describe, expect, it } from "vitest";
import { customersByIds, customersPage, loyaltyByCustomerIds, ticketPages } from "../../subgraphs/customer/src/data";
import { eventsByShipmentIds, shipmentsByIds, shipmentsByTransactionIds } from "../../subgraphs/logistics/src/data";
import { inventoryByProductIds, productsPage } from "../../subgraphs/product/src/data";
import { itemsByTransactionIds, transactionPages } from "../../subgraphs/sales/src/data";
import { useSeededDatabase } from "../testkit/database";

/**
 * Children read in their parent's statement (`nestedRows`, as JSON) are the very rows their own
 * statement gives through Drizzle: the same keys, dates, numbers and decimal strings, in the same
 * order. Compared over every parent of a sample, on whichever database this run uses.
 */
const database = useSeededDatabase();

const ids = async (sql: string) => (await database().db.query<{ id: string }>(sql)).map((r) => r.id);
const byKeyOf = <R>(rows: R[], key: (r: R) => string) => {
  const groups = new Map<string, R[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};

describe("children read with their parent", () => {
  it("transaction items in a page of transactions: the rows itemsByTransactionIds gives", async () => {
    const { db } = database();
    const customers = await ids("SELECT customer_id AS id FROM sales.transactions GROUP BY 1 ORDER BY 1 LIMIT 60");
    const page = { offset: 0, limit: 50 };
    const pages = await transactionPages(db, customers, page, null, null, true);
    const transactions = pages.flatMap((p) => p.rows);
    expect(transactions.length).toBeGreaterThan(60);
    const alone = byKeyOf(
      await itemsByTransactionIds(
        db,
        transactions.map((t) => t.transactionId),
      ),
      (r) => r.transactionId,
    );
    for (const { items, ...transaction } of transactions)
      expect(items).toEqual(alone.get(transaction.transactionId) ?? []);
    // The transactions themselves are the ones read without their items.
    const plain = await transactionPages(db, customers, page, null, null, false);
    expect(pages.map((p) => p.rows.map(({ items: _, ...t }) => t))).toEqual(plain.map((p) => p.rows));
    expect(plain.flatMap((p) => p.rows).some((t) => "items" in t)).toBe(false);
  });

  it("tracking events with their shipments: the rows eventsByShipmentIds gives", async () => {
    const { db } = database();
    const transactions = await ids("SELECT transaction_id AS id FROM logistics.shipments ORDER BY 1 LIMIT 200");
    const shipments = await shipmentsByTransactionIds(db, transactions, null, true);
    expect(shipments.length).toBeGreaterThanOrEqual(200);
    const alone = byKeyOf(
      await eventsByShipmentIds(
        db,
        shipments.map((s) => s.shipmentId),
      ),
      (r) => r.shipmentId,
    );
    expect(shipments.some((s) => (s.trackingEvents?.length ?? 0) > 1)).toBe(true);
    for (const shipment of shipments) expect(shipment.trackingEvents).toEqual(alone.get(shipment.shipmentId) ?? []);
    const plain = await shipmentsByTransactionIds(db, transactions, null, false);
    expect(shipments.map(({ trackingEvents: _, ...s }) => s)).toEqual(plain);
    const byId = await shipmentsByIds(
      db,
      plain.map((s) => s.shipmentId),
      null,
      true,
    );
    for (const shipment of byId) expect(shipment.trackingEvents).toEqual(alone.get(shipment.shipmentId) ?? []);
  });

  it("loyalty with its customer, and null for a customer without: the rows loyaltyByCustomerIds gives", async () => {
    const { db } = database();
    const customers = await ids(
      `(SELECT customer_id AS id FROM customer.loyalty_program ORDER BY 1 LIMIT 150)
       UNION ALL (SELECT customer_id FROM customer.customers c
                  WHERE NOT EXISTS (SELECT 1 FROM customer.loyalty_program l WHERE l.customer_id = c.customer_id) LIMIT 5)`,
    );
    const rows = await customersByIds(db, customers, null, { loyalty: true, tickets: null });
    const alone = new Map((await loyaltyByCustomerIds(db, customers)).map((r) => [r.customerId, r]));
    expect(alone.size).toBeGreaterThan(50);
    expect(rows.filter((r) => r.loyalty === null).length).toBe(customers.length - alone.size);
    for (const row of rows) expect(row.loyalty).toEqual(alone.get(row.customerId) ?? null);
    const plain = await customersByIds(db, customers, null);
    expect(rows.map(({ loyalty: _, ...c }) => c)).toEqual(plain);
  });

  it("loyalty with a keyset page of customers: the same rows, and the same page", async () => {
    const { db } = database();
    const page = { limit: 120, afterKey: null, counted: true, peeks: true };
    const withLoyalty = await customersPage(db, {}, null, page, null, true);
    const plain = await customersPage(db, {}, null, page, null, false);
    expect(withLoyalty.totalCount).toBe(plain.totalCount);
    expect(withLoyalty.rows.map(({ loyalty: _, ...c }) => c)).toEqual(plain.rows);
    const alone = new Map(
      (
        await loyaltyByCustomerIds(
          db,
          plain.rows.map((r) => r.customerId),
        )
      ).map((r) => [r.customerId, r]),
    );
    expect(alone.size).toBeGreaterThan(20);
    for (const row of withLoyalty.rows) expect(row.loyalty).toEqual(alone.get(row.customerId) ?? null);
  });

  it("a page of tickets with its customer: the page and total ticketPages gives, for any page", async () => {
    const { db } = database();
    const customers = await ids(
      "SELECT customer_id AS id FROM customer.support_tickets GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 40",
    );
    for (const page of [
      { offset: 0, limit: 3 },
      { offset: 1, limit: 2 },
      { offset: 0, limit: 50 },
      { offset: 30, limit: 5 },
    ]) {
      const rows = await customersByIds(db, customers, null, { loyalty: true, tickets: page });
      const alone = await ticketPages(db, customers, page);
      expect(rows.map((r) => r.customerId).sort()).toEqual(customers.slice().sort());
      const byCustomer = new Map(customers.map((id, i) => [id, alone[i]]));
      for (const row of rows) {
        const expected = byCustomer.get(row.customerId) as { rows: Record<string, unknown>[]; totalCount: number };
        expect(row.tickets?.totalCount).toBe(expected.totalCount);
        expect(row.tickets?.rows).toEqual(expected.rows.map(({ rank: _, total: __, ...ticket }) => ticket));
      }
      expect(rows.some((r) => (r.tickets?.rows.length ?? 0) > 1 || page.offset > 10)).toBe(true);
    }
  });

  it("inventory levels with a page of products: the rows inventoryByProductIds gives", async () => {
    const { db } = database();
    const page = { limit: 80, afterKey: null, counted: false, peeks: true };
    const withInventory = await productsPage(db, {}, page, true);
    const plain = await productsPage(db, {}, page, false);
    expect(withInventory.rows.map(({ inventory: _, ...p }) => p)).toEqual(plain.rows);
    const alone = byKeyOf(
      await inventoryByProductIds(
        db,
        plain.rows.map((p) => p.productId),
      ),
      (r) => r.productId,
    );
    expect(withInventory.rows.some((p) => (p.inventory?.length ?? 0) > 1)).toBe(true);
    for (const product of withInventory.rows) expect(product.inventory).toEqual(alone.get(product.productId) ?? []);
  });
});
