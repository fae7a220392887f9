import { accessDocuments, accessEvents } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import { type KeysetPage, keysetRows } from "@c360/subgraph-kit";
import { and, arrayContains, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";

export type AccessEventRow = typeof accessEvents.$inferSelect;

export interface AccessEventFilter {
  coordinate?: string | null;
  deniedCoordinate?: string | null;
  customerId?: string | null;
  subject?: string | null;
  role?: string | null;
  outcome?: string | null;
  operationName?: string | null;
  from?: Date | null;
  to?: Date | null;
  purpose?: string | null;
}

/** The condition of a filter of the trail; each of its parts can be served by an index of `audit.access_events`. */
export function accessEventsWhere(filter: AccessEventFilter | null | undefined): SQL | undefined {
  const f = filter ?? {};
  return and(
    f.subject != null ? eq(accessEvents.subject, f.subject) : undefined,
    f.role != null ? arrayContains(accessEvents.roles, [f.role]) : undefined,
    f.outcome != null ? eq(accessEvents.outcome, f.outcome) : undefined,
    f.operationName != null ? eq(accessEvents.operationName, f.operationName) : undefined,
    f.purpose != null ? eq(accessEvents.purpose, f.purpose) : undefined,
    f.from ? gte(accessEvents.occurredAt, f.from) : undefined,
    f.to ? lt(accessEvents.occurredAt, f.to) : undefined,
    f.coordinate != null ? arrayContains(accessEvents.coordinates, [f.coordinate]) : undefined,
    f.deniedCoordinate != null ? arrayContains(accessEvents.denied, [f.deniedCoordinate]) : undefined,
    // An event whose list of persons was cut may have carried this one too: it is found as well.
    f.customerId != null
      ? or(arrayContains(accessEvents.customerIds, [f.customerId]), eq(accessEvents.customerIdsTruncated, true))
      : undefined,
  );
}

/** The texts of documents, by hash. */
export function documentsByHashes(db: Database, hashes: readonly string[]) {
  return db.drizzle
    .select()
    .from(accessDocuments)
    .where(inArray(accessDocuments.documentHash, [...hashes]));
}

/** One page of the trail, newest first (keyset on the event id), and how many events match overall. */
export function accessEventsPage(db: Database, filter: AccessEventFilter | null | undefined, page: KeysetPage) {
  return keysetRows(db, {
    table: accessEvents,
    key: accessEvents.eventId,
    descending: true,
    where: accessEventsWhere(filter),
    page,
  });
}
