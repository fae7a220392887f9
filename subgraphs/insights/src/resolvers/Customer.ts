import type { CustomerResolvers } from "../generated/resolvers-types";

export const Customer: CustomerResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  productPreferences: (customer) => ({ customerId: customer.id }),
};
