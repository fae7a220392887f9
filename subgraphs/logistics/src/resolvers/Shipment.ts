import type { EventRow, LocationRow, ShipmentRow } from "../data";
import type { Context } from "../schema";

const DAY_MS = 86_400_000;

/** Days between two `YYYY-MM-DD` dates (b - a). */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

export const Shipment = {
  __resolveReference: (ref: { id: string }, { loaders }: Context) => loaders.shipment.load(ref.id),
  id: (row: ShipmentRow) => row.shipmentId,
  transaction: (row: ShipmentRow) => ({ id: row.transactionId }),
  origin: (row: ShipmentRow, _: unknown, { loaders }: Context) => loaders.location.load(row.originLocation),
  trackingEvents: (row: ShipmentRow, _: unknown, { loaders }: Context) => loaders.events.load(row.shipmentId),
  onTime: (row: ShipmentRow) => (row.actualDelivery ? row.actualDelivery <= row.estimatedDelivery : null),
  delayDays: (row: ShipmentRow) =>
    row.actualDelivery ? Math.max(0, daysBetween(row.estimatedDelivery, row.actualDelivery)) : null,
};

export const TrackingEvent = { id: (row: EventRow) => row.eventId };

export const Location = {
  __resolveReference: (ref: { id: string }, { loaders }: Context) => loaders.location.load(ref.id),
  id: (row: LocationRow) => row.locationId,
};

export const Transaction = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  shipments: (ref: { id: string }, _: unknown, { loaders }: Context) => loaders.shipmentsOfTransaction.load(ref.id),
};
