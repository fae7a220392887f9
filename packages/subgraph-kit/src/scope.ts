import { countriesOfMarkets } from "@c360/db";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * A viewer's row scope: the marketplaces it may read (its `markets` claim), or null for all. Every
 * data module applies it in its SQL `WHERE`, through `inScope`, never after the fetch.
 */
export type MarketScope = readonly string[] | null;

/**
 * The condition that keeps `column`'s rows inside `scope`: nothing for an unrestricted viewer, no row
 * at all for an empty scope. `column` holds a marketplace code (`sales.transactions.marketplace`)
 * or, with `byCountry`, a country as the source writes it (`customer.customers.country`).
 */
export function inScope(column: PgColumn, scope: MarketScope, byCountry = false): SQL | undefined {
  if (scope === null) return undefined;
  const values = byCountry ? (countriesOfMarkets(scope) ?? []) : [...scope];
  return values.length ? inArray(column, values) : sql`false`;
}
