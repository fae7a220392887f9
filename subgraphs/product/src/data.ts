import { inventory, productSuppliers, products, suppliers } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import { anyOf, decimalArgument, type KeysetPage, keysetRows, statement } from "@c360/subgraph-kit";
import { and, asc, desc, eq, gte, lte, not, type SQL, sql } from "drizzle-orm";

export type ProductRow = typeof products.$inferSelect;
export type SupplierRow = typeof suppliers.$inferSelect;
export type ProductSupplierRow = typeof productSuppliers.$inferSelect;
export type InventoryRow = typeof inventory.$inferSelect;

export interface ProductFilter {
  category?: string | null;
  brand?: string | null;
  status?: string | null;
  minPrice?: string | null;
  maxPrice?: string | null;
}

function filterCondition(filter: ProductFilter | null | undefined): SQL | undefined {
  return and(
    filter?.category ? eq(products.category, filter.category) : undefined,
    filter?.brand ? eq(products.brand, filter.brand) : undefined,
    filter?.status ? eq(products.status, filter.status) : undefined,
    filter?.minPrice ? gte(products.price, decimalArgument("filter.minPrice", filter.minPrice)) : undefined,
    filter?.maxPrice ? lte(products.price, decimalArgument("filter.maxPrice", filter.maxPrice)) : undefined,
  );
}

const productsByIdsStatement = statement("product.productsByIds", (db) =>
  db.drizzle.select().from(products).where(anyOf(products.productId, "ids")),
);

export const productsByIds = (db: Database, ids: readonly string[]): Promise<ProductRow[]> =>
  productsByIdsStatement(db, { ids });

/** One page of products in id order (keyset), and how many match the filter overall. */
/** A product's inventory levels by location: with a page of products when asked for, else by `inventoryByProductIds`. */
const inventoryOfProduct = {
  table: inventory,
  on: inventory.productId,
  to: products.productId,
  orderBy: [asc(inventory.locationId), asc(inventory.inventoryId)],
};

/** One page of products in id order (keyset); with `withInventory`, each carries its `inventory`, read in the same statement. */
export function productsPage(
  db: Database,
  filter: ProductFilter | null | undefined,
  page: KeysetPage,
  withInventory: boolean,
) {
  return keysetRows<typeof products, { inventory: typeof inventory }>(db, {
    table: products,
    key: products.productId,
    where: filterCondition(filter),
    page,
    ...(withInventory ? { nested: { inventory: inventoryOfProduct } } : {}),
  });
}

const suppliersByIdsStatement = statement("product.suppliersByIds", (db) =>
  db.drizzle.select().from(suppliers).where(anyOf(suppliers.supplierId, "ids")),
);

export const suppliersByIds = (db: Database, ids: readonly string[]): Promise<SupplierRow[]> =>
  suppliersByIdsStatement(db, { ids });

const supplyLinksByProductIdsStatement = statement("product.supplyLinksByProductIds", (db) =>
  db.drizzle
    .select()
    .from(productSuppliers)
    .where(anyOf(productSuppliers.productId, "ids"))
    .orderBy(desc(productSuppliers.isPrimary), asc(productSuppliers.supplierId)),
);

export const supplyLinksByProductIds = (db: Database, ids: readonly string[]): Promise<ProductSupplierRow[]> =>
  supplyLinksByProductIdsStatement(db, { ids });

const supplyLinksBySupplierIdsStatement = statement("product.supplyLinksBySupplierIds", (db) =>
  db.drizzle
    .select()
    .from(productSuppliers)
    .where(anyOf(productSuppliers.supplierId, "ids"))
    .orderBy(asc(productSuppliers.productId)),
);

export const supplyLinksBySupplierIds = (db: Database, ids: readonly string[]): Promise<ProductSupplierRow[]> =>
  supplyLinksBySupplierIdsStatement(db, { ids });

const inventoryByProductIdsStatement = statement("product.inventoryByProductIds", (db) =>
  db.drizzle
    .select()
    .from(inventory)
    .where(anyOf(inventory.productId, "ids"))
    .orderBy(...inventoryOfProduct.orderBy),
);

export const inventoryByProductIds = (db: Database, ids: readonly string[]): Promise<InventoryRow[]> =>
  inventoryByProductIdsStatement(db, { ids });

/** One page of suppliers in id order (keyset). */
export function suppliersPage(db: Database, page: KeysetPage) {
  return keysetRows(db, { table: suppliers, key: suppliers.supplierId, page });
}

export interface InventoryFilter {
  needsReorder?: boolean | null;
  locationId?: string | null;
  productId?: string | null;
}

export type InventoryOrderField = "ID" | "AVAILABLE" | "LAST_UPDATED";

const available = sql`(${inventory.stockQuantity} - ${inventory.reservedQuantity})`;
const inventoryOrders: Record<InventoryOrderField, SQL> = {
  ID: sql`${inventory.inventoryId}`,
  AVAILABLE: available,
  LAST_UPDATED: sql`${inventory.lastUpdated}`,
};

/** One keyset page of inventory levels, in `order` (id order by default); `needsReorder` as the field computes it. */
export function inventoryPage(
  db: Database,
  filter: InventoryFilter | null | undefined,
  order: { field: InventoryOrderField; direction?: "ASC" | "DESC" | null } | null | undefined,
  page: KeysetPage,
) {
  const reorder = sql`${available} <= ${inventory.reorderPoint}`;
  return keysetRows(db, {
    table: inventory,
    key: inventory.inventoryId,
    where: and(
      filter?.needsReorder == null ? undefined : filter.needsReorder ? reorder : not(reorder),
      filter?.locationId != null ? eq(inventory.locationId, filter.locationId) : undefined,
      filter?.productId != null ? eq(inventory.productId, filter.productId) : undefined,
    ),
    page,
    descending: order?.direction === "DESC",
    ...(order ? { orderBy: inventoryOrders[order.field] } : {}),
  });
}
