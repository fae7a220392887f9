import { regionalSales, transactionItems, transactions } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import {
  type Grain,
  inScope,
  MAX_LIST_ROWS,
  type MarketScope,
  type OffsetPage,
  pagedChildren,
  period,
} from "@c360/subgraph-kit";
import { and, asc, count, desc, eq, gte, inArray, lt, lte, max, min, type SQL, sql, sum } from "drizzle-orm";

export type TransactionRow = typeof transactions.$inferSelect;
export type ItemRow = typeof transactionItems.$inferSelect;

export interface TransactionFilter {
  from?: Date | null;
  to?: Date | null;
  status?: string | null;
  channel?: string | null;
}

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

export function transactionsByIds(db: Database, ids: readonly string[], scope: MarketScope): Promise<TransactionRow[]> {
  return db.drizzle
    .select()
    .from(transactions)
    .where(and(inArray(transactions.transactionId, [...ids]), scoped(scope)));
}

function transactionCondition(filter: TransactionFilter | null | undefined): SQL | undefined {
  return and(
    filter?.from ? gte(transactions.transactionDate, filter.from) : undefined,
    filter?.to ? lt(transactions.transactionDate, filter.to) : undefined,
    filter?.status ? eq(transactions.status, filter.status) : undefined,
    filter?.channel ? eq(transactions.channel, filter.channel) : undefined,
  );
}

export function transactionPages(
  db: Database,
  customerIds: readonly string[],
  page: OffsetPage,
  scope: MarketScope,
  filter?: TransactionFilter | null,
) {
  return pagedChildren<TransactionRow>(db, {
    table: transactions,
    parent: transactions.customerId,
    parentKey: "customerId",
    orderBy: [desc(transactions.transactionDate), desc(transactions.transactionId)],
    parents: customerIds,
    page,
    where: and(transactionCondition(filter), scoped(scope)),
  });
}

/** Items of transactions already loaded in the viewer's scope (items are reached only through one). */
export function itemsByTransactionIds(db: Database, ids: readonly string[]): Promise<ItemRow[]> {
  return db.drizzle
    .select()
    .from(transactionItems)
    .where(inArray(transactionItems.transactionId, [...ids]))
    .orderBy(asc(transactionItems.itemId));
}

export interface PurchaseSummaryRow {
  customerId: string;
  transactionCount: number;
  totalSpent: string;
  averageOrderValue: string | null;
  firstPurchaseAt: Date | null;
  lastPurchaseAt: Date | null;
}

/** Completed transactions only: refunds and cancellations are not purchases. */
export function purchaseSummaries(
  db: Database,
  customerIds: readonly string[],
  scope: MarketScope,
): Promise<PurchaseSummaryRow[]> {
  return db.drizzle
    .select({
      customerId: transactions.customerId,
      transactionCount: count(),
      totalSpent: sql<string>`coalesce(${sum(transactions.totalAmount)}, 0)::text`,
      averageOrderValue: sql<string | null>`round(avg(${transactions.totalAmount}), 2)::text`,
      firstPurchaseAt: min(transactions.transactionDate),
      lastPurchaseAt: max(transactions.transactionDate),
    })
    .from(transactions)
    .where(and(inArray(transactions.customerId, [...customerIds]), eq(transactions.status, "completed"), scoped(scope)))
    .groupBy(transactions.customerId);
}

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
