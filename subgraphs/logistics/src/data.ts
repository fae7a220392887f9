import { shipments, trackingEvents, warehouseLocations } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import { inScope, type MarketScope } from "@c360/subgraph-kit";
import { and, asc, inArray } from "drizzle-orm";

export type ShipmentRow = typeof shipments.$inferSelect;
export type EventRow = typeof trackingEvents.$inferSelect;
export type LocationRow = typeof warehouseLocations.$inferSelect;

/**
 * Row scope: every statement that selects shipments keeps to the viewer's markets, by the shipment's
 * own market; tracking events are read only for shipments so selected. Locations belong to no market.
 */
const scoped = (scope: MarketScope) => inScope(shipments.marketplace, scope);

export function shipmentsByIds(db: Database, ids: readonly string[], scope: MarketScope): Promise<ShipmentRow[]> {
  return db.drizzle
    .select()
    .from(shipments)
    .where(and(inArray(shipments.shipmentId, [...ids]), scoped(scope)));
}

export function shipmentsByTrackingNumbers(
  db: Database,
  numbers: readonly string[],
  scope: MarketScope,
): Promise<ShipmentRow[]> {
  return db.drizzle
    .select()
    .from(shipments)
    .where(and(inArray(shipments.trackingNumber, [...numbers]), scoped(scope)));
}

export function shipmentsByTransactionIds(
  db: Database,
  ids: readonly string[],
  scope: MarketScope,
): Promise<ShipmentRow[]> {
  return db.drizzle
    .select()
    .from(shipments)
    .where(and(inArray(shipments.transactionId, [...ids]), scoped(scope)))
    .orderBy(asc(shipments.shipDate), asc(shipments.shipmentId));
}

export function eventsByShipmentIds(db: Database, ids: readonly string[]): Promise<EventRow[]> {
  return db.drizzle
    .select()
    .from(trackingEvents)
    .where(inArray(trackingEvents.shipmentId, [...ids]))
    .orderBy(asc(trackingEvents.eventTimestamp), asc(trackingEvents.eventId));
}

export function locationsByIds(db: Database, ids: readonly string[]): Promise<LocationRow[]> {
  return db.drizzle
    .select()
    .from(warehouseLocations)
    .where(inArray(warehouseLocations.locationId, [...ids]));
}
