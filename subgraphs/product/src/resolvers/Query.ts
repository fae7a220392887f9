import { keysetConnection, keysetPage, orderName, selects, withChildren } from "@c360/subgraph-kit";
import { inventoryPage, productsPage, suppliersPage } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  product: (_, { id }, { loaders }) => loaders.product.load(id),
  products: async (_, { filter, first, after }, { db, loaders }, info) => {
    const page = keysetPage(first, after, info);
    const { rows, totalCount } = await withChildren(selects(info, "edges.node.inventoryLevels"), false, (inventory) =>
      productsPage(db, filter, page, inventory),
    );
    for (const row of rows) if (row.inventory) loaders.inventory.prime(row.productId, row.inventory);
    return keysetConnection(rows, totalCount, page, (row) => row.productId);
  },
  supplier: (_, { id }, { loaders }) => loaders.supplier.load(id),
  suppliers: async (_, { first, after }, { db }, info) => {
    const page = keysetPage(first, after, info);
    const { rows, totalCount } = await suppliersPage(db, page);
    return keysetConnection(rows, totalCount, page, (row) => row.supplierId);
  },
  inventoryLevels: async (_, { filter, orderBy, first, after }, { db }, info) => {
    const page = keysetPage(first, after, info, orderName(orderBy));
    const { rows, totalCount } = await inventoryPage(db, filter, orderBy, page);
    return keysetConnection(rows, totalCount, page, (row) => row.inventoryId);
  },
};
