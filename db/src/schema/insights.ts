import { integer, numeric, pgSchema, text, unique } from "drizzle-orm/pg-core";

/**
 * The insights domain: curated products built from the sales and product domains' tables by the
 * refresh every load ends with (`refreshInsights`), never written otherwise. Each row keeps the
 * market of the transactions it counts, so that a viewer's row scope is a WHERE here and every
 * figure is a sum over the viewer's markets; a market is null for transactions whose buyer's country
 * has none, hence unique keys with NULLS NOT DISTINCT instead of primary keys.
 */
export const insightsSchema = pgSchema("insights");

const marketplace = () => text("marketplace");
const transactionCount = () => integer("transactions").notNull();

/** What each customer bought over completed transactions, per market and per category or brand. */
export const customerPreferences = insightsSchema.table(
  "customer_preferences",
  {
    customerId: text("customer_id").notNull(),
    marketplace: marketplace(),
    /** `category` or `brand`: which of the product's attributes `name` is. */
    dimension: text("dimension").$type<PreferenceDimension>().notNull(),
    name: text("name").notNull(),
    /** Units. */
    quantity: integer("quantity").notNull(),
    /** Sum of the items' `line_total`. */
    spend: numeric("spend", { precision: 14, scale: 2 }).notNull(),
    /** Distinct transactions. */
    transactions: transactionCount(),
  },
  (t) => [unique("customer_preferences_key").on(t.customerId, t.dimension, t.marketplace, t.name).nullsNotDistinct()],
);

export type PreferenceDimension = "category" | "brand";

/** Completed transactions per market: the base of every product's support. */
export const marketTransactions = insightsSchema.table(
  "market_transactions",
  { marketplace: marketplace(), transactions: transactionCount() },
  (t) => [unique("market_transactions_key").on(t.marketplace).nullsNotDistinct()],
);

/** Completed transactions holding each product, per market. */
export const productTransactions = insightsSchema.table(
  "product_transactions",
  { productId: text("product_id").notNull(), marketplace: marketplace(), transactions: transactionCount() },
  (t) => [unique("product_transactions_key").on(t.productId, t.marketplace).nullsNotDistinct()],
);

/** Completed transactions holding both products, per market; each pair stored both ways round. */
export const productPairs = insightsSchema.table(
  "product_pairs",
  {
    productId: text("product_id").notNull(),
    otherProductId: text("other_product_id").notNull(),
    marketplace: marketplace(),
    transactions: transactionCount(),
  },
  (t) => [unique("product_pairs_key").on(t.productId, t.marketplace, t.otherProductId).nullsNotDistinct()],
);
