import type { Database } from "@c360/db-client";
import { metrics } from "@c360/observability";
import DataLoader from "dataloader";
import { and, asc, count, desc, eq, getTableColumns, gt, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { KeysetPage, OffsetPage } from "./connection";
import type { MarketScope } from "./scope";
import { anyOf, type FilterConditions, type Nested, nestedRows, rowsOfNested, scopedStatement } from "./statements";

/** One value per key, in key order, `null` where no row has that key: the DataLoader contract. */
export function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

/** The rows of each key, in key order (an empty list where there are none). */
export function groupedByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * A DataLoader for one request (every subgraph's loaders are made here): `batch` gets the keys of one
 * tick and answers them with one SQL statement; each batch's size is a sample of the
 * `c360_dataloader_batch_size` metric under `name` (`<subgraph>.<loader>`).
 */
export function loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  return new DataLoader<K, V>((keys) => {
    metrics.loaderBatch.observe({ loader: name }, keys.length);
    return batch(keys);
  });
}

/**
 * A `loader` per distinct argument set (e.g. one page size), created lazily and living for one
 * request only, so cached rows never leak from one caller to another.
 */
export function loaderFamily<A, K, V>(
  name: string,
  batch: (args: A, keys: readonly K[]) => Promise<V[]>,
): (args: A) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (args: A) => {
    const id = JSON.stringify(args);
    let family = loaders.get(id);
    if (!family) {
      family = loader<K, V>(name, (keys) => batch(args, keys));
      loaders.set(id, family);
    }
    return family;
  };
}

/**
 * Runs `read` with the children a selection asks for (`asked`) and, should that statement fail, once
 * more with `without`: the children's own statements then run, and fail if they do, at their own
 * fields. A broken child table costs its parent nothing, as when each level had its own statement.
 */
export async function withChildren<R, T>(asked: R, without: R, read: (reads: R) => Promise<T>): Promise<T> {
  if (JSON.stringify(asked) === JSON.stringify(without)) return read(without);
  try {
    return await read(asked);
  } catch {
    return read(without);
  }
}

export interface ChildPage<Row> {
  rows: Row[];
  totalCount: number;
  /** The parent's `totals` when asked for; absent for a parent without children. */
  totals?: Record<string, unknown>;
}

/**
 * The pages of children for many parents, one statement per call: rows are ranked per parent with a
 * window function, so the page applies to each parent's own list and every parent gets its total.
 * The statement is built once (`scopedStatement`) per kind of viewer, per set of `filter` fields
 * used and per set of `nested` lists asked for; the parents, the page and the filter's values are its
 * parameters. With `scopeColumn`, rows keep to the viewer's markets by that column. Each `nested`
 * list asked for (`withNested`) is read in the same statement for the page's rows only, and comes
 * as that property of each row, as Drizzle would give its rows. With `withTotals`, each parent's
 * `totals` (aggregates over all its children in scope, e.g. a customer's purchase summary beside a
 * page of its transactions) are read in the same statement too, as window aggregates over the rows
 * the page is ranked from: so only for a page without filter.
 */
export function pagedChildren<
  Row extends Record<string, unknown>,
  F extends object = Record<string, never>,
  Children extends Record<string, PgTable> = Record<never, PgTable>,
>(
  name: string,
  options: {
    table: PgTable;
    parent: PgColumn;
    parentKey: keyof Row & string;
    orderBy: SQL[];
    scopeColumn?: PgColumn;
    filter?: FilterConditions<F>;
    nested?: { [K in keyof Children]: Nested<Children[K]> };
    /** Aggregates over a parent's children by name, each given the window to aggregate over (`over (partition by parent)`). */
    totals?: Record<string, (over: SQL) => SQL>;
  },
): (
  db: Database,
  parents: readonly string[],
  page: OffsetPage,
  scope?: MarketScope,
  filter?: Partial<F> | null,
  withNested?: readonly (keyof Children & string)[],
  withTotals?: boolean,
) => Promise<ChildPage<Row & { [K in keyof Children]?: Children[K]["$inferSelect"][] }>[]> {
  const { table, parent, orderBy, scopeColumn } = options;
  const nested = (options.nested ?? {}) as Record<string, Nested>;
  const totals = Object.entries(options.totals ?? {});
  const over = sql`over (partition by ${parent})`;
  const run = scopedStatement<Row & { rank: number; total: number }, Record<string, unknown>>(
    name,
    {},
    (db, inScope, variant) => {
      const [filterFields = "", nestedNames = "", withTotals = ""] = variant.split("+");
      const ranked = db.drizzle
        .select({
          ...getTableColumns(table),
          rank: sql<number>`row_number() over (partition by ${parent} order by ${sql.join(orderBy, sql`, `)})`
            .mapWith(Number)
            .as("rank"),
          total: sql<number>`count(*) ${over}`.mapWith(Number).as("total"),
          ...(withTotals
            ? Object.fromEntries(totals.map(([key, total]) => [`totals_${key}`, total(over).as(`totals_${key}`)]))
            : {}),
        })
        .from(table)
        .where(
          and(
            anyOf(parent, "parents"),
            scopeColumn ? inScope(scopeColumn) : undefined,
            options.filter?.placeholdersOf(filterFields),
          ),
        )
        .as("ranked");
      const children = nestedNames
        .split(",")
        .filter(Boolean)
        .map((key) => [key, nestedRows(nested[key] as Nested, "ranked")]);
      return db.drizzle
        .select({ ...ranked._.selectedFields, ...Object.fromEntries(children) })
        .from(ranked)
        .where(
          or(
            and(gt(ranked.rank, sql.placeholder("offset")), lte(ranked.rank, sql.placeholder("end"))),
            sql`${ranked.rank} = 1`,
          ),
        )
        .orderBy(ranked.rank) as never;
    },
  );
  return async (db, parents, page, scope = null, filter = null, withNested = [], withTotals = false) => {
    const asked = Object.keys(nested).filter((key) => withNested.includes(key));
    const filterFields = options.filter?.variantOf(filter) ?? "";
    if (withTotals && (filterFields || !totals.length))
      throw new Error(`${name}: totals are read only for an unfiltered page of children that has them`);
    const rows = await run(
      db,
      scopeColumn ? scope : null,
      { parents, offset: page.offset, end: page.offset + page.limit, ...options.filter?.valuesOf(filter) },
      [filterFields, asked.join(","), withTotals ? "totals" : ""].join("+").replace(/\++$/, ""),
    );
    for (const row of rows)
      for (const key of asked)
        (row as Record<string, unknown>)[key] = rowsOfNested((nested[key] as Nested).table, row[key]);
    return groupedByKey(parents, rows, (row) => row[options.parentKey] as string).map((group) => {
      const first = group[0] as Record<string, unknown> | undefined;
      return {
        totalCount: group[0]?.total ?? 0,
        rows: group.filter((row) => row.rank > page.offset && row.rank <= page.offset + page.limit) as never[],
        ...(withTotals && first
          ? { totals: Object.fromEntries(totals.map(([key]) => [key, first[`totals_${key}`]])) }
          : {}),
      };
    });
  };
}

/**
 * One keyset page of a root list in `key` order (ascending, or `descending`; LIMIT page size + 1, so
 * the extra row tells whether another page follows) and, when the page asks for it, the number of
 * rows matching `where` over all pages (a second statement, which scans every match). Each `nested`
 * list comes as that property of each row, read in the page's statement (see `nestedRows`).
 */
export async function keysetRows<
  T extends PgTable,
  Children extends Record<string, PgTable> = Record<never, PgTable>,
  Columns extends Record<string, SQL> = Record<never, SQL>,
>(
  db: Database,
  options: {
    table: T;
    key: PgColumn;
    where?: SQL;
    page: KeysetPage;
    descending?: boolean;
    /** The value to order by instead of the key (the key breaks ties, in the same direction). */
    orderBy?: SQL;
    nested?: { [K in keyof Children]: Nested<Children[K]> };
    /** Values each row carries besides its table's columns, read in the page's statement. */
    columns?: Columns;
  },
): Promise<{
  rows: (T["$inferSelect"] & { [K in keyof Children]?: Children[K]["$inferSelect"][] } & {
    [K in keyof Columns]: Columns[K] extends SQL<infer V> ? V : never;
  })[];
  totalCount: number;
}> {
  const { table, key, where, page, descending, orderBy } = options;
  const nested = Object.entries((options.nested ?? {}) as Record<string, Nested>);
  let after: SQL | undefined;
  if (page.afterKey !== null && orderBy) {
    // A row comparison in the order's direction (the value's own type orders, the key breaks ties),
    // with the cursor row's value read again in a subquery over the same table (its name there
    // shadows the outer one), under the same conditions: a key outside them matches no row.
    const value = sql`(${orderBy}, ${key})`;
    const cursor = sql`((select ${orderBy} from ${table} where ${and(eq(key, page.afterKey), where)}), ${page.afterKey})`;
    after = descending ? sql`${value} < ${cursor}` : sql`${value} > ${cursor}`;
  } else if (page.afterKey !== null) after = descending ? lt(key, page.afterKey) : gt(key, page.afterKey);
  const direction = descending ? desc : asc;
  const [rows, total] = await Promise.all([
    db.drizzle
      .select({
        ...getTableColumns(table as PgTable),
        ...options.columns,
        ...Object.fromEntries(nested.map(([name, children]) => [name, nestedRows(children)])),
      })
      .from(table as PgTable)
      .where(and(where, after))
      .orderBy(...(orderBy ? [direction(orderBy)] : []), direction(key))
      .limit(page.limit + 1),
    page.counted
      ? db.drizzle
          .select({ n: count() })
          .from(table as PgTable)
          .where(where)
      : [],
  ]);
  for (const row of rows as Record<string, unknown>[])
    for (const [name, children] of nested) row[name] = rowsOfNested(children.table, row[name]);
  return { rows: rows as never[], totalCount: total[0]?.n ?? 0 };
}
