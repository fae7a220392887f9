import { keysetConnection, keysetPage, orderName } from "@c360/subgraph-kit";
import { inventoryPage, productsPage, suppliersPage } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  product: (_, { id }, { loaders }) => loaders.product.load(id),
  products: async (_, { filter, first, after }, { db }, info) => {
    const page = keysetPage(first, after, info);
    const { rows, totalCount } = await productsPage(db, filter, page);
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
