import { keysetConnection, keysetPage } from "@c360/subgraph-kit";
import { type ProductFilter, productsPage } from "../data";
import type { Context } from "../schema";

export const Query = {
  product: (_: unknown, args: { id: string }, { loaders }: Context) => loaders.product.load(args.id),
  products: async (
    _: unknown,
    args: { filter?: ProductFilter | null; first?: number | null; after?: string | null },
    { db }: Context,
  ) => {
    const page = keysetPage(args.first, args.after);
    const { rows, totalCount } = await productsPage(db, args.filter, page);
    return keysetConnection(rows, totalCount, page, (row) => row.productId);
  },
  supplier: (_: unknown, args: { id: string }, { loaders }: Context) => loaders.supplier.load(args.id),
};
