import { createHash } from "node:crypto";
import { countriesOfMarkets } from "@c360/db";
import type { Database } from "@c360/db-client";
import { and, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { MarketScope } from "./scope";

/** `column = any(:name)`: one array parameter, so the statement's text is the same for any number of values. */
export const anyOf = (column: PgColumn | SQL, name: string): SQL => sql`${column} = any(${sql.placeholder(name)})`;

/**
 * A prepared statement's name as Postgres keeps it: at most 63 bytes (it cuts longer ones, and two
 * cut names would clash), so a longer name keeps its start and ends with a hash of the whole.
 */
export function postgresName(id: string): string {
  if (Buffer.byteLength(id) <= 63) return id;
  return `${id.slice(0, 46)}~${createHash("sha256").update(id).digest("hex").slice(0, 16)}`;
}

/** What a Drizzle query builder gives once prepared: run it with the values of its placeholders. */
interface Prepared<Row> {
  execute(values: Record<string, unknown>): Promise<Row[]>;
}

/** `inScope` for a statement built once: the scope's values arrive as the `scope` placeholder. */
export type ScopeCondition = (column: PgColumn) => SQL | undefined;

/**
 * A loader's statement, built once per database, per kind of viewer (all markets, or some) and per
 * `variant` (which optional conditions it has, e.g. the filter fields set) instead of per request:
 * Drizzle's query builder, run per request, was about a sixth of a subgraph's CPU under load.
 * `build` writes the query with placeholders (`anyOf`, `sql.placeholder`) and the scope condition it
 * is given; each call runs it with its values. On Postgres it is a named prepared statement on the
 * database's `lookups` pool: each connection parses and plans it once. Row scope is the same as `inScope`'s: the viewer's markets (or,
 * `byCountry`, their countries) as one array; an empty scope matches no row. Variants must come
 * from a fixed set (never from a client's text): each is a statement kept for the process's life.
 */
export function scopedStatement<Row, Values extends Record<string, unknown>>(
  name: string,
  options: { byCountry?: boolean },
  build: (db: Database, inScope: ScopeCondition, variant: string) => { prepare(name: string): Prepared<Row> },
): (db: Database, scope: MarketScope, values: Values, variant?: string) => Promise<Row[]> {
  const built = new WeakMap<Database, Map<string, Prepared<Row>>>();
  return (db, scope, values, variant = "") => {
    let statements = built.get(db);
    if (!statements) {
      statements = new Map<string, Prepared<Row>>();
      built.set(db, statements);
    }
    const id = `${name}${variant ? `[${variant}]` : ""}${scope === null ? "" : ".scoped"}`;
    let prepared = statements.get(id);
    if (!prepared) {
      const inScope: ScopeCondition = scope === null ? () => undefined : (column) => anyOf(column, "scope");
      prepared = build(db.lookups, inScope, variant).prepare(postgresName(id));
      statements.set(id, prepared);
    }
    if (scope === null) return prepared.execute(values);
    const markets = options.byCountry ? (countriesOfMarkets(scope) ?? []) : [...scope];
    return prepared.execute({ ...values, scope: markets });
  };
}

/** `scopedStatement` for a table without row scope. */
export function statement<Row, Values extends Record<string, unknown>>(
  name: string,
  build: (db: Database) => { prepare(name: string): Prepared<Row> },
): (db: Database, values: Values) => Promise<Row[]> {
  const run = scopedStatement<Row, Values>(name, {}, (db) => build(db));
  return (db, values) => run(db, null, values);
}

/**
 * Optional conditions, one per field of a filter, each written once and used two ways: with the
 * filter's values bound directly (`conditionOf`), or with placeholders named after the fields the
 * filter sets, for a statement built once per such set (`variantOf`, `placeholdersOf`, `valuesOf`).
 */
export class FilterConditions<F extends object> {
  constructor(private readonly conditions: { [K in keyof F]-?: (value: unknown) => SQL }) {}

  /** The fields `filter` sets, sorted: the statement variant. */
  variantOf(filter: Partial<F> | null | undefined): string {
    return Object.keys(this.conditions)
      .filter((k) => {
        const value = (filter as Record<string, unknown> | null | undefined)?.[k];
        return value !== null && value !== undefined;
      })
      .sort()
      .join(",");
  }

  /** The conditions of `variant`'s fields, each on its placeholder (`filter.<field>`). */
  placeholdersOf(variant: string): SQL | undefined {
    const fields = variant ? (variant.split(",") as (keyof F & string)[]) : [];
    return and(...fields.map((field) => this.conditions[field](sql.placeholder(`filter.${field}`))));
  }

  /** The placeholders' values. */
  valuesOf(filter: Partial<F> | null | undefined): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const field of this.variantOf(filter).split(",").filter(Boolean))
      values[`filter.${field}`] = (filter as Record<string, unknown>)[field];
    return values;
  }

  /** The conditions with the filter's values bound directly, for statements built per request. */
  conditionOf(filter: Partial<F> | null | undefined): SQL | undefined {
    const fields = this.variantOf(filter).split(",").filter(Boolean) as (keyof F & string)[];
    return and(...fields.map((field) => this.conditions[field]((filter as Record<string, unknown>)[field])));
  }
}

/**
 * Children read in their parent's statement: the rows of `table` whose `on` column equals the
 * parent row's `to` column, in `orderBy` order. One round trip per subgraph request instead of one
 * per nesting level (each statement cost its subgraph and Postgres about 0.3 ms of CPU).
 */
export interface Nested<T extends PgTable = PgTable> {
  table: T;
  on: PgColumn;
  to: PgColumn;
  /** Empty for a single child (a one-to-one relation). */
  orderBy: SQL[];
}

/**
 * `child = parent` for a subquery in a select list. A column placed directly in a select field's SQL
 * is written without its table (Drizzle's single-table select): inside the subquery both sides
 * would name the child's column. In a nested SQL object each is written with its schema and table.
 */
const matching = (child: PgColumn, parent: PgColumn | SQL) => sql`${sql`${child}`} = ${sql`${parent}`}`;

/** Columns whose JSON value is the driver's own (text, booleans, JSON); any other goes as its text output. */
const jsonNative = (column: PgColumn) =>
  column.dataType === "boolean" ||
  column.dataType === "json" ||
  ["PgText", "PgVarchar", "PgChar"].includes(column.columnType);

/** A row of `table` as a JSON array of cells, in its columns' order (see `jsonNative`). */
const cellsOf = (table: PgTable) =>
  sql`json_build_array(${sql.join(
    Object.values(getTableColumns(table)).map((column) => (jsonNative(column) ? sql`${column}` : sql`${column}::text`)),
    sql`, `,
  )})`;

/** Each table's columns as entries, read once: `rowsOfNested` runs once per parent row. */
const columnEntries = new WeakMap<PgTable, [string, PgColumn][]>();

/**
 * `nested`'s rows as one JSON value (a list of lists of cells, `[]` when there are none) for a
 * column of the parent's select; `outer` names the parent's alias when it is a subquery. Read back
 * with `rowsOfNested`.
 */
export function nestedRows({ table, on, to, orderBy }: Nested, outer?: string): SQL<unknown> {
  const parent = outer ? sql`${sql.identifier(outer)}.${sql.identifier(to.name)}` : to;
  const order = orderBy.length ? sql` order by ${sql.join(orderBy, sql`, `)}` : sql``;
  return sql`coalesce((select json_agg(${cellsOf(table)}${order}) from ${table} where ${matching(on, parent)}), '[]'::json)`;
}

/**
 * The rows a `nestedRows` value holds, as Drizzle gives them for `table` (each cell through its
 * column's mapping from the driver's value: the same dates, numbers and decimal strings).
 */
export function rowsOfNested<T extends PgTable>(table: T, value: unknown): T["$inferSelect"][] {
  let columns = columnEntries.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    columnEntries.set(table, columns);
  }
  return (value as unknown[][]).map((cells) => {
    const row: Record<string, unknown> = {};
    columns.forEach(([key, column], i) => {
      const cell = cells[i];
      row[key] = cell === null || cell === undefined ? null : column.mapFromDriverValue(cell);
    });
    return row as T["$inferSelect"];
  });
}

/**
 * One page of `nested`'s rows (offset and limit from the placeholders `<name>.offset`, `<name>.limit`)
 * and how many there are in all, as one JSON value for a column of the parent's select: the same page
 * and total `pagedChildren` gives for that parent. Read back with `pageOfNested`.
 */
export function nestedPage({ table, on, to, orderBy }: Nested, name: string): SQL<unknown> {
  const order = sql.join(orderBy, sql`, `);
  const page = sql`select ${cellsOf(table)} as row, row_number() over (order by ${order}) as n from ${table} where ${matching(on, to)} order by ${order} offset ${sql.placeholder(`${name}.offset`)} limit ${sql.placeholder(`${name}.limit`)}`;
  return sql`json_build_array((select count(*) from ${table} where ${matching(on, to)}), coalesce((select json_agg(page.row order by page.n) from (${page}) as page), '[]'::json))`;
}

/** The page a `nestedPage` value holds: its rows as Drizzle gives them, and the total. */
export function pageOfNested<T extends PgTable>(
  table: T,
  value: unknown,
): { rows: T["$inferSelect"][]; totalCount: number } {
  const [total, rows] = value as [number, unknown[][]];
  return { rows: rowsOfNested(table, rows), totalCount: Number(total) };
}
