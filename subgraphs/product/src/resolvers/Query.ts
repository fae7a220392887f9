import { keysetConnection, keysetPage } from "@c360/subgraph-kit";
import { productsPage } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  product: (_, { id }, { loaders }) => loaders.product.load(id),
  products: async (_, { filter, first, after }, { db }, info) => {
    const page = keysetPage(first, after, info);
    const { rows, totalCount } = await productsPage(db, filter, page);
    return keysetConnection(rows, totalCount, page, (row) => row.productId);
  },
  supplier: (_, { id }, { loaders }) => loaders.supplier.load(id),
};
