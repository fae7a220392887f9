import { keysetConnection, keysetPage, orderName, rangeInOrder, selects } from "@c360/subgraph-kit";
import { locationsPage, shipmentsPage } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

export const Query: QueryResolvers = {
  shipment: (_, { id }, { loaders }, info) => loaders.shipment(selects(info, "trackingEvents")).load(id),
  shipmentByTrackingNumber: (_, { trackingNumber }, { loaders }, info) =>
    loaders.shipmentByTrackingNumber(selects(info, "trackingEvents")).load(trackingNumber),
  location: (_, { id }, { loaders }) => loaders.location.load(id),
  shipments: async (_, { filter, orderBy, first, after }, { db, loaders }, info) => {
    rangeInOrder(filter);
    const page = keysetPage(first, after, info, orderName(orderBy));
    const { rows, totalCount } = await shipmentsPage(db, filter, orderBy, page, loaders.scope);
    return keysetConnection(rows, totalCount, page, (row) => row.shipmentId);
  },
  locations: async (_, { first, after }, { db }, info) => {
    const page = keysetPage(first, after, info);
    const { rows, totalCount } = await locationsPage(db, page);
    return keysetConnection(rows, totalCount, page, (row) => row.locationId);
  },
};
