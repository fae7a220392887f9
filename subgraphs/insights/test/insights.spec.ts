import type { Viewer } from "@c360/auth";
import { describe, expect, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { viewerFor } from "../../../test/testkit/identity";
import { executeSubgraph } from "../../../test/testkit/subgraph";
import { subgraph } from "../src/schema";

const database = useSeededDatabase();

/** The condition keeping `sales.transactions t` to `markets` ($2), or none for an unscoped viewer. */
const inMarkets = (markets: string[] | null) => (markets ? "AND t.marketplace = ANY($2)" : "");
const params = (first: unknown, markets: string[] | null) => (markets ? [first, markets] : [first]);

interface Preference {
  name: string;
  quantity: number;
  spend: string;
  transactions: number;
  share: number;
}

/** A customer's top categories or brands, by hand: the source tables only, nothing of the insights schema. */
function preferencesByHand(customer: string, column: "category" | "brand", first: number, markets: string[] | null) {
  return database().db.query<Preference>(
    `SELECT p.${column} AS name, sum(i.quantity)::int AS quantity, sum(i.line_total)::text AS spend,
            count(DISTINCT t.transaction_id)::int AS transactions,
            (sum(i.line_total) / sum(sum(i.line_total)) OVER ())::float8 AS share
     FROM sales.transactions t
     JOIN sales.transaction_items i ON i.transaction_id = t.transaction_id
     JOIN product.products p ON p.product_id = i.product_id
     WHERE t.status = 'completed' AND t.customer_id = $${markets ? 3 : 2} ${inMarkets(markets)}
     GROUP BY p.${column} ORDER BY sum(i.line_total) DESC, p.${column} LIMIT $1`,
    [...params(first, markets), customer],
  );
}

interface Affinity {
  id: string;
  transactions: number;
  confidence: number;
  lift: number;
}

/** A product's bought-together list, by hand from the source tables, over `markets` taken together. */
function affinitiesByHand(product: string, first: number, markets: string[] | null) {
  return database().db.query<Affinity>(
    `WITH baskets AS (
       SELECT DISTINCT t.transaction_id, i.product_id
       FROM sales.transactions t JOIN sales.transaction_items i ON i.transaction_id = t.transaction_id
       WHERE t.status = 'completed' ${inMarkets(markets)}),
     total AS (SELECT count(*) AS n FROM sales.transactions t WHERE t.status = 'completed' ${inMarkets(markets)}),
     holding AS (SELECT product_id, count(*) AS n FROM baskets GROUP BY product_id),
     pairs AS (
       SELECT b.product_id AS id, count(*) AS n
       FROM baskets a JOIN baskets b ON b.transaction_id = a.transaction_id AND b.product_id <> a.product_id
       WHERE a.product_id = $${markets ? 3 : 2} GROUP BY b.product_id),
     scored AS (
       SELECT pairs.id, pairs.n::int AS transactions, pairs.n::float8 / mine.n AS confidence,
              (pairs.n::float8 / mine.n) / (theirs.n::float8 / total.n) AS lift
       FROM pairs JOIN holding mine ON mine.product_id = $${markets ? 3 : 2}
       JOIN holding theirs ON theirs.product_id = pairs.id CROSS JOIN total)
     SELECT * FROM scored ORDER BY transactions DESC, lift DESC, id LIMIT $1`,
    [...params(first, markets), product],
  );
}

/** Floats as computed in another order of operations agree to 12 digits. */
const rounded = <T extends object>(rows: T[], keys: (keyof T)[]) =>
  rows.map((row) => ({ ...row, ...Object.fromEntries(keys.map((k) => [k, Number((row[k] as number).toFixed(12))])) }));

const preferencesQuery = `query ($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on Customer {
  productPreferences {
    customerId
    topCategories(first: $first) { customerId category quantity spend transactions share }
    topBrands(first: $first) { customerId brand quantity spend transactions share }
  } } } }`;

type PreferencesAnswer = {
  _entities: {
    productPreferences: {
      customerId: string;
      topCategories: (Omit<Preference, "name"> & { category: string; customerId: string })[];
      topBrands: (Omit<Preference, "name"> & { brand: string; customerId: string })[];
    } | null;
  }[];
};

const affinityQuery = `query ($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on Product {
  boughtTogether(first: $first) { product { id } transactions confidence lift } } } }`;

type AffinityAnswer = {
  _entities: {
    boughtTogether: { product: { id: string }; transactions: number; confidence: number; lift: number }[] | null;
  }[];
};

const customers = (ids: string[]) => ids.map((id) => ({ __typename: "Customer", id }));
const products = (ids: string[]) => ids.map((id) => ({ __typename: "Product", id }));

async function askPreferences(ids: string[], first: number | null, viewer: Viewer) {
  return executeSubgraph<PreferencesAnswer>(
    subgraph,
    database().db,
    preferencesQuery,
    { r: customers(ids), first },
    viewer,
  );
}

async function askAffinities(ids: string[], first: number | null, viewer: Viewer) {
  return executeSubgraph<AffinityAnswer>(subgraph, database().db, affinityQuery, { r: products(ids), first }, viewer);
}

/** The customer with the most completed transactions, and its market. */
async function busiestCustomer() {
  const [row] = await database().db.query<{ id: string; market: string }>(
    `SELECT customer_id AS id, min(marketplace) AS market FROM sales.transactions WHERE status = 'completed'
     GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1`,
  );
  return row as { id: string; market: string };
}

/** The product in the most completed transactions with another product. */
async function mostPairedProduct() {
  const [row] = await database().db.query<{ id: string }>(
    `SELECT i.product_id AS id FROM sales.transaction_items i JOIN sales.transactions t USING (transaction_id)
     WHERE t.status = 'completed'
       AND EXISTS (SELECT 1 FROM sales.transaction_items o WHERE o.transaction_id = i.transaction_id AND o.product_id <> i.product_id)
     GROUP BY i.product_id ORDER BY count(DISTINCT i.transaction_id) DESC, i.product_id LIMIT 1`,
  );
  return (row as { id: string }).id;
}

describe("Customer.productPreferences", () => {
  it("equals the hand computation from sales and product, unscoped and within the viewer's markets", async () => {
    const { id, market } = await busiestCustomer();
    const other = market === "US" ? "JP" : "US";
    for (const markets of [null, [market], [other]]) {
      const answer = await askPreferences([id], 3, viewerFor("marketing_analyst", markets));
      expect(answer.errors).toBeUndefined();
      const [categories, brands] = await Promise.all([
        preferencesByHand(id, "category", 3, markets),
        preferencesByHand(id, "brand", 3, markets),
      ]);
      // Outside the customer's market the hand computation finds nothing, and so must the graph.
      expect(categories.length > 0).toBe(markets?.[0] !== other);
      const preferences = answer.data?._entities[0]?.productPreferences;
      expect({
        customerId: preferences?.customerId,
        topCategories: rounded(
          (preferences?.topCategories ?? []).map(({ category, customerId, ...rest }) => ({
            customerId,
            name: category,
            ...rest,
          })),
          ["share"],
        ),
        topBrands: rounded(
          (preferences?.topBrands ?? []).map(({ brand, customerId, ...rest }) => ({
            customerId,
            name: brand,
            ...rest,
          })),
          ["share"],
        ),
      }).toEqual({
        customerId: id,
        topCategories: rounded(
          categories.map((c) => ({ customerId: id, ...c })),
          ["share"],
        ),
        topBrands: rounded(
          brands.map((b) => ({ customerId: id, ...b })),
          ["share"],
        ),
      });
    }
  });

  it("notes the customer as the person whose data the answer carried", async () => {
    const { id } = await busiestCustomer();
    const answer = await askPreferences([id], 1, viewerFor("sales_analyst"));
    expect(answer.extensions?.personalData).toEqual({ keys: [id], truncated: false });
  });
});

describe("Product.boughtTogether", () => {
  it("equals the hand computation from sales, unscoped and over the viewer's markets taken together", async () => {
    const id = await mostPairedProduct();
    const [{ markets }] = (await database().db.query(
      `SELECT array_agg(DISTINCT marketplace ORDER BY marketplace) AS markets FROM sales.transactions t
       JOIN sales.transaction_items i USING (transaction_id) WHERE i.product_id = $1 AND t.status = 'completed'`,
      [id],
    )) as [{ markets: string[] }];
    // Two of its markets: each count is a sum over both, and confidence and lift are of that sum.
    for (const scope of [null, markets.slice(0, 2)]) {
      const answer = await askAffinities([id], 4, viewerFor("merchandiser", scope));
      expect(answer.errors).toBeUndefined();
      const byHand = await affinitiesByHand(id, 4, scope);
      expect(byHand.length).toBeGreaterThan(0);
      expect(
        rounded(
          (answer.data?._entities[0]?.boughtTogether ?? []).map(({ product, ...rest }) => ({
            id: product.id,
            ...rest,
          })),
          ["confidence", "lift"],
        ),
      ).toEqual(rounded(byHand, ["confidence", "lift"]));
    }
  });
});

describe("statements per request", () => {
  it("are one per list, whatever the number of keys or `first`", async () => {
    const { db } = database();
    const ids = (await db.query<{ id: string }>("SELECT customer_id AS id FROM customer.customers ORDER BY 1")).map(
      (r) => r.id,
    );
    const productIds = (await db.query<{ id: string }>("SELECT product_id AS id FROM product.products ORDER BY 1")).map(
      (r) => r.id,
    );
    const count = async (ask: () => Promise<{ errors?: unknown }>) => {
      const before = db.statements;
      expect((await ask()).errors).toBeUndefined();
      return db.statements - before;
    };
    const viewer = viewerFor("marketing_analyst", ["US", "UK"]);
    expect({
      preferences: [
        await count(() => askPreferences(ids.slice(0, 2), 1, viewer)),
        await count(() => askPreferences(ids, 50, viewer)),
      ],
      affinity: [
        await count(() => askAffinities(productIds.slice(0, 2), 1, viewer)),
        await count(() => askAffinities(productIds, 50, viewer)),
      ],
    }).toEqual({ preferences: [2, 2], affinity: [1, 1] });
  });
});

describe("entitlements", () => {
  it("answers FORBIDDEN on the fields a role does not hold, the rest of the answer arriving", async () => {
    const { id } = await busiestCustomer();
    const product = await mostPairedProduct();
    const query = `query ($c: [_Any!]!, $p: [_Any!]!) {
      customers: _entities(representations: $c) { ... on Customer { id productPreferences { customerId } } }
      products: _entities(representations: $p) { ... on Product { id boughtTogether(first: 1) { transactions } } } }`;
    const care = await executeSubgraph(
      subgraph,
      database().db,
      query,
      { c: customers([id]), p: products([product]) },
      viewerFor("customer_care"),
    );
    expect({ data: care.data, errors: care.errors?.map((e) => ({ path: e.path, code: e.extensions?.code })) }).toEqual({
      data: { customers: [{ id, productPreferences: null }], products: [{ id: product, boughtTogether: null }] },
      errors: [
        { path: ["customers", 0, "productPreferences"], code: "FORBIDDEN" },
        { path: ["products", 0, "boughtTogether"], code: "FORBIDDEN" },
      ],
    });
    // A merchandiser reads what is bought together, and no customer's preferences.
    const merchandiser = await askAffinities([product], 1, viewerFor("merchandiser"));
    expect(merchandiser.errors).toBeUndefined();
    const preferences = await askPreferences([id], 1, viewerFor("merchandiser"));
    expect(preferences.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
    expect(preferences.data?._entities[0]?.productPreferences ?? null).toBeNull();
  });

  it("refuses a negative or too large `first` as BAD_USER_INPUT", async () => {
    const product = await mostPairedProduct();
    const answer = await askAffinities([product], -1, viewerFor("merchandiser"));
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
  });
});
