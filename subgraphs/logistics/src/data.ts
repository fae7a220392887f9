import { shipments, trackingEvents, warehouseLocations } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import { asc, inArray } from "drizzle-orm";

export type ShipmentRow = typeof shipments.$inferSelect;
export type EventRow = typeof trackingEvents.$inferSelect;
export type LocationRow = typeof warehouseLocations.$inferSelect;

export function shipmentsByIds(db: Database, ids: readonly string[]): Promise<ShipmentRow[]> {
  return db.drizzle
    .select()
    .from(shipments)
    .where(inArray(shipments.shipmentId, [...ids]));
}

export function shipmentsByTrackingNumbers(db: Database, numbers: readonly string[]): Promise<ShipmentRow[]> {
  return db.drizzle
    .select()
    .from(shipments)
    .where(inArray(shipments.trackingNumber, [...numbers]));
}

export function shipmentsByTransactionIds(db: Database, ids: readonly string[]): Promise<ShipmentRow[]> {
  return db.drizzle
    .select()
    .from(shipments)
    .where(inArray(shipments.transactionId, [...ids]))
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
