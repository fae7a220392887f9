import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDirectory, seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * The gateway's cache of reference entities (C360_ENTITY_CACHE_MS, on by default): a scope's
 * products are fetched from the product subgraph once, are never served to another role or market,
 * and never outlive a load. Its counts are per line item's product (a product bought twice counts
 * twice).
 */
let t: TestStack;
/** A customer who bought at least two products, and the product of each of its line items. */
let customer: { id: string; market: string; products: string[] };
beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  const page = await t.query<{
    customers: {
      edges: {
        node: {
          id: string;
          marketplace: { code: string };
          transactions: { edges: { node: { items: { product: { id: string } }[] } }[] };
        };
      }[];
    };
  }>(
    "{ customers(first: 50) { edges { node { id marketplace { code } transactions(first: 5) { edges { node { items { product { id } } } } } } } } }",
  );
  const found = page.data?.customers.edges
    .map(({ node }) => ({
      id: node.id,
      market: node.marketplace.code,
      products: node.transactions.edges.flatMap((e) => e.node.items.map((i) => i.product.id)),
    }))
    .find((c) => new Set(c.products).size >= 2);
  if (!found) throw new Error("no customer of the seed bought two products");
  customer = found;
});
afterAll(() => t.dispose());

const itemsOf = (fields: string) =>
  `{ customer(id: "${customer.id}") { transactions(first: 5) { edges { node { items { product { ${fields} } } } } } } }`;
const stats = () => ({ ...(t.stack.entityCache?.stats ?? { hits: 0, misses: 0 }) });
const delta = (before: { hits: number; misses: number }) => {
  const after = stats();
  return { hits: after.hits - before.hits, misses: after.misses - before.misses };
};

describe("the entity cache", () => {
  it("fetches one scope's products once, for every user of the scope", async () => {
    const document = itemsOf("id productName brand");
    const first = await tokenFor("c360_admin", { subject: "entity-first" });
    const second = await tokenFor("c360_admin", { subject: "entity-second" });
    let before = stats();
    const fetched = await t.query(document, {}, { token: first });
    expect(fetched.errors).toBeUndefined();
    expect(delta(before)).toEqual({ hits: 0, misses: customer.products.length });
    before = stats();
    expect(await t.query(document, {}, { token: second })).toEqual(fetched);
    expect(delta(before)).toEqual({ hits: customer.products.length, misses: 0 });
    const metrics = await (await fetch(t.stack.gatewayUrl.replace(/\/graphql$/, "/metrics"))).text();
    expect(metrics).toMatch(/c360_gateway_cache_lookups_total\{[^}]*cache="entity",outcome="hit"[^}]*\} [1-9]/);
  });

  it("never serves one role's or one market's entities to another", async () => {
    const document = itemsOf("id productName price");
    const admin = await t.query(document, {}, { token: await tokenFor("c360_admin") });
    expect(admin.errors).toBeUndefined();
    expect(JSON.stringify(admin)).toContain('"price"');
    // Customer care may read a product's name, not its price: the admin's kept products do not
    // answer it, and its refused answer is not kept.
    const care = await tokenFor("customer_care", { markets: [customer.market] });
    for (let i = 0; i < 2; i++) {
      const before = stats();
      const refused = await t.query<{ customer: unknown }>(document, {}, { token: care });
      expect(refused.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN" }) }),
        ]),
      );
      expect(JSON.stringify(refused.data)).not.toMatch(/"price":\d/);
      expect(delta(before)).toEqual({ hits: 0, misses: customer.products.length });
    }
    // One role, two market scopes that both see the customer: the second fetches its own.
    const names = itemsOf("id productName");
    const other = customer.market === "US" ? "DE" : "US";
    const narrow = await t.query(names, {}, { token: await tokenFor("customer_care", { markets: [customer.market] }) });
    const before = stats();
    const wide = await t.query(
      names,
      {},
      { token: await tokenFor("customer_care", { markets: [customer.market, other] }) },
    );
    expect(delta(before)).toEqual({ hits: 0, misses: customer.products.length });
    expect(wide).toEqual(narrow);
  });

  it("serves nothing kept from before a load", async () => {
    const product = customer.products[0] as string;
    const document = itemsOf("id productName");
    const token = await tokenFor("c360_admin", { subject: "entity-reload" });
    const nameOf = async () => {
      const answer = await t.query<{
        customer: {
          transactions: { edges: { node: { items: { product: { id: string; productName: string } }[] } }[] };
        };
      }>(document, {}, { token });
      return answer.data?.customer.transactions.edges.flatMap((e) => e.node.items).find((i) => i.product.id === product)
        ?.product.productName;
    };
    await nameOf();
    const before = stats();
    await nameOf();
    expect(delta(before).misses).toBe(0);
    const [row] = await t.db.query<Record<string, string>>(
      "SELECT *, created_date::text AS created FROM product.products WHERE product_id = $1",
      [product],
    );
    const header =
      "product_id,product_name,category,subcategory,brand,price,cost,weight_kg,dimensions,color,size,created_date,status";
    const values = [
      product,
      "Reloaded Product",
      row?.category,
      row?.subcategory,
      row?.brand,
      row?.price,
      row?.cost,
      row?.weight_kg,
      row?.dimensions,
      row?.color,
      row?.size,
      row?.created,
      row?.status,
    ].map((v) => String(v ?? "").replaceAll(",", " "));
    const dir = mkdtempSync(join(tmpdir(), "c360-entity-reload-"));
    writeFileSync(join(dir, "products.csv"), `${header}\n${values.join(",")}\n`);
    await importDirectory(t.db, dir);
    rmSync(dir, { recursive: true, force: true });
    await expect.poll(nameOf, { timeout: 5_000, interval: 200 }).toBe("Reloaded Product");
  });
});
