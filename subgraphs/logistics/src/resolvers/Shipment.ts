import { localTimeOf } from "@c360/db";
import { ofCustomer, selects } from "@c360/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";
import type {
  LocationResolvers,
  ShipmentResolvers,
  TrackingEventResolvers,
  TransactionResolvers,
} from "../generated/resolvers-types";
import type { Context } from "../schema";

/** A shipment by id in the caller's scope, with its tracking events in its statement when the selection asks for them. */
const shipmentById = (id: string, loaders: Context["loaders"], info: GraphQLResolveInfo) =>
  loaders.shipment(selects(info, "trackingEvents")).load(id);

const DAY_MS = 86_400_000;

/** Days from `a` to `b`, both `YYYY-MM-DD`. */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

export const Shipment: ShipmentResolvers = {
  __resolveReference: (ref, { loaders }, info) => shipmentById(ref.id, loaders, info),
  id: (row) => row.shipmentId,
  transaction: (row) => ({ id: row.transactionId }),
  origin: (row, _, { loaders }) => loaders.location.load(row.originLocation),
  trackingEvents: async (row, _, { loaders }) =>
    ofCustomer(await loaders.events.load(row.shipmentId), row.customerId, { marketplace: row.marketplace }),
  onTime: (row) => (row.actualDelivery ? row.actualDelivery <= row.estimatedDelivery : null),
  delayDays: (row) => (row.actualDelivery ? Math.max(0, daysBetween(row.estimatedDelivery, row.actualDelivery)) : null),
};

export const TrackingEvent: TrackingEventResolvers = {
  shipment: (row, _, { loaders }, info) => shipmentById(row.shipmentId, loaders, info),
  id: (row) => row.eventId,
  eventTimestampLocal: (row) => localTimeOf(row.eventTimestamp, row.marketplace),
};

export const Location: LocationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.location.load(ref.id),
  id: (row) => row.locationId,
};

export const Transaction: TransactionResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  shipments: (ref, _, { loaders }, info) =>
    loaders.shipmentsOfTransaction(selects(info, "trackingEvents")).load(ref.id),
};
