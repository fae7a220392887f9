import type { Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { byKey, groupedByKey, loader, loaderFamily, withChildren } from "@c360/subgraph-kit";
import {
  type EventRow,
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
  const read = <T>(withEvents: boolean, run: (withEvents: boolean) => Promise<T>) =>
    withChildren(withEvents, false, run);
  /** Leaves the tracking events read with shipments for `events` to find. */
  const primed = <R extends { shipmentId: string; trackingEvents?: EventRow[] }>(rows: R[]) => {
    for (const row of rows) if (row.trackingEvents) events.prime(row.shipmentId, row.trackingEvents);
    return rows;
  };
  return {
    /** The viewer's row scope, for the queries that do not go through a loader. */
    scope,
    /** Shipments by id; `withEvents` reads their tracking events too, for `events` to find. */
    shipment: loaderFamily("logistics.shipment", async (withEvents: boolean, ids: readonly string[]) =>
      byKey(ids, primed(await read(withEvents, (w) => shipmentsByIds(db, ids, scope, w))), (r) => r.shipmentId),
    ),
    /** Shipments by tracking number; `withEvents` as for `shipment`. */
    shipmentByTrackingNumber: loaderFamily(
      "logistics.shipmentByTrackingNumber",
      async (withEvents: boolean, numbers: readonly string[]) =>
        byKey(
          numbers,
          primed(await read(withEvents, (w) => shipmentsByTrackingNumbers(db, numbers, scope, w))),
          (r) => r.trackingNumber,
        ),
    ),
    /** Shipments of transactions; `withEvents` reads their tracking events too, for `events` to find. */
    shipmentsOfTransaction: loaderFamily(
      "logistics.shipmentsOfTransaction",
      async (withEvents: boolean, ids: readonly string[]) =>
        groupedByKey(
          ids,
          primed(await read(withEvents, (w) => shipmentsByTransactionIds(db, ids, scope, w))),
          (r) => r.transactionId,
        ),
    ),
    events,
    location: loader("logistics.location", async (ids: readonly string[]) =>
      byKey(ids, await locationsByIds(db, ids), (r) => r.locationId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
