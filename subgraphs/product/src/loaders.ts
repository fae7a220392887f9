import type { Database } from "@c360/db-client";
import { byKey, groupedByKey } from "@c360/subgraph-kit";
import DataLoader from "dataloader";
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
    product: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await productsByIds(db, ids), (r) => r.productId),
    ),
    supplier: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await suppliersByIds(db, ids), (r) => r.supplierId),
    ),
    suppliersOfProduct: new DataLoader(async (ids: readonly string[]) =>
      groupedByKey(ids, await supplyLinksByProductIds(db, ids), (r) => r.productId),
    ),
    productsOfSupplier: new DataLoader(async (ids: readonly string[]) =>
      groupedByKey(ids, await supplyLinksBySupplierIds(db, ids), (r) => r.supplierId),
    ),
    inventory: new DataLoader(async (ids: readonly string[]) =>
      groupedByKey(ids, await inventoryByProductIds(db, ids), (r) => r.productId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
