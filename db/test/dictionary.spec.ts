import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { migrationsFolder } from "@c360/db";
import type { SqlSession } from "@c360/db-client";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from "../../test/testkit/database";

const dictionary = join(import.meta.dirname, "../../../shared/design/seed-dictionary.csv");

/** A column's type as information_schema.columns describes it. */
interface ColumnType {
  dataType: string;
  precision: number | null;
  scale: number | null;
}

const type = (dataType: string, precision: number | null = null, scale: number | null = null): ColumnType => ({
  dataType,
  precision,
  scale,
});

/** ARCHITECTURE.md §2: how each seed type is stored (a TIMESTAMP is read as UTC, so it keeps its zone). */
const storedAs: Record<string, ColumnType> = {
  STRING: type("text"),
  TEXT: type("text"),
  VARCHAR: type("character varying"),
  SMALLINT: type("smallint", 16, 0),
  INTEGER: type("integer", 32, 0),
  BIGINT: type("bigint", 64, 0),
  BOOLEAN: type("boolean"),
  DATE: type("date"),
  TIMESTAMP: type("timestamp with time zone"),
};

function expectedType(seedType: string): ColumnType {
  const decimal = /^(?:DECIMAL|NUMERIC)\((\d+),(\d+)\)$/.exec(seedType);
  if (decimal) return type("numeric", Number(decimal[1]), Number(decimal[2]));
  const known = storedAs[seedType];
  if (!known) throw new Error(`the dictionary has a seed type this test does not map: ${seedType}`);
  return known;
}

/**
 * Columns the seed does not list, each on purpose: every fact's market and each shipment's buyer (set by
 * the loads), and the two columns the discover export carries beyond its dictionary.
 */
const ownColumns: Record<string, ColumnType> = {
  "sales.transactions.marketplace": type("text"),
  "logistics.shipments.marketplace": type("text"),
  "logistics.shipments.customer_id": type("text"),
  "cx.kpi_discover_daily.neg_review_share": type("numeric", 8, 4),
  "cx.kpi_discover_daily.neg_review_spike": type("boolean"),
};

const domains = ["customer", "sales", "product", "logistics", "cx"];

async function storedTypes(session: SqlSession): Promise<Record<string, ColumnType>> {
  const rows = await session.query<{ key: string } & ColumnType>(
    `SELECT table_schema || '.' || table_name || '.' || column_name AS key, data_type AS "dataType",
            numeric_precision AS precision, numeric_scale AS scale
     FROM information_schema.columns WHERE table_schema = ANY($1)`,
    [domains],
  );
  return Object.fromEntries(rows.map(({ key, ...t }) => [key, t]));
}

describe.runIf(existsSync(dictionary))("the migrated schema against the seed's data dictionary", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.dispose());

  it("is the copy the CLI ships (db/seed-dictionary.csv), byte for byte", () => {
    expect(readFileSync(join(import.meta.dirname, "../seed-dictionary.csv"), "utf8")).toBe(
      readFileSync(dictionary, "utf8"),
    );
  });

  it("stores every one of the 196 seed columns with its seed type, and only the columns declared here beside them", async () => {
    const rows = parse(readFileSync(dictionary), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(196);
    const expected = {
      ...Object.fromEntries(
        rows.map((r) => [`${r.schema}.${r.table}.${r.column}`, expectedType(r.seed_type as string)]),
      ),
      ...ownColumns,
    };
    expect(await storedTypes(t.db)).toEqual(expected);
  });
});

/** The committed migrations' statements, by migration, in journal order. */
function migrationStatements(): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map(({ tag }) => ({
    tag,
    statements: readFileSync(join(migrationsFolder, `${tag}.sql`), "utf8").split("--> statement-breakpoint"),
  }));
}

describe("the migration to the seed's exact types", () => {
  const migrations = migrationStatements();
  const at = migrations.findIndex((m) => m.tag === "0012_seed_exact_types");
  let t: TestDatabase;

  /** A database migrated up to, not including, the exact types, holding one KPI row with `dpvr`. */
  async function before(dpvr: string): Promise<SqlSession> {
    t = await createEmptyTestDatabase();
    for (const { statements } of migrations.slice(0, at)) for (const s of statements) await t.db.query(s);
    await t.db.query(
      `INSERT INTO cx.kpi_discover_daily (dt, marketplace, prime_flag, list_impressions, pdp_views, dpvr, total_searches,
         zero_results, help_sessions, escalations, ces_responses, ces_avg, sessions)
       VALUES ('2025-04-01', 'DE', 0, 1000, 50, ${dpvr}, 0, 0, 0, 0, 10, 4.25, 100)`,
    );
    await t.db.query(
      `INSERT INTO product.products (product_id, product_name, category, brand, price, cost, weight_kg, created_date, status)
       VALUES ('PROD900', 'Anvil', 'Tools', 'Acme', 10, 5, 12.345, '2024-01-01', 'active')`,
    );
    return t.db;
  }
  const migrate = async (db: SqlSession) => {
    for (const s of migrations[at]?.statements ?? []) await db.query(s);
  };
  afterEach(() => t.dispose());

  it("keeps every stored value", async () => {
    const db = await before("0.05");
    await migrate(db);
    expect(
      await db.query(
        `SELECT (SELECT dpvr::text || ' ' || ces_avg::text FROM cx.kpi_discover_daily) AS kpi,
                (SELECT weight_kg::text FROM product.products) AS weight`,
      ),
    ).toEqual([{ kpi: "0.0500 4.25", weight: "12.345" }]);
  });

  it("stops, naming the column, rather than round a value past the new scale", async () => {
    const db = await before("0.12345");
    await expect(migrate(db)).rejects.toThrow(
      "cx.kpi_discover_daily.dpvr: 1 rows have more than 4 decimal places (or NaN); fix them before migrating",
    );
    expect(await db.query("SELECT dpvr FROM cx.kpi_discover_daily")).toEqual([{ dpvr: 0.12345 }]);
  });
});
