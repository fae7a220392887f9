import { isMarketplace, marketplaces } from "@c360/db";
import { appUsage, customers, loyaltyProgram, supportTickets } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import {
  badUserInput,
  inScope,
  type KeysetPage,
  keysetRows,
  type MarketScope,
  type OffsetPage,
  pagedChildren,
} from "@c360/subgraph-kit";
import { and, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";

export type CustomerRow = typeof customers.$inferSelect;
export type LoyaltyRow = typeof loyaltyProgram.$inferSelect;
export type TicketRow = typeof supportTickets.$inferSelect;
export type SessionRow = typeof appUsage.$inferSelect;
/** A transaction as the customer subgraph sees it: its key and its buyer's id (from sales). */
export type TransactionRef = { id: string; customerId: string | null };

export interface CustomerFilter {
  segment?: string | null;
  country?: string | null;
  marketplace?: string | null;
  registeredFrom?: Date | null;
  registeredTo?: Date | null;
}

function filterCondition(filter: CustomerFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  let countries: readonly string[] | undefined;
  if (filter.marketplace) {
    if (!isMarketplace(filter.marketplace))
      throw badUserInput("filter.marketplace", `unknown marketplace (one of ${Object.keys(marketplaces).join(", ")})`);
    countries = marketplaces[filter.marketplace];
  }
  return and(
    filter.segment ? eq(customers.customerSegment, filter.segment) : undefined,
    filter.country ? eq(customers.country, filter.country) : undefined,
    countries ? inArray(customers.country, [...countries]) : undefined,
    filter.registeredFrom ? gte(customers.registrationDate, filter.registeredFrom) : undefined,
    filter.registeredTo ? lt(customers.registrationDate, filter.registeredTo) : undefined,
  );
}

/** A customer is in the viewer's markets through the marketplace of their country. */
const scoped = (scope: MarketScope) => inScope(customers.country, scope, true);

export function customersByIds(db: Database, ids: readonly string[], scope: MarketScope): Promise<CustomerRow[]> {
  return db.drizzle
    .select()
    .from(customers)
    .where(and(inArray(customers.customerId, [...ids]), scoped(scope)));
}

/** One page of customers in id order (keyset), and how many match the filter overall. */
export function customersPage(
  db: Database,
  filter: CustomerFilter | null | undefined,
  page: KeysetPage,
  scope: MarketScope,
) {
  return keysetRows(db, {
    table: customers,
    key: customers.customerId,
    where: and(filterCondition(filter), scoped(scope)),
    page,
  });
}

export function loyaltyByCustomerIds(db: Database, ids: readonly string[]): Promise<LoyaltyRow[]> {
  return db.drizzle
    .select()
    .from(loyaltyProgram)
    .where(inArray(loyaltyProgram.customerId, [...ids]));
}

export function ticketPages(db: Database, customerIds: readonly string[], page: OffsetPage) {
  return pagedChildren<TicketRow>(db, {
    table: supportTickets,
    parent: supportTickets.customerId,
    parentKey: "customerId",
    orderBy: [desc(supportTickets.createdDate), desc(supportTickets.ticketId)],
    parents: customerIds,
    page,
  });
}

export function sessionPages(db: Database, customerIds: readonly string[], page: OffsetPage) {
  return pagedChildren<SessionRow>(db, {
    table: appUsage,
    parent: appUsage.customerId,
    parentKey: "customerId",
    orderBy: [desc(appUsage.sessionStart), desc(appUsage.usageId)],
    parents: customerIds,
    page,
  });
}
