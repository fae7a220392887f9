import { isMarketplace, marketplaceOfCountry, marketplaceOfCountrySql, marketplaces } from "@c360/db";
import { appUsage, customers, lookups, loyaltyProgram, supportTickets } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import {
  anyOf,
  badUserInput,
  type ChildPage,
  decimalArgument,
  inScope,
  type KeysetPage,
  keysetRows,
  MAX_LIST_ROWS,
  type MarketScope,
  nestedPage,
  nestedRows,
  type OffsetPage,
  pagedChildren,
  pageOfNested,
  rowsOfNested,
  scopedStatement,
  statement,
} from "@c360/subgraph-kit";
import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, type SQL, sql } from "drizzle-orm";

export type CustomerRow = typeof customers.$inferSelect;
/**
 * A record reached from its customer carries that customer: its `customer` link answers with it, in
 * the viewer's scope already, instead of loading it again. Loaded, it would wait for the statement its
 * record came from (a customer's loyalty, tickets, sessions each have one, which return at their own
 * times), so the customers' statements would follow those returns, not the nesting levels.
 */
export type ReachedFrom = { customer?: CustomerRow };
export type LoyaltyRow = typeof loyaltyProgram.$inferSelect & ReachedFrom;
export type TicketRecord = typeof supportTickets.$inferSelect;
export type SessionRecord = typeof appUsage.$inferSelect;
/** A record of a customer's as the graph answers it: with the customer's marketplace, whose zone its local times are in. */
export type InMarket<R> = R & { marketplace: string | null } & ReachedFrom;
export type TicketRow = InMarket<TicketRecord>;
export type SessionRow = InMarket<SessionRecord>;
/** A transaction as the customer subgraph sees it: its key and its buyer's id (from sales). */
export type TransactionRef = { id: string; customerId: string | null };

export interface CustomerFilter {
  segment?: string | null;
  country?: string | null;
  marketplace?: string | null;
  registeredFrom?: Date | null;
  registeredTo?: Date | null;
  email?: string | null;
  phone?: string | null;
  name?: string | null;
  loyaltyTier?: string | null;
  minLifetimeValue?: string | null;
}

export type CustomerOrderField = "ID" | "REGISTRATION_DATE" | "LAST_NAME" | "LIFETIME_VALUE";
export interface CustomerOrder {
  field: CustomerOrderField;
  direction?: "ASC" | "DESC" | null;
}

/** The most characters a text filter takes: longer is no email, phone or name in the data. */
const MAX_FILTER_LENGTH = 256;

function text(argument: string, value: string): string {
  if (value.length > MAX_FILTER_LENGTH || value.includes("\0"))
    throw badUserInput(argument, `must be at most ${MAX_FILTER_LENGTH} characters, without NUL`);
  return value;
}

/** A customer's loyalty membership, for filters and orders on it (a correlated subquery). */
const membership = (condition: SQL) =>
  sql`exists (select 1 from ${loyaltyProgram} where ${loyaltyProgram.customerId} = ${customers.customerId} and ${condition})`;

/** The value each order sorts by; the id breaks ties. */
const customerOrders: Record<CustomerOrderField, SQL> = {
  ID: sql`${customers.customerId}`,
  REGISTRATION_DATE: sql`${customers.registrationDate}`,
  LAST_NAME: sql`${customers.lastName}`,
  LIFETIME_VALUE: sql`coalesce((select ${loyaltyProgram.lifetimeValue} from ${loyaltyProgram} where ${loyaltyProgram.customerId} = ${customers.customerId}), 0)`,
};

/** The condition of a customer filter (its lookups use the indexed `lookups` expressions). */
export function filterCondition(filter: CustomerFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const digits = filter.phone == null ? null : text("filter.phone", filter.phone).replace(/\D/g, "");
  if (digits === "") throw badUserInput("filter.phone", "must hold digits");
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
    filter.email != null
      ? sql`${lookups.email(customers.email)} = lower(${text("filter.email", filter.email)})`
      : undefined,
    digits ? sql`${lookups.phoneDigits(customers.phone)} = ${digits}` : undefined,
    filter.name != null
      ? sql`(starts_with(${lookups.name(customers.firstName)}, lower(${text("filter.name", filter.name)})) or starts_with(${lookups.name(customers.lastName)}, lower(${filter.name})))`
      : undefined,
    filter.loyaltyTier != null
      ? membership(sql`${loyaltyProgram.loyaltyTier} = ${text("filter.loyaltyTier", filter.loyaltyTier)}`)
      : undefined,
    filter.minLifetimeValue != null
      ? membership(
          sql`${loyaltyProgram.lifetimeValue} >= ${decimalArgument("filter.minLifetimeValue", filter.minLifetimeValue)}`,
        )
      : undefined,
  );
}

/** A customer is in the viewer's markets through the marketplace of their country. */
const scoped = (scope: MarketScope) => inScope(customers.country, scope, true);

/** A customer's loyalty membership (at most one): with the customer when asked for, else by `loyaltyByCustomerIds`. */
const loyaltyOfCustomer = {
  table: loyaltyProgram,
  on: loyaltyProgram.customerId,
  to: customers.customerId,
  orderBy: [],
};

/** A customer's support tickets, newest first: a page of them with the customer when asked for, else by `ticketPages`. */
const ticketsOfCustomer = {
  table: supportTickets,
  on: supportTickets.customerId,
  to: customers.customerId,
  orderBy: [desc(supportTickets.createdDate), desc(supportTickets.ticketId)],
};

/** What a customer's statement reads with it: its loyalty, a page of its tickets. */
export interface CustomerReads {
  loyalty: boolean;
  tickets: OffsetPage | null;
}

const customersByIdsStatement = scopedStatement(
  "customer.customersByIds",
  { byCountry: true },
  (db, inScope, variant) =>
    db.drizzle
      .select({
        ...getTableColumns(customers),
        ...(variant.includes("loyalty") ? { loyalty: nestedRows(loyaltyOfCustomer) } : {}),
        ...(variant.includes("tickets") ? { tickets: nestedPage(ticketsOfCustomer, "tickets") } : {}),
      })
      .from(customers)
      .where(and(anyOf(customers.customerId, "ids"), inScope(customers.country))),
);

/**
 * Customers by id in the viewer's scope, each carrying what `reads` asks for, read in the same
 * statement: its `loyalty` (or null), a page of its `tickets` with their total.
 */
export async function customersByIds(
  db: Database,
  ids: readonly string[],
  scope: MarketScope,
  reads: CustomerReads = { loyalty: false, tickets: null },
): Promise<(CustomerRow & { loyalty?: LoyaltyRow | null; tickets?: ChildPage<TicketRecord> })[]> {
  const variant = [reads.loyalty ? "loyalty" : "", reads.tickets ? "tickets" : ""].filter(Boolean).join(",");
  const values = reads.tickets ? { "tickets.offset": reads.tickets.offset, "tickets.limit": reads.tickets.limit } : {};
  const rows = (await customersByIdsStatement(db, scope, { ids, ...values }, variant)) as Record<string, unknown>[];
  for (const row of rows) {
    if (reads.loyalty) row.loyalty = rowsOfNested(loyaltyProgram, row.loyalty)[0] ?? null;
    if (reads.tickets) row.tickets = pageOfNested(supportTickets, row.tickets);
  }
  return rows as (CustomerRow & { loyalty?: LoyaltyRow | null; tickets?: ChildPage<TicketRecord> })[];
}

/**
 * One page of customers in `order` (id order by default; keyset), and how many match the filter
 * overall; with `withLoyalty`, each carries its `loyalty` (or null), read in the page's statement.
 */
export async function customersPage(
  db: Database,
  filter: CustomerFilter | null | undefined,
  order: CustomerOrder | null | undefined,
  page: KeysetPage,
  scope: MarketScope,
  withLoyalty: boolean,
): Promise<{ rows: (CustomerRow & { loyalty?: LoyaltyRow | null })[]; totalCount: number }> {
  const { rows, totalCount } = await keysetRows<typeof customers, { loyalty: typeof loyaltyProgram }>(db, {
    table: customers,
    key: customers.customerId,
    where: and(filterCondition(filter), scoped(scope)),
    page,
    descending: order?.direction === "DESC",
    ...(order ? { orderBy: customerOrders[order.field] } : {}),
    ...(withLoyalty ? { nested: { loyalty: loyaltyOfCustomer } } : {}),
  });
  if (!withLoyalty) return { rows: rows as CustomerRow[], totalCount };
  return { rows: rows.map((row) => ({ ...row, loyalty: row.loyalty?.[0] ?? null })), totalCount };
}

const loyaltyStatement = statement("customer.loyaltyByCustomerIds", (db) =>
  db.drizzle.select().from(loyaltyProgram).where(anyOf(loyaltyProgram.customerId, "ids")),
);

export const loyaltyByCustomerIds = (db: Database, ids: readonly string[]): Promise<LoyaltyRow[]> =>
  loyaltyStatement(db, { ids });

export const ticketPages = pagedChildren<TicketRecord>("customer.ticketPages", {
  table: supportTickets,
  parent: supportTickets.customerId,
  parentKey: "customerId",
  orderBy: ticketsOfCustomer.orderBy,
});

export const sessionPages = pagedChildren<SessionRecord>("customer.sessionPages", {
  table: appUsage,
  parent: appUsage.customerId,
  parentKey: "customerId",
  orderBy: [desc(appUsage.sessionStart), desc(appUsage.usageId)],
});

export type SupportDimension = "CATEGORY" | "PRIORITY" | "STATUS" | "CHANNEL";

export interface SupportSummaryFilter {
  from?: string | null;
  to?: string | null;
  status?: string | null;
  priority?: string | null;
  category?: string | null;
  channel?: string | null;
}

export interface SupportSummaryRow {
  category: string | null;
  priority: string | null;
  status: string | null;
  channel: string | null;
  ticketCount: number;
  ratedCount: number;
  meanSatisfaction: number | null;
}

const supportDimensions: Record<SupportDimension, { key: keyof SupportSummaryRow; value: SQL }> = {
  CATEGORY: { key: "category", value: sql`${supportTickets.category}` },
  PRIORITY: { key: "priority", value: sql`${supportTickets.priority}` },
  STATUS: { key: "status", value: sql`${supportTickets.status}` },
  CHANNEL: { key: "channel", value: sql`${supportTickets.channel}` },
};

/**
 * Tickets of customers in the viewer's markets aggregated in one GROUP BY over the dimensions asked
 * for: counts and the mean satisfaction of the rated ones; at most MAX_LIST_ROWS + 1 rows.
 */
export function supportSummary(
  db: Database,
  filter: SupportSummaryFilter | null | undefined,
  groupBy: readonly SupportDimension[],
  scope: MarketScope,
): Promise<SupportSummaryRow[]> {
  const grouped = (Object.keys(supportDimensions) as SupportDimension[]).filter((d) => groupBy.includes(d));
  const select = Object.fromEntries(
    (Object.entries(supportDimensions) as [SupportDimension, { key: string; value: SQL }][]).map(([d, spec]) => [
      spec.key,
      grouped.includes(d) ? spec.value : sql`null::text`,
    ]),
  ) as Record<string, SQL>;
  const keys = grouped.map((d) => supportDimensions[d].value);
  return db.drizzle
    .select({
      ...select,
      ticketCount: sql<number>`count(*)::int`,
      ratedCount: sql<number>`count(${supportTickets.satisfactionScore})::int`,
      meanSatisfaction: sql<number | null>`avg(${supportTickets.satisfactionScore})::float8`,
    })
    .from(supportTickets)
    .innerJoin(customers, eq(customers.customerId, supportTickets.customerId))
    .where(
      and(
        filter?.from ? sql`${supportTickets.createdDate} >= ${filter.from}::date` : undefined,
        filter?.to ? sql`${supportTickets.createdDate} < ${filter.to}::date + 1` : undefined,
        filter?.status ? eq(supportTickets.status, filter.status) : undefined,
        filter?.priority ? eq(supportTickets.priority, filter.priority) : undefined,
        filter?.category ? eq(supportTickets.category, filter.category) : undefined,
        filter?.channel ? eq(supportTickets.channel, filter.channel) : undefined,
        scoped(scope),
      ),
    )
    .groupBy(...keys)
    .orderBy(...keys.map((k) => asc(k)))
    .limit(MAX_LIST_ROWS + 1) as unknown as Promise<SupportSummaryRow[]>;
}

export interface SupportTicketFilter {
  status?: string | null;
  priority?: string | null;
  category?: string | null;
  from?: string | null;
  to?: string | null;
}

export type SupportTicketOrderField = "ID" | "CREATED_DATE";

const ticketOrders: Record<SupportTicketOrderField, SQL> = {
  ID: sql`${supportTickets.ticketId}`,
  CREATED_DATE: sql`${supportTickets.createdDate}`,
};

/** `rows` of `customer`'s, each with the customer and its marketplace (copies: a loader's rows are shared). */
export const inCustomersMarket = <R extends object>(rows: readonly R[], customer: CustomerRow): InMarket<R>[] => {
  const marketplace = marketplaceOfCountry(customer.country);
  return rows.map((row) => ({ ...row, marketplace, customer }));
};

/**
 * A ticket's customer's marketplace, read with the ticket (a correlated subquery on the customer's key).
 * Written with table names: in a select list Drizzle writes a column without its table, and both keys
 * would then name the customer's own column (a subquery of every customer).
 */
const ticketMarketplace = sql<
  string | null
>`(select ${sql.raw(marketplaceOfCountrySql('"customers"."country"'))} from ${customers} where ${sql.raw('"customers"."customer_id" = "support_tickets"."customer_id"')})`;

/** A ticket is in the viewer's markets through its customer's country. */
function ticketScoped(scope: MarketScope): SQL | undefined {
  const inMarkets = scoped(scope);
  return inMarkets
    ? sql`exists (select 1 from ${customers} where ${customers.customerId} = ${supportTickets.customerId} and ${inMarkets})`
    : undefined;
}

/**
 * One keyset page of the support tickets in the viewer's markets, in `order` (id order by default),
 * each with its customer's marketplace.
 */
export function ticketsPage(
  db: Database,
  filter: SupportTicketFilter | null | undefined,
  order: { field: SupportTicketOrderField; direction?: "ASC" | "DESC" | null } | null | undefined,
  page: KeysetPage,
  scope: MarketScope,
): Promise<{ rows: TicketRow[]; totalCount: number }> {
  return keysetRows(db, {
    table: supportTickets,
    columns: { marketplace: ticketMarketplace },
    key: supportTickets.ticketId,
    where: and(
      filter?.status != null ? eq(supportTickets.status, filter.status) : undefined,
      filter?.priority != null ? eq(supportTickets.priority, filter.priority) : undefined,
      filter?.category != null ? eq(supportTickets.category, filter.category) : undefined,
      filter?.from ? sql`${supportTickets.createdDate} >= ${filter.from}::date` : undefined,
      filter?.to ? sql`${supportTickets.createdDate} < ${filter.to}::date + 1` : undefined,
      ticketScoped(scope),
    ),
    page,
    descending: order?.direction === "DESC",
    ...(order ? { orderBy: ticketOrders[order.field] } : {}),
  });
}
