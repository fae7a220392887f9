import type { Database } from "@c360/db-client";
import { byKey, groupedByKey, loader } from "@c360/subgraph-kit";
import {
  inventoryByProductIds,
  productsByIds,
  suppliersByIds,
  supplyLinksByProductIds,
  supplyLinksBySupplierIds,
} from "./data";

/** Per-request loaders: one SQL statement per entity type and nesting level, whatever the page size. */
export function createLoaders(db: Database) {
  return {
    product: loader("product.product", async (ids: readonly string[]) =>
      byKey(ids, await productsByIds(db, ids), (r) => r.productId),
    ),
    supplier: loader("product.supplier", async (ids: readonly string[]) =>
      byKey(ids, await suppliersByIds(db, ids), (r) => r.supplierId),
    ),
    suppliersOfProduct: loader("product.suppliersOfProduct", async (ids: readonly string[]) =>
      groupedByKey(ids, await supplyLinksByProductIds(db, ids), (r) => r.productId),
    ),
    productsOfSupplier: loader("product.productsOfSupplier", async (ids: readonly string[]) =>
      groupedByKey(ids, await supplyLinksBySupplierIds(db, ids), (r) => r.supplierId),
    ),
    inventory: loader("product.inventory", async (ids: readonly string[]) =>
      groupedByKey(ids, await inventoryByProductIds(db, ids), (r) => r.productId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
