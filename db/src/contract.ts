import { readFileSync } from "node:fs";
import { openedBy } from "@c360/auth/policy";
import { parse } from "csv-parse/sync";
import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { piiColumns, recordTables } from "./catalog";
import { qualityChecks } from "./checks/rules";

/**
 * The seed's data dictionary (`source, schema, table, column, seed_type, description`), kept in the
 * package verbatim from the design so that a contract can be written wherever the CLI runs.
 */
const dictionaryFile = new URL("../seed-dictionary.csv", import.meta.url);

/** Columns the loads add to the seed's: described here, since the dictionary does not know them. */
const derivedDescriptions: Readonly<Record<string, string>> = {
  "sales.transactions.marketplace": "CX marketplace code of the buyer's country, set by the loads",
  "logistics.shipments.marketplace": "CX marketplace code of its transaction, set by the loads",
  "logistics.shipments.customer_id": "The buyer of its transaction, set by the loads",
};

let descriptions: ReadonlyMap<string, string> | undefined;
/** Each known column's description by `schema.table.column`: the seed dictionary's, then the derived ones. */
function columnDescriptions(): ReadonlyMap<string, string> {
  if (!descriptions) {
    const rows = parse(readFileSync(dictionaryFile, "utf8"), { columns: true }) as {
      schema: string;
      table: string;
      column: string;
      description: string;
    }[];
    descriptions = new Map([
      ...rows.map((r): [string, string] => [`${r.schema}.${r.table}.${r.column}`, r.description]),
      ...Object.entries(derivedDescriptions),
    ]);
  }
  return descriptions;
}

/** How a column's declared type reads back from Postgres (`format_type`): what the migrations made of it. */
function physicalTypeOf(column: PgColumn): string {
  const declared = column.getSQLType();
  const serial: Record<string, string> = { smallserial: "smallint", serial: "integer", bigserial: "bigint" };
  if (serial[declared]) return serial[declared];
  if (declared === "timestamp") return "timestamp without time zone";
  return declared.replace(/\((\d+), (\d+)\)/, "($1,$2)");
}

/** ODCS logical types: string, integer, number, boolean, date (timestamps too), array. */
function logicalTypeOf(physicalType: string): string {
  if (physicalType.endsWith("[]")) return "array";
  if (/^(smallint|integer|bigint)$/.test(physicalType)) return "integer";
  if (/^(numeric|double precision|real)/.test(physicalType)) return "number";
  if (/^(date|timestamp)/.test(physicalType)) return "date";
  return physicalType === "boolean" ? "boolean" : "string";
}

/** The graph type whose records a table holds, if the graph serves it as one. */
const typeOf = (table: PgTable) => Object.entries(recordTables).find(([, t]) => t === table)?.[0];

/**
 * A column's classification from the access policy: `restricted` when the entitlements that open
 * its record (`Type.id`) do not open its field, so reading it takes one of its own (contact data,
 * cost); `personal` when the policy declares it a person's data; `internal` otherwise.
 */
function classificationOf(table: PgTable, key: string, column: PgColumn, qualified: string): string {
  const type = typeOf(table);
  const field = [key, ...(column.primary ? ["id"] : [])].find((f) => openedBy.has(`${type}.${f}`));
  const record = new Set(openedBy.get(`${type}.id`) ?? []);
  const opening = field ? (openedBy.get(`${type}.${field}`) ?? []) : [];
  if (record.size && opening.length && !opening.some((e) => record.has(e))) return "restricted";
  return piiColumns.has(qualified) ? "personal" : "internal";
}

/** The quality checks that judge a table's rows, as ODCS SQL rules that must find no violation. */
function qualityOf(qualified: string) {
  return qualityChecks
    .filter((c) => c.table === qualified)
    .map((c) => ({
      type: "sql",
      description: c.name,
      query: `SELECT count(*) FROM (${c.violations.replace(/\s+/g, " ").trim()}) AS violations`,
      mustBe: 0,
      severity: c.blocking ? "error" : "warning",
    }));
}

/**
 * One table as an ODCS v3 schema object: each column with its logical and physical type (as
 * migrated), description, classification and key position; and the quality rules run on its rows.
 */
export function contractSchemaObject(table: PgTable) {
  const { schema, name, primaryKeys } = getTableConfig(table);
  const qualified = `${schema}.${name}`;
  const compositeKey = primaryKeys[0]?.columns.map((c) => c.name) ?? [];
  const properties = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const physicalType = physicalTypeOf(column);
    const description = columnDescriptions().get(`${qualified}.${column.name}`);
    const position = column.primary ? 1 : compositeKey.indexOf(column.name) + 1;
    return {
      name: column.name,
      logicalType: logicalTypeOf(physicalType),
      physicalType,
      ...(description ? { description } : {}),
      required: column.notNull,
      ...(position ? { primaryKey: true, primaryKeyPosition: position } : {}),
      classification: classificationOf(table, key, column, `${qualified}.${column.name}`),
    };
  });
  const quality = qualityOf(qualified);
  return {
    name: qualified,
    physicalName: qualified,
    physicalType: "table",
    logicalType: "object",
    properties,
    ...(quality.length ? { quality } : {}),
  };
}
