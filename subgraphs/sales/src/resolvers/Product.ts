import type { ProductResolvers } from "../generated/resolvers-types";

export const Product: ProductResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  salesSummary: (product, _, { loaders }) => loaders.productSales.load(product.id),
};
