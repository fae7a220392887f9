import type { ProductAffinityResolvers, ProductResolvers } from "../generated/resolvers-types";
import { firstOf } from "./first";

export const Product: ProductResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  boughtTogether: (product, { first }, { loaders }, info) =>
    loaders.boughtTogether(firstOf(first, info)).load(product.id),
};

export const ProductAffinity: ProductAffinityResolvers = {
  product: (row) => ({ id: row.otherProductId }),
};
