import type { Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { byKey, loader, loaderFamily, type OffsetPage } from "@c360/subgraph-kit";
import { customersByIds, loyaltyByCustomerIds, sessionPages, ticketPages } from "./data";

/** Per-request loaders: one SQL statement per entity type and nesting level, whatever the page size. */
export function createLoaders(db: Database, viewer: Viewer) {
  const scope = viewer.markets;
  return {
    /** The viewer's row scope, for the list queries that do not go through a loader. */
    scope,
    customer: loader("customer.customer", async (ids: readonly string[]) =>
      byKey(ids, await customersByIds(db, ids, scope), (r) => r.customerId),
    ),
    loyalty: loader("customer.loyalty", async (ids: readonly string[]) =>
      byKey(ids, await loyaltyByCustomerIds(db, ids), (r) => r.customerId),
    ),
    tickets: loaderFamily("customer.tickets", (page: OffsetPage, ids: readonly string[]) => ticketPages(db, ids, page)),
    sessions: loaderFamily("customer.sessions", (page: OffsetPage, ids: readonly string[]) =>
      sessionPages(db, ids, page),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
