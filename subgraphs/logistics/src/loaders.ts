import type { Database } from "@c360/db-client";
import { byKey, groupedByKey } from "@c360/subgraph-kit";
import DataLoader from "dataloader";
import {
  eventsByShipmentIds,
  locationsByIds,
  shipmentsByIds,
  shipmentsByTrackingNumbers,
  shipmentsByTransactionIds,
} from "./data";

/** Per-request loaders: one SQL statement per entity type and nesting level, whatever the page size. */
export function createLoaders(db: Database) {
  return {
    shipment: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await shipmentsByIds(db, ids), (r) => r.shipmentId),
    ),
    shipmentByTrackingNumber: new DataLoader(async (numbers: readonly string[]) =>
      byKey(numbers, await shipmentsByTrackingNumbers(db, numbers), (r) => r.trackingNumber),
    ),
    shipmentsOfTransaction: new DataLoader(async (ids: readonly string[]) =>
      groupedByKey(ids, await shipmentsByTransactionIds(db, ids), (r) => r.transactionId),
    ),
    events: new DataLoader(async (ids: readonly string[]) =>
      groupedByKey(ids, await eventsByShipmentIds(db, ids), (r) => r.shipmentId),
    ),
    location: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await locationsByIds(db, ids), (r) => r.locationId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
