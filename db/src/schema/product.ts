import { boolean, date, index, integer, numeric, pgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The product domain: catalog, suppliers and inventory levels.
 * `inventory.location_id` points at logistics.warehouse_locations: checked by the importer and the
 * quality checks, not by a constraint.
 */
export const productSchema = pgSchema("product");

export const products = productSchema.table(
  "products",
  {
    productId: text("product_id").primaryKey(),
    productName: text("product_name").notNull(),
    category: text("category").notNull(),
    subcategory: text("subcategory"),
    brand: text("brand").notNull(),
    price: numeric("price", { precision: 10, scale: 2 }).notNull(),
    cost: numeric("cost", { precision: 10, scale: 2 }).notNull(),
    weightKg: numeric("weight_kg", { precision: 8, scale: 3 }),
    dimensions: text("dimensions"),
    color: text("color"),
    size: text("size"),
    createdDate: date("created_date").notNull(),
    status: text("status").notNull(),
  },
  (t) => [
    index("products_category_idx").on(t.category),
    index("products_brand_idx").on(t.brand),
    index("products_status_idx").on(t.status),
  ],
);

export const suppliers = productSchema.table(
  "suppliers",
  {
    supplierId: text("supplier_id").primaryKey(),
    supplierName: text("supplier_name").notNull(),
    contactPerson: text("contact_person"),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    country: text("country").notNull(),
    paymentTerms: text("payment_terms"),
    qualityRating: numeric("quality_rating", { precision: 3, scale: 2 }),
  },
  (t) => [index("suppliers_country_idx").on(t.country)],
);

export const productSuppliers = productSchema.table(
  "product_suppliers",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.productId),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.supplierId),
    isPrimary: boolean("is_primary").notNull(),
    costPrice: numeric("cost_price", { precision: 10, scale: 2 }).notNull(),
    leadTimeDays: integer("lead_time_days").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.supplierId] }),
    index("product_suppliers_supplier_id_idx").on(t.supplierId),
  ],
);

export const inventory = productSchema.table(
  "inventory",
  {
    inventoryId: text("inventory_id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.productId),
    locationId: text("location_id").notNull(),
    stockQuantity: integer("stock_quantity").notNull(),
    reservedQuantity: integer("reserved_quantity").notNull(),
    reorderPoint: integer("reorder_point").notNull(),
    maxStockLevel: integer("max_stock_level").notNull(),
    lastUpdated: timestamp("last_updated", { withTimezone: true }).notNull(),
  },
  (t) => [index("inventory_product_id_idx").on(t.productId), index("inventory_location_id_idx").on(t.locationId)],
);
