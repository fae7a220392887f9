import type { Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import {
  byKey,
  loader,
  loaderFamily,
  type OffsetPage,
  offsetPage,
  selectedArguments,
  selects,
  withChildren,
} from "@c360/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";
import { type CustomerReads, customersByIds, loyaltyByCustomerIds, sessionPages, ticketPages } from "./data";

/**
 * What a customer's statement reads with it, from the selection below the field resolving to
 * customers: its loyalty when selected; its tickets' page when one page is (one `supportTickets`
 * whose arguments make a page: anything else is left to the tickets' own resolver and its errors).
 */
export function customerReads(info: GraphQLResolveInfo): CustomerReads {
  return { loyalty: selects(info, "loyalty"), tickets: ticketsPageOf(info) };
}

function ticketsPageOf(info: GraphQLResolveInfo): OffsetPage | null {
  try {
    const tickets = selectedArguments(info, "Customer", "supportTickets") as {
      first?: number | null;
      after?: string | null;
    }[];
    return tickets.length === 1 ? offsetPage(tickets[0]?.first, tickets[0]?.after) : null;
  } catch {
    return null;
  }
}

/**
 * Per-request loaders: one SQL statement per entity type and nesting level, whatever the page size;
 * a customer's loyalty and tickets come in the customer's statement when the selection asks for them.
 */
export function createLoaders(db: Database, viewer: Viewer) {
  const scope = viewer.markets;
  const loyalty = loader("customer.loyalty", async (ids: readonly string[]) =>
    byKey(ids, await loyaltyByCustomerIds(db, ids), (r) => r.customerId),
  );
  const tickets = loaderFamily("customer.tickets", (page: OffsetPage, ids: readonly string[]) =>
    ticketPages(db, ids, page),
  );
  return {
    /** The viewer's row scope, for the list queries that do not go through a loader. */
    scope,
    /** Customers by id, with what `reads` asks for (see `customerReads`), left for `loyalty` and `tickets` to find. */
    customer: loaderFamily("customer.customer", async (reads: CustomerReads, ids: readonly string[]) => {
      const rows = await withChildren(reads, { loyalty: false, tickets: null }, (r) =>
        customersByIds(db, ids, scope, r),
      );
      for (const row of rows) {
        if (row.loyalty !== undefined) loyalty.prime(row.customerId, row.loyalty);
        if (reads.tickets && row.tickets) tickets(reads.tickets).prime(row.customerId, row.tickets);
      }
      return byKey(ids, rows, (r) => r.customerId);
    }),
    loyalty,
    tickets,
    sessions: loaderFamily("customer.sessions", (page: OffsetPage, ids: readonly string[]) =>
      sessionPages(db, ids, page),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
