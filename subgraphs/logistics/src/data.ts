import { shipments, trackingEvents, warehouseLocations } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import {
  anyOf,
  inScope,
  type KeysetPage,
  keysetRows,
  type MarketScope,
  nestedRows,
  rowsOfNested,
  scopedStatement,
  statement,
} from "@c360/subgraph-kit";
import { and, asc, eq, getTableColumns, not, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export type ShipmentRow = typeof shipments.$inferSelect;
/** A tracking scan, with its shipment's marketplace (whose zone its local time is in) when reached through it. */
export type EventRow = typeof trackingEvents.$inferSelect & { marketplace?: string | null };
export type LocationRow = typeof warehouseLocations.$inferSelect;

/**
 * Row scope: every statement that selects shipments keeps to the viewer's markets, by the shipment's
 * own market; tracking events are read only for shipments so selected. Locations belong to no market.
 */
const scoped = (scope: MarketScope) => inScope(shipments.marketplace, scope);

/** A shipment's tracking events in time order: with the shipment when asked for, else by `eventsByShipmentIds`. */
const eventsOfShipment = {
  table: trackingEvents,
  on: trackingEvents.shipmentId,
  to: shipments.shipmentId,
  orderBy: [asc(trackingEvents.eventTimestamp), asc(trackingEvents.eventId)],
};

/**
 * Shipments whose `column` is one of the keys, in the viewer's scope and in `orderBy` order; with
 * `withEvents`, each carries its `trackingEvents`, read in the same statement.
 */
function shipmentsBy(name: string, column: PgColumn, orderBy: SQL[] = []) {
  const run = scopedStatement(name, {}, (db, inScope, variant) =>
    db.drizzle
      .select({
        ...getTableColumns(shipments),
        ...(variant === "events" ? { trackingEvents: nestedRows(eventsOfShipment) } : {}),
      })
      .from(shipments)
      .where(and(anyOf(column, "keys"), inScope(shipments.marketplace)))
      .orderBy(...orderBy),
  );
  return async (
    db: Database,
    keys: readonly string[],
    scope: MarketScope,
    withEvents = false,
  ): Promise<(ShipmentRow & { trackingEvents?: EventRow[] })[]> => {
    const rows = await run(db, scope, { keys }, withEvents ? "events" : "");
    if (withEvents)
      for (const row of rows as { trackingEvents?: unknown }[])
        row.trackingEvents = rowsOfNested(trackingEvents, row.trackingEvents);
    return rows as (ShipmentRow & { trackingEvents?: EventRow[] })[];
  };
}

export const shipmentsByIds = shipmentsBy("logistics.shipmentsByIds", shipments.shipmentId);
export const shipmentsByTrackingNumbers = shipmentsBy("logistics.shipmentsByTrackingNumbers", shipments.trackingNumber);
export const shipmentsByTransactionIds = shipmentsBy("logistics.shipmentsByTransactionIds", shipments.transactionId, [
  asc(shipments.shipDate),
  asc(shipments.shipmentId),
]);

const eventsStatement = statement("logistics.eventsByShipmentIds", (db) =>
  db.drizzle
    .select()
    .from(trackingEvents)
    .where(anyOf(trackingEvents.shipmentId, "ids"))
    .orderBy(...eventsOfShipment.orderBy),
);

export const eventsByShipmentIds = (db: Database, ids: readonly string[]): Promise<EventRow[]> =>
  eventsStatement(db, { ids });

const locationsStatement = statement("logistics.locationsByIds", (db) =>
  db.drizzle.select().from(warehouseLocations).where(anyOf(warehouseLocations.locationId, "ids")),
);

export const locationsByIds = (db: Database, ids: readonly string[]): Promise<LocationRow[]> =>
  locationsStatement(db, { ids });

export interface ShipmentFilter {
  deliveryStatus?: string | null;
  carrier?: string | null;
  late?: boolean | null;
  from?: string | null;
  to?: string | null;
}

export type ShipmentOrderField = "ID" | "SHIP_DATE" | "ESTIMATED_DELIVERY";

const shipmentOrders: Record<ShipmentOrderField, SQL> = {
  ID: sql`${shipments.shipmentId}`,
  SHIP_DATE: sql`${shipments.shipDate}`,
  ESTIMATED_DELIVERY: sql`${shipments.estimatedDelivery}`,
};

/** Late: delivered after the estimate, or not delivered and past it (today, UTC). */
const late = sql`(coalesce(${shipments.actualDelivery}, (now() at time zone 'UTC')::date) > ${shipments.estimatedDelivery})`;

/** One keyset page of the shipments in the viewer's markets, in `order` (id order by default). */
export function shipmentsPage(
  db: Database,
  filter: ShipmentFilter | null | undefined,
  order: { field: ShipmentOrderField; direction?: "ASC" | "DESC" | null } | null | undefined,
  page: KeysetPage,
  scope: MarketScope,
) {
  return keysetRows(db, {
    table: shipments,
    key: shipments.shipmentId,
    where: and(
      filter?.deliveryStatus != null ? eq(shipments.deliveryStatus, filter.deliveryStatus) : undefined,
      filter?.carrier != null ? eq(shipments.carrier, filter.carrier) : undefined,
      filter?.late == null ? undefined : filter.late ? late : not(late),
      filter?.from ? sql`${shipments.shipDate} >= ${filter.from}::date` : undefined,
      filter?.to ? sql`${shipments.shipDate} <= ${filter.to}::date` : undefined,
      scoped(scope),
    ),
    page,
    descending: order?.direction === "DESC",
    ...(order ? { orderBy: shipmentOrders[order.field] } : {}),
  });
}

/** One keyset page of locations in id order (they belong to no market). */
export function locationsPage(db: Database, page: KeysetPage) {
  return keysetRows(db, { table: warehouseLocations, key: warehouseLocations.locationId, page });
}
