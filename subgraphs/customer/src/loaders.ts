import type { Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { byKey, loader, loaderFamily, type OffsetPage } from "@c360/subgraph-kit";
import { customersByIds, loyaltyByCustomerIds, sessionPages, ticketPages } from "./data";

/** Per-request loaders: one SQL statement per entity type and nesting level, whatever the page size. */
export function createLoaders(db: Database, viewer: Viewer) {
  const scope = viewer.markets;
  const loyalty = loader("customer.loyalty", async (ids: readonly string[]) =>
    byKey(ids, await loyaltyByCustomerIds(db, ids), (r) => r.customerId),
  );
  return {
    /** The viewer's row scope, for the list queries that do not go through a loader. */
    scope,
    /** Customers by id; `withLoyalty` reads their loyalty too, for `loyalty` to find. */
    customer: loaderFamily("customer.customer", async (withLoyalty: boolean, ids: readonly string[]) => {
      const rows = await customersByIds(db, ids, scope, withLoyalty);
      if (withLoyalty) for (const row of rows) loyalty.prime(row.customerId, row.loyalty ?? null);
      return byKey(ids, rows, (r) => r.customerId);
    }),
    loyalty,
    tickets: loaderFamily("customer.tickets", (page: OffsetPage, ids: readonly string[]) => ticketPages(db, ids, page)),
    sessions: loaderFamily("customer.sessions", (page: OffsetPage, ids: readonly string[]) =>
      sessionPages(db, ids, page),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
