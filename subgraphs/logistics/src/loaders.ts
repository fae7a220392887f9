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
  return {
    /** The viewer's row scope, for the queries that do not go through a loader. */
    scope,
    shipment: loader("logistics.shipment", async (ids: readonly string[]) =>
      byKey(ids, await shipmentsByIds(db, ids, scope), (r) => r.shipmentId),
    ),
    shipmentByTrackingNumber: loader("logistics.shipmentByTrackingNumber", async (numbers: readonly string[]) =>
      byKey(numbers, await shipmentsByTrackingNumbers(db, numbers, scope), (r) => r.trackingNumber),
    ),
    /** Shipments of transactions; `withEvents` reads their tracking events too, for `events` to find. */
    shipmentsOfTransaction: loaderFamily(
      "logistics.shipmentsOfTransaction",
      async (withEvents: boolean, ids: readonly string[]) => {
        const rows = await withChildren(withEvents, false, (w) => shipmentsByTransactionIds(db, ids, scope, w));
        for (const row of rows) if (row.trackingEvents) events.prime(row.shipmentId, row.trackingEvents);
        return groupedByKey(ids, rows, (r) => r.transactionId);
      },
    ),
    events,
    location: loader("logistics.location", async (ids: readonly string[]) =>
      byKey(ids, await locationsByIds(db, ids), (r) => r.locationId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
