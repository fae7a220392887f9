import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { SqlSession } from "./database";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Per table and set of columns, the statement and how to turn a row into its JSON object. */
const statements = new WeakMap<PgTable, Map<string, { text: string; columns: [string, string][] }>>();

function statementFor(table: PgTable, keys: readonly string[]) {
  const byKeys = statements.get(table) ?? new Map<string, { text: string; columns: [string, string][] }>();
  statements.set(table, byKeys);
  const id = keys.join(",");
  let statement = byKeys.get(id);
  if (!statement) {
    const all = getTableColumns(table);
    const columns = keys.map((key) => {
      const column = all[key];
      if (!column) throw new Error(`${getTableConfig(table).name} has no column ${key}`);
      return [key, column] as const;
    });
    const { schema, name } = getTableConfig(table);
    const names = columns.map(([, c]) => quote(c.name)).join(", ");
    statement = {
      // In the rows' order (WITH ORDINALITY), so serial ids follow it: the trail's chain is read by id.
      text: `INSERT INTO ${schema ? `${quote(schema)}.` : ""}${quote(name)} (${names}) SELECT ${names} FROM ROWS FROM (json_to_recordset($1::json) AS (${columns.map(([, c]) => `${quote(c.name)} ${c.getSQLType()}`).join(", ")})) WITH ORDINALITY AS r(${names}, "ordinality") ORDER BY "ordinality"`,
      columns: columns.map(([key, c]) => [key, c.name]),
    };
    byKeys.set(id, statement);
  }
  return statement;
}

/**
 * Inserts `rows` (all with the same fields) into `table` in one statement with one parameter: the
 * rows as JSON, which Postgres expands into the table's column types (`json_to_recordset`). Many rows
 * through Drizzle's insert builder cost a bound parameter and a builder step per value; here the
 * statement is built once per table and the rows cost one `JSON.stringify`.
 */
export async function insertRows<T extends PgTable>(db: SqlSession, table: T, rows: readonly T["$inferInsert"][]) {
  const [first] = rows;
  if (!first) return;
  const { text, columns } = statementFor(table, Object.keys(first));
  const json = JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, name] of columns) out[name] = (row as Record<string, unknown>)[key];
      return out;
    }),
  );
  await db.query(text, [json]);
}
