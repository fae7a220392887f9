import { date, index, integer, numeric, pgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The sales domain: transactions, their line items and regional daily sales.
 * `transactions.customer_id`, `transactions.store_id` and `transaction_items.product_id` point into
 * other domains; they are checked by the importer and the quality checks, not by constraints.
 * `transactions.marketplace` is the buyer's market, kept on the fact so that row scope is a WHERE in
 * this domain (and the key the fact table is partitioned or distributed by).
 */
export const salesSchema = pgSchema("sales");

const money = (name: string) => numeric(name, { precision: 10, scale: 2 });

export const transactions = salesSchema.table(
  "transactions",
  {
    transactionId: text("transaction_id").primaryKey(),
    customerId: text("customer_id").notNull(),
    transactionDate: timestamp("transaction_date", { withTimezone: true }).notNull(),
    channel: text("channel").notNull(),
    storeId: text("store_id"),
    paymentMethod: text("payment_method").notNull(),
    subtotal: money("subtotal").notNull(),
    taxAmount: money("tax_amount").notNull(),
    discountAmount: money("discount_amount").notNull(),
    totalAmount: money("total_amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status").notNull(),
    /** The CX marketplace of the buyer's country, set at load; null when the country has none. */
    marketplace: text("marketplace"),
  },
  (t) => [
    index("transactions_customer_id_idx").on(t.customerId, t.transactionDate),
    index("transactions_marketplace_idx").on(t.marketplace, t.transactionDate),
    index("transactions_store_id_idx").on(t.storeId),
    index("transactions_transaction_date_idx").on(t.transactionDate),
    index("transactions_status_idx").on(t.status),
  ],
);

export const transactionItems = salesSchema.table(
  "transaction_items",
  {
    itemId: text("item_id").primaryKey(),
    transactionId: text("transaction_id")
      .notNull()
      .references(() => transactions.transactionId),
    productId: text("product_id").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: money("unit_price").notNull(),
    lineTotal: money("line_total").notNull(),
    discountApplied: money("discount_applied").notNull(),
  },
  (t) => [
    index("transaction_items_transaction_id_idx").on(t.transactionId),
    index("transaction_items_product_id_idx").on(t.productId),
  ],
);

export const regionalSales = salesSchema.table(
  "regional_sales",
  {
    regionId: text("region_id").notNull(),
    regionName: text("region_name").notNull(),
    country: text("country").notNull(),
    salesDate: date("sales_date").notNull(),
    totalRevenue: numeric("total_revenue", { precision: 12, scale: 2 }).notNull(),
    totalTransactions: integer("total_transactions").notNull(),
    averageOrderValue: money("average_order_value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.salesDate] }),
    index("regional_sales_sales_date_idx").on(t.salesDate),
    index("regional_sales_country_idx").on(t.country),
  ],
);
