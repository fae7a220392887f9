import { mintToken } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * The insights subgraph through the gateway: its fields join the customer and product subgraphs'
 * entities, a product bought together carries the product subgraph's fields, and the trail names the
 * customer whose preferences an answer carried.
 */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
});
afterAll(() => t.dispose());

describe("insights through the gateway", () => {
  it("answers a customer's top categories in its market, and the trail names the customer", async () => {
    const [customer] = await t.db.query<{ id: string; market: string }>(
      `SELECT customer_id AS id, min(marketplace) AS market FROM sales.transactions WHERE status = 'completed'
       GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1`,
    );
    const byHand = await t.db.query<{ category: string; spend: string }>(
      `SELECT p.category, sum(i.line_total)::text AS spend
       FROM sales.transactions t JOIN sales.transaction_items i USING (transaction_id) JOIN product.products p USING (product_id)
       WHERE t.status = 'completed' AND t.customer_id = $1 GROUP BY p.category ORDER BY sum(i.line_total) DESC, p.category LIMIT 2`,
      [customer?.id],
    );
    const token = await mintToken(loadConfig().identity, {
      subject: "insights-marketer",
      roles: ["marketing_analyst"],
      markets: [customer?.market as string],
    });
    const answer = await t.query(
      "query ($id: ID!) { customer(id: $id) { id productPreferences { topCategories(first: 2) { category spend } } } }",
      { id: customer?.id },
      { token },
    );
    expect(answer).toEqual({
      data: { customer: { id: customer?.id, productPreferences: { topCategories: byHand } } },
    });
    const auditor = await tokenFor("auditor");
    await vi.waitFor(
      async () => {
        const events = await t.query<{ accessEvents: { edges: { node: { subject: string } }[] } }>(
          "query ($id: String!) { accessEvents(filter: { customerId: $id }) { edges { node { subject } } } }",
          { id: customer?.id },
          { token: auditor },
        );
        expect(events.data?.accessEvents.edges.map((e) => e.node.subject)).toContain("insights-marketer");
      },
      { timeout: 5_000, interval: 200 },
    );
  });

  it("answers what sells with a product, each with its name from the product subgraph", async () => {
    const [product] = await t.db.query<{ id: string }>(
      "SELECT product_id AS id FROM insights.product_pairs GROUP BY 1 ORDER BY sum(transactions) DESC, 1 LIMIT 1",
    );
    const answer = await t.query<{
      product: { boughtTogether: { product: { id: string; productName: string }; transactions: number }[] };
    }>(
      "query ($id: ID!) { product(id: $id) { boughtTogether(first: 3) { product { id productName } transactions } } }",
      { id: product?.id },
      { token: await tokenFor("merchandiser") },
    );
    expect(answer.errors).toBeUndefined();
    const together = answer.data?.product.boughtTogether ?? [];
    expect(together.length).toBeGreaterThan(0);
    const names = await t.db.query<{ id: string; productName: string }>(
      `SELECT product_id AS id, product_name AS "productName" FROM product.products WHERE product_id = ANY($1)`,
      [together.map((p) => p.product.id)],
    );
    expect(together.map((p) => p.product)).toEqual(
      together.map((p) => names.find((n) => n.id === p.product.id) ?? null),
    );
  });
});
