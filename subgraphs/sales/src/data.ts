import { timeZoneOfMarketSql } from "@c360/db";
import { regionalSales, transactionItems, transactions } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import {
  anyOf,
  type ChildPage,
  decimalArgument,
  FilterConditions,
  type Grain,
  inScope,
  type KeysetPage,
  keysetRows,
  MAX_LIST_ROWS,
  type MarketScope,
  type OffsetPage,
  type PeriodSpan,
  pagedChildren,
  period,
  periodSpan,
  scopedStatement,
  statement,
  type TimeZoneBasis,
} from "@c360/subgraph-kit";
import { and, asc, count, desc, eq, gte, inArray, lt, lte, type SQL, sql, sum } from "drizzle-orm";

export type TransactionRow = typeof transactions.$inferSelect;
export type ItemRow = typeof transactionItems.$inferSelect;

export interface TransactionFilter {
  from?: Date | null;
  to?: Date | null;
  status?: string | null;
  channel?: string | null;
  customerId?: string | null;
  minTotal?: string | null;
}

export type TransactionOrderField = "ID" | "DATE" | "TOTAL_AMOUNT";

const transactionOrders: Record<TransactionOrderField, SQL> = {
  ID: sql`${transactions.transactionId}`,
  DATE: sql`${transactions.transactionDate}`,
  TOTAL_AMOUNT: sql`${transactions.totalAmount}`,
};

export interface RegionalSalesFilter {
  from?: string | null;
  to?: string | null;
  country?: string | null;
  regionId?: string | null;
}

/**
 * Row scope: every statement that selects transactions keeps to the viewer's markets, by the
 * transaction's own market; regional sales by their country; items are read only for transactions
 * so selected.
 */
const scoped = (scope: MarketScope) => inScope(transactions.marketplace, scope);

const transactionsByIdsStatement = scopedStatement("sales.transactionsByIds", {}, (db, inScope) =>
  db.drizzle
    .select()
    .from(transactions)
    .where(and(anyOf(transactions.transactionId, "ids"), inScope(transactions.marketplace))),
);

export const transactionsByIds = (
  db: Database,
  ids: readonly string[],
  scope: MarketScope,
): Promise<TransactionRow[]> => transactionsByIdsStatement(db, scope, { ids });

/** A transaction filter's conditions, one per field (`filter.minTotal` checked as a decimal first). */
const transactionFilter = new FilterConditions<TransactionFilter>({
  from: (v) => gte(transactions.transactionDate, v as Date),
  to: (v) => lt(transactions.transactionDate, v as Date),
  status: (v) => eq(transactions.status, v as string),
  channel: (v) => eq(transactions.channel, v as string),
  customerId: (v) => eq(transactions.customerId, v as string),
  minTotal: (v) => sql`${transactions.totalAmount} >= ${v}`,
});

/** The filter with its values checked: `minTotal` a decimal. */
const checkedFilter = (filter: TransactionFilter | null | undefined): TransactionFilter | null =>
  filter?.minTotal != null
    ? { ...filter, minTotal: decimalArgument("filter.minTotal", filter.minTotal) }
    : (filter ?? null);

/** One keyset page of the transactions in the viewer's markets, in `order` (id order by default). */
export function transactionsPage(
  db: Database,
  filter: TransactionFilter | null | undefined,
  order: { field: TransactionOrderField; direction?: "ASC" | "DESC" | null } | null | undefined,
  page: KeysetPage,
  scope: MarketScope,
) {
  return keysetRows(db, {
    table: transactions,
    key: transactions.transactionId,
    where: and(transactionFilter.conditionOf(checkedFilter(filter)), scoped(scope)),
    page,
    descending: order?.direction === "DESC",
    ...(order ? { orderBy: transactionOrders[order.field] } : {}),
  });
}

/** A transaction's items in item order: with its page when asked for, else by `itemsByTransactionIds`. */
const itemsOfTransaction = {
  table: transactionItems,
  on: transactionItems.transactionId,
  to: transactions.transactionId,
  orderBy: [asc(transactionItems.itemId)],
};

export interface PurchaseSummaryRow {
  customerId: string;
  transactionCount: number;
  totalSpent: string;
  averageOrderValue: string | null;
  firstPurchaseAt: Date | null;
  lastPurchaseAt: Date | null;
}

/** Completed transactions only: refunds and cancellations are not purchases. */
const completed = sql`${transactions.status} = 'completed'`;

/**
 * A customer's purchase summary, each figure an aggregate over `window`'s transactions (`sql``` for the
 * statement's GROUP BY, a window for the totals beside a page of transactions): written once, read both ways.
 */
const purchaseFigures = {
  transactionCount: (window: SQL) => sql<number>`count(*) filter (where ${completed}) ${window}`.mapWith(Number),
  totalSpent: (window: SQL) =>
    sql<string>`coalesce(sum(${transactions.totalAmount}) filter (where ${completed}) ${window}, 0.00)::text`,
  averageOrderValue: (window: SQL) =>
    sql<string | null>`round(avg(${transactions.totalAmount}) filter (where ${completed}) ${window}, 2)::text`,
  firstPurchaseAt: (window: SQL) =>
    sql<Date | null>`min(${transactions.transactionDate}) filter (where ${completed}) ${window}`.mapWith(
      transactions.transactionDate,
    ),
  lastPurchaseAt: (window: SQL) =>
    sql<Date | null>`max(${transactions.transactionDate}) filter (where ${completed}) ${window}`.mapWith(
      transactions.transactionDate,
    ),
};

/** The summary of a customer without completed transactions. */
export const noPurchases = (customerId: string): PurchaseSummaryRow => ({
  customerId,
  transactionCount: 0,
  totalSpent: "0.00",
  averageOrderValue: null,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
});

const pagesOfCustomers = pagedChildren<TransactionRow, TransactionFilter, { items: typeof transactionItems }>(
  "sales.transactionPages",
  {
    table: transactions,
    parent: transactions.customerId,
    parentKey: "customerId",
    orderBy: [desc(transactions.transactionDate), desc(transactions.transactionId)],
    scopeColumn: transactions.marketplace,
    filter: transactionFilter,
    nested: { items: itemsOfTransaction },
    totals: purchaseFigures,
  },
);

/**
 * Pages of customers' transactions; with `withItems`, each row carries its `items`, and with
 * `withSummary` (no filter) each page its customer's purchase summary, read in the same statement.
 */
export async function transactionPages(
  db: Database,
  customerIds: readonly string[],
  page: OffsetPage,
  scope: MarketScope,
  filter: TransactionFilter | null | undefined,
  withItems: boolean,
  withSummary = false,
): Promise<(ChildPage<TransactionRow & { items?: ItemRow[] }> & { summary?: PurchaseSummaryRow })[]> {
  const pages = await pagesOfCustomers(
    db,
    customerIds,
    page,
    scope,
    checkedFilter(filter),
    withItems ? ["items"] : [],
    withSummary,
  );
  return pages.map(({ totals, ...page }, i) => {
    if (!withSummary) return page;
    const customerId = customerIds[i] as string;
    return { ...page, summary: totals ? ({ customerId, ...totals } as PurchaseSummaryRow) : noPurchases(customerId) };
  });
}

/** Items of transactions already loaded in the viewer's scope (items are reached only through one). */
const itemsStatement = statement("sales.itemsByTransactionIds", (db) =>
  db.drizzle
    .select()
    .from(transactionItems)
    .where(anyOf(transactionItems.transactionId, "ids"))
    .orderBy(...itemsOfTransaction.orderBy),
);

export const itemsByTransactionIds = (db: Database, ids: readonly string[]): Promise<ItemRow[]> =>
  itemsStatement(db, { ids });

/** Summaries of the customers with completed transactions (the others have none: `noPurchases`). */
const purchaseSummariesStatement = scopedStatement("sales.purchaseSummaries", {}, (db, inScope) =>
  db.drizzle
    .select({
      customerId: transactions.customerId,
      ...Object.fromEntries(Object.entries(purchaseFigures).map(([key, figure]) => [key, figure(sql``)])),
    })
    .from(transactions)
    .where(and(anyOf(transactions.customerId, "ids"), completed, inScope(transactions.marketplace)))
    .groupBy(transactions.customerId),
);

export const purchaseSummaries = (
  db: Database,
  customerIds: readonly string[],
  scope: MarketScope,
): Promise<PurchaseSummaryRow[]> =>
  purchaseSummariesStatement(db, scope, { ids: customerIds }) as Promise<PurchaseSummaryRow[]>;

/** Regional sales rolled up to `grain`: revenue and transactions summed, average recomputed. */
export function regionalSalesSeries(
  db: Database,
  filter: RegionalSalesFilter | null | undefined,
  grain: Grain,
  scope: MarketScope,
) {
  const { start, groupBy } = period(regionalSales.salesDate, grain, filter?.from);
  return db.drizzle
    .select({
      regionId: regionalSales.regionId,
      regionName: sql<string>`min(${regionalSales.regionName})`,
      country: sql<string>`min(${regionalSales.country})`,
      salesDate: start,
      totalRevenue: sql<string>`sum(${regionalSales.totalRevenue})::text`,
      totalTransactions: sql<number>`sum(${regionalSales.totalTransactions})::int`,
      averageOrderValue: sql<
        string | null
      >`round(sum(${regionalSales.totalRevenue}) / nullif(sum(${regionalSales.totalTransactions}), 0), 2)::text`,
    })
    .from(regionalSales)
    .where(
      and(
        filter?.from ? gte(regionalSales.salesDate, filter.from) : undefined,
        filter?.to ? lte(regionalSales.salesDate, filter.to) : undefined,
        filter?.country ? eq(regionalSales.country, filter.country) : undefined,
        filter?.regionId ? eq(regionalSales.regionId, filter.regionId) : undefined,
        inScope(regionalSales.country, scope, true),
      ),
    )
    .groupBy(regionalSales.regionId, ...groupBy)
    .orderBy(asc(regionalSales.regionId), ...groupBy.map((p) => asc(p)))
    .limit(MAX_LIST_ROWS + 1);
}

export type SalesDimension = "MARKETPLACE" | "CHANNEL" | "STATUS" | "PAYMENT_METHOD" | "MONTH";

export interface SalesSummaryFilter {
  from?: string | null;
  to?: string | null;
  marketplaces?: readonly string[] | null;
  channel?: string | null;
  status?: string | null;
}

/** A group's dimensions and figures, as the GROUP BY gives them. */
interface SalesGroup {
  marketplace: string | null;
  channel: string | null;
  status: string | null;
  paymentMethod: string | null;
  month: string | null;
  transactionCount: number;
  totalAmount: string;
  averageOrderValue: string | null;
}

/** A group with its month's span (`periodSpan`), each part null unless grouped by MONTH. */
export type SalesSummaryRow = SalesGroup & { [K in keyof PeriodSpan]: PeriodSpan[K] | null };

/**
 * A transaction's wall-clock time on each calendar. The only table of the query is named unqualified,
 * as the time zone map's CASE takes SQL text.
 */
const wallClock: Record<TimeZoneBasis, SQL> = {
  UTC: sql`(${transactions.transactionDate} at time zone 'UTC')`,
  MARKET: sql`(${transactions.transactionDate} at time zone ${sql.raw(timeZoneOfMarketSql(`"${transactions.marketplace.name}"`))})`,
};

/** What each dimension groups by on the calendar of `basis`; a dimension not asked for is a typed null. */
const dimensionsOn = (
  basis: TimeZoneBasis,
): Record<SalesDimension, { key: keyof SalesGroup; value: SQL; none: SQL }> => ({
  MARKETPLACE: { key: "marketplace", value: sql`${transactions.marketplace}`, none: sql`null::text` },
  CHANNEL: { key: "channel", value: sql`${transactions.channel}`, none: sql`null::text` },
  STATUS: { key: "status", value: sql`${transactions.status}`, none: sql`null::text` },
  PAYMENT_METHOD: { key: "paymentMethod", value: sql`${transactions.paymentMethod}`, none: sql`null::text` },
  MONTH: { key: "month", value: sql`date_trunc('month', ${wallClock[basis]})::date::text`, none: sql`null::text` },
});

/**
 * The filter's days on the calendar of `basis`. On UTC the instant is compared (the session's zone is UTC),
 * so the date index serves the range; a market's calendar can only be read row by row.
 */
function daysOn(basis: TimeZoneBasis, filter: SalesSummaryFilter | null | undefined): SQL | undefined {
  const time = basis === "UTC" ? sql`${transactions.transactionDate}` : wallClock.MARKET;
  return and(
    filter?.from ? sql`${time} >= ${filter.from}::date` : undefined,
    filter?.to ? sql`${time} < ${filter.to}::date + 1` : undefined,
  );
}

/** A row's month against the filter's days; an open end of the filter cuts no month. */
const withSpan = (row: SalesGroup, filter: SalesSummaryFilter | null | undefined): SalesSummaryRow =>
  row.month === null
    ? { ...row, periodEnd: null, days: null, complete: null }
    : {
        ...row,
        ...periodSpan(row.month, "MONTH", { from: filter?.from ?? "0001-01-01", to: filter?.to ?? "9999-12-31" }),
      };

/**
 * Transactions in the viewer's markets aggregated in one GROUP BY over the dimensions asked for:
 * count, total and mean order value (to the cent); at most MAX_LIST_ROWS + 1 rows (the caller bounds it).
 */
export async function salesSummary(
  db: Database,
  filter: SalesSummaryFilter | null | undefined,
  groupBy: readonly SalesDimension[],
  basis: TimeZoneBasis,
  scope: MarketScope,
): Promise<SalesSummaryRow[]> {
  const dimensions = dimensionsOn(basis);
  const grouped = (Object.keys(dimensions) as SalesDimension[]).filter((d) => groupBy.includes(d));
  const select = Object.fromEntries(
    (Object.entries(dimensions) as [SalesDimension, (typeof dimensions)[SalesDimension]][]).map(([d, spec]) => [
      spec.key,
      grouped.includes(d) ? spec.value : spec.none,
    ]),
  ) as Record<string, SQL>;
  const keys = grouped.map((d) => dimensions[d].value);
  const rows = await db.drizzle
    .select({
      ...select,
      transactionCount: count(),
      totalAmount: sql<string>`coalesce(${sum(transactions.totalAmount)}, 0.00)::text`,
      averageOrderValue: sql<string | null>`round(avg(${transactions.totalAmount}), 2)::text`,
    })
    .from(transactions)
    .where(
      and(
        daysOn(basis, filter),
        filter?.marketplaces ? inArray(transactions.marketplace, [...filter.marketplaces]) : undefined,
        filter?.channel ? eq(transactions.channel, filter.channel) : undefined,
        filter?.status ? eq(transactions.status, filter.status) : undefined,
        scoped(scope),
      ),
    )
    .groupBy(...keys)
    .orderBy(...keys.map((k) => asc(k)))
    .limit(MAX_LIST_ROWS + 1);
  return (rows as unknown as SalesGroup[]).map((row) => withSpan(row, filter));
}

/** A product as sales knows it: its key. */
export type ProductRef = { id: string };

/** What one statement of a customer's transactions reads: a page, its filter, the rows' items, the customer's purchase summary. */
export interface PageReads {
  page: OffsetPage;
  filter: TransactionFilter | null;
  withItems: boolean;
  withSummary: boolean;
}

/** A customer as this subgraph resolves it: its id, and the statement its purchase summary comes with (`summaryPage`). */
export type CustomerRef = { id: string; summaryPage?: PageReads | null };

export interface ProductSalesRow {
  productId: string;
  units: number;
  revenue: string;
  transactions: number;
}

/** What each product sold over completed transactions in the viewer's markets (products without sales have no row). */
export function productSales(
  db: Database,
  productIds: readonly string[],
  scope: MarketScope,
): Promise<ProductSalesRow[]> {
  return db.drizzle
    .select({
      productId: transactionItems.productId,
      units: sql<number>`sum(${transactionItems.quantity})::int`,
      revenue: sql<string>`sum(${transactionItems.lineTotal})::text`,
      transactions: sql<number>`count(distinct ${transactionItems.transactionId})::int`,
    })
    .from(transactionItems)
    .innerJoin(transactions, eq(transactions.transactionId, transactionItems.transactionId))
    .where(
      and(inArray(transactionItems.productId, [...productIds]), eq(transactions.status, "completed"), scoped(scope)),
    )
    .groupBy(transactionItems.productId);
}
