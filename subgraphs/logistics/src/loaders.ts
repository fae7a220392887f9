import type { Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { byKey, groupedByKey, loader, loaderFamily, withChildren } from "@c360/subgraph-kit";
import {
  eventsByShipmentIds,
  locationsByIds,
  shipmentsByIds,
  shipmentsByTrackingNumbers,
  shipmentsByTransactionIds,
} from "./data";

/**
 * Per-request loaders: one SQL statement per entity type and nesting level, whatever the page size,
 * each kept to the viewer's markets; a shipment's tracking events come in its statement when the selection asks for them.
 */
export function createLoaders(db: Database, viewer: Viewer) {
  const scope = viewer.markets;
  const events = loader("logistics.events", async (ids: readonly string[]) =>
    groupedByKey(ids, await eventsByShipmentIds(db, ids), (r) => r.shipmentId),
  );
  /** Shipments found by `find`, with their tracking events when asked for, left for `events` to find. */
  const shipmentsFound = async (find: typeof shipmentsByIds, keys: readonly string[], withEvents: boolean) => {
    const rows = await withChildren(withEvents, false, (w) => find(db, keys, scope, w));
    for (const row of rows) if (row.trackingEvents) events.prime(row.shipmentId, row.trackingEvents);
    return rows;
  };
  return {
    /** The viewer's row scope, for the queries that do not go through a loader. */
    scope,
    /** Shipments by id; `withEvents` reads their tracking events too. */
    shipment: loaderFamily("logistics.shipment", async (withEvents: boolean, ids: readonly string[]) =>
      byKey(ids, await shipmentsFound(shipmentsByIds, ids, withEvents), (r) => r.shipmentId),
    ),
    /** Shipments by tracking number; `withEvents` as for `shipment`. */
    shipmentByTrackingNumber: loaderFamily(
      "logistics.shipmentByTrackingNumber",
      async (withEvents: boolean, numbers: readonly string[]) =>
        byKey(numbers, await shipmentsFound(shipmentsByTrackingNumbers, numbers, withEvents), (r) => r.trackingNumber),
    ),
    /** Shipments of transactions; `withEvents` as for `shipment`. */
    shipmentsOfTransaction: loaderFamily(
      "logistics.shipmentsOfTransaction",
      async (withEvents: boolean, ids: readonly string[]) =>
        groupedByKey(ids, await shipmentsFound(shipmentsByTransactionIds, ids, withEvents), (r) => r.transactionId),
    ),
    events,
    location: loader("logistics.location", async (ids: readonly string[]) =>
      byKey(ids, await locationsByIds(db, ids), (r) => r.locationId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
