import type { InventoryRow, ProductRow, ProductSupplierRow, SupplierRow } from "../data";
import type { Context } from "../schema";

export const Product = {
  __resolveReference: (ref: { id: string }, { loaders }: Context) => loaders.product.load(ref.id),
  id: (row: ProductRow) => row.productId,
  suppliers: (row: ProductRow, _: unknown, { loaders }: Context) => loaders.suppliersOfProduct.load(row.productId),
  inventoryLevels: (row: ProductRow, _: unknown, { loaders }: Context) => loaders.inventory.load(row.productId),
};

export const Supplier = {
  __resolveReference: (ref: { id: string }, { loaders }: Context) => loaders.supplier.load(ref.id),
  id: (row: SupplierRow) => row.supplierId,
  qualityRating: (row: SupplierRow) => (row.qualityRating === null ? null : Number(row.qualityRating)),
  products: (row: SupplierRow, _: unknown, { loaders }: Context) => loaders.productsOfSupplier.load(row.supplierId),
};

export const ProductSupplier = {
  product: (row: ProductSupplierRow, _: unknown, { loaders }: Context) => loaders.product.load(row.productId),
  supplier: (row: ProductSupplierRow, _: unknown, { loaders }: Context) => loaders.supplier.load(row.supplierId),
};

export const InventoryLevel = {
  id: (row: InventoryRow) => row.inventoryId,
  product: (row: InventoryRow, _: unknown, { loaders }: Context) => loaders.product.load(row.productId),
  location: (row: InventoryRow) => ({ id: row.locationId }),
  available: (row: InventoryRow) => row.stockQuantity - row.reservedQuantity,
  needsReorder: (row: InventoryRow) => row.stockQuantity - row.reservedQuantity <= row.reorderPoint,
};
