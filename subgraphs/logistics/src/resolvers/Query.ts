import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  shipment: (_, { id }, { loaders }) => loaders.shipment.load(id),
  shipmentByTrackingNumber: (_, { trackingNumber }, { loaders }) =>
    loaders.shipmentByTrackingNumber.load(trackingNumber),
  location: (_, { id }, { loaders }) => loaders.location.load(id),
};
