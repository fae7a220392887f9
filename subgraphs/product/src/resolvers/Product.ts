import type {
  InventoryLevelResolvers,
  ProductResolvers,
  ProductSupplierResolvers,
  SupplierResolvers,
} from "../generated/resolvers-types";

export const Product: ProductResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.product.load(ref.id),
  id: (row) => row.productId,
  suppliers: (row, _, { loaders }) => loaders.suppliersOfProduct.load(row.productId),
  inventoryLevels: (row, _, { loaders }) => loaders.inventory.load(row.productId),
};

export const Supplier: SupplierResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.supplier.load(ref.id),
  id: (row) => row.supplierId,
  products: (row, _, { loaders }) => loaders.productsOfSupplier.load(row.supplierId),
};

export const ProductSupplier: ProductSupplierResolvers = {
  product: async (row, _, { loaders }) =>
    (await loaders.product.load(row.productId)) ?? missing("product", row.productId),
  supplier: async (row, _, { loaders }) =>
    (await loaders.supplier.load(row.supplierId)) ?? missing("supplier", row.supplierId),
};

export const InventoryLevel: InventoryLevelResolvers = {
  id: (row) => row.inventoryId,
  product: async (row, _, { loaders }) =>
    (await loaders.product.load(row.productId)) ?? missing("product", row.productId),
  location: (row) => ({ id: row.locationId }),
  available: (row) => row.stockQuantity - row.reservedQuantity,
  needsReorder: (row) => row.stockQuantity - row.reservedQuantity <= row.reorderPoint,
};

/** A foreign-key constraint guarantees the row: its absence is a broken database, not a client error. */
function missing(what: string, id: string): never {
  throw new Error(`${what} ${id} referenced by a constraint is missing`);
}
