import { keysetConnection, keysetPage } from "@c360/subgraph-kit";
import { customersPage } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  customer: (_, { id }, { loaders }) => loaders.customer.load(id),
  customers: async (_, { filter, first, after }, { db, loaders }, info) => {
    const page = keysetPage(first, after, info);
    const { rows, totalCount } = await customersPage(db, filter, page, loaders.scope);
    return keysetConnection(rows, totalCount, page, (row) => row.customerId);
  },
};
