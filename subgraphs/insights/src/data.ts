import {
  customerPreferences,
  marketTransactions,
  type PreferenceDimension,
  productPairs,
  productTransactions,
} from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import { anyOf, type MarketScope, type ScopeCondition, scopedStatement } from "@c360/subgraph-kit";
import { and, eq, inArray, lte, type SQL, sql } from "drizzle-orm";

/** A customer as this subgraph knows it: by key. */
export interface CustomerRef {
  id: string;
}

/** A customer's preferences, before any of its lists is read. */
export interface PreferencesRef {
  customerId: string;
}

/** A product as this subgraph knows it: by key. */
export interface ProductRef {
  id: string;
}

/** One category or brand of a customer's, summed over the viewer's markets. */
export interface PreferenceRow {
  customerId: string;
  name: string;
  quantity: number;
  spend: string;
  transactions: number;
  share: number;
}

export type CategoryPreferenceRow = PreferenceRow;
export type BrandPreferenceRow = PreferenceRow;

/** Another product as bought with `productId`, over the viewer's markets. */
export interface AffinityRow {
  productId: string;
  otherProductId: string;
  transactions: number;
  confidence: number;
  lift: number;
}

/**
 * Every customer's `first` largest categories or brands (`dimension`), by spend then name, in one
 * statement whatever the number of customers or `first` (a placeholder): the markets' rows summed,
 * each share taken of the customer's whole spend in those markets, ranked per customer.
 */
const preferencesStatement = scopedStatement<PreferenceRow, Record<string, unknown>>(
  "insights.preferences",
  {},
  (db, inScope) => {
    const p = customerPreferences;
    const summed = db.drizzle
      .select({
        customerId: p.customerId,
        name: p.name,
        quantity: sql<number>`sum(${p.quantity})::int`.as("quantity"),
        spend: sql<string>`sum(${p.spend})`.as("spend"),
        transactions: sql<number>`sum(${p.transactions})::int`.as("transactions"),
      })
      .from(p)
      .where(and(anyOf(p.customerId, "ids"), eq(p.dimension, sql.placeholder("dimension")), inScope(p.marketplace)))
      .groupBy(p.customerId, p.name)
      .as("summed");
    const ranked = db.drizzle
      .select({
        ...summed._.selectedFields,
        share:
          sql<number>`coalesce(${summed.spend} / nullif(sum(${summed.spend}) over (partition by ${summed.customerId}), 0), 0)::float8`.as(
            "share",
          ),
        rank: sql<number>`row_number() over (partition by ${summed.customerId} order by ${summed.spend} desc, ${summed.name})`.as(
          "rank",
        ),
      })
      .from(summed)
      .as("ranked");
    return db.drizzle
      .select({
        customerId: ranked.customerId,
        name: ranked.name,
        quantity: ranked.quantity,
        spend: sql<string>`${ranked.spend}::text`,
        transactions: ranked.transactions,
        share: ranked.share,
      })
      .from(ranked)
      .where(lte(ranked.rank, sql.placeholder("first")))
      .orderBy(ranked.customerId, ranked.rank);
  },
);

export const preferences = (
  db: Database,
  customerIds: readonly string[],
  dimension: PreferenceDimension,
  first: number,
  scope: MarketScope,
): Promise<PreferenceRow[]> => preferencesStatement(db, scope, { ids: customerIds, dimension, first });

/**
 * Completed transactions holding each product `which` selects, summed over the viewer's markets.
 * Drizzle writes a subquery's computed column by its alias alone, without the subquery's name: every
 * alias of these statements is unique in its statement.
 */
function holding(db: Database, inScope: ScopeCondition, alias: string, which: SQL) {
  const t = productTransactions;
  return db.drizzle
    .select({ productId: t.productId, transactions: sql<number>`sum(${t.transactions})`.as(`${alias}_transactions`) })
    .from(t)
    .where(and(which, inScope(t.marketplace)))
    .groupBy(t.productId)
    .as(alias);
}

/**
 * Every product's `first` affinities (see `AffinityRow`), ranked by shared transactions, then lift,
 * then the other product's id, in one statement whatever the number of products or `first`. Each
 * count is the sum of its markets' counts over the viewer's markets, so confidence and lift are those
 * of the viewer's markets taken together.
 */
const affinitiesStatement = scopedStatement<AffinityRow, Record<string, unknown>>(
  "insights.boughtTogether",
  {},
  (db, inScope) => {
    const pairsInScope = and(anyOf(productPairs.productId, "ids"), inScope(productPairs.marketplace));
    const pairs = db.drizzle
      .select({
        productId: productPairs.productId,
        otherProductId: productPairs.otherProductId,
        transactions: sql<number>`sum(${productPairs.transactions})::int`.as("both_transactions"),
      })
      .from(productPairs)
      .where(pairsInScope)
      .groupBy(productPairs.productId, productPairs.otherProductId)
      .as("pairs");
    const mine = holding(db, inScope, "mine", anyOf(productTransactions.productId, "ids"));
    const others = db.drizzle.select({ id: productPairs.otherProductId }).from(productPairs).where(pairsInScope);
    const theirs = holding(db, inScope, "theirs", inArray(productTransactions.productId, others));
    const total = db.drizzle
      .select({ transactions: sql<number>`sum(${marketTransactions.transactions})`.as("all_transactions") })
      .from(marketTransactions)
      .where(inScope(marketTransactions.marketplace))
      .as("total");
    const confidence = sql<number>`${pairs.transactions}::float8 / ${mine.transactions}`;
    const scored = db.drizzle
      .select({
        productId: pairs.productId,
        otherProductId: pairs.otherProductId,
        transactions: sql<number>`${pairs.transactions}`.as("transactions"),
        confidence: confidence.as("confidence"),
        lift: sql<number>`${confidence} / (${theirs.transactions}::float8 / ${total.transactions})`.as("lift"),
      })
      .from(pairs)
      .innerJoin(mine, eq(mine.productId, pairs.productId))
      .innerJoin(theirs, eq(theirs.productId, pairs.otherProductId))
      .innerJoin(total, sql`true`)
      .as("scored");
    const ranked = db.drizzle
      .select({
        ...scored._.selectedFields,
        rank: sql<number>`row_number() over (partition by ${scored.productId} order by ${scored.transactions} desc, ${scored.lift} desc, ${scored.otherProductId})`.as(
          "rank",
        ),
      })
      .from(scored)
      .as("ranked");
    return db.drizzle
      .select({
        productId: ranked.productId,
        otherProductId: ranked.otherProductId,
        transactions: ranked.transactions,
        confidence: ranked.confidence,
        lift: ranked.lift,
      })
      .from(ranked)
      .where(lte(ranked.rank, sql.placeholder("first")))
      .orderBy(ranked.productId, ranked.rank);
  },
);

export const affinities = (
  db: Database,
  productIds: readonly string[],
  first: number,
  scope: MarketScope,
): Promise<AffinityRow[]> => affinitiesStatement(db, scope, { ids: productIds, first });
