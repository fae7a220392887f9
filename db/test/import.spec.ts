import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { fingerprint, formatIssue, ImportError, importDirectory, QualityCheckError, runQualityChecks } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/testkit/database";

const fixtures = join(import.meta.dirname, "fixtures/mini");
const reference = join(import.meta.dirname, "../../../shared/data");

let t: TestDatabase;
/** Each describe block gets a database of its own. */
function useDatabase() {
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.dispose());
}

/** A copy of the mini fixture with `edit` applied, as its own directory. */
function fixtureWith(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "c360-import-"));
  cpSync(fixtures, dir, { recursive: true });
  edit(dir);
  return dir;
}

/** Edits a fixture file as text, through gzip for `.gz` files. */
function rewrite(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  const gz = file.endsWith(".gz");
  const text = change((gz ? gunzipSync(readFileSync(path)) : readFileSync(path)).toString("utf8"));
  writeFileSync(path, gz ? gzipSync(text) : text);
}

async function rejection(dir: string): Promise<string[]> {
  try {
    await importDirectory(t.db, dir);
  } catch (error) {
    if (error instanceof ImportError) return error.issues.map(formatIssue);
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error("import was accepted");
}

describe("the seed's exact types", () => {
  useDatabase();
  it("imports a 4.25 supplier rating and a 123,456,789.12 regional revenue, and reads them back exactly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "c360-types-"));
    writeFileSync(
      join(dir, "suppliers.csv"),
      "supplier_id,supplier_name,contact_person,email,phone,address,country,payment_terms,quality_rating\n" +
        "SUP900,Exact Parts,Ada Byron,ada@exact.example,+1-555-0900,1 Exact Way,USA,Net 30,4.25\n",
    );
    writeFileSync(
      join(dir, "regional_sales.csv"),
      "region_id,region_name,country,sales_date,total_revenue,total_transactions,average_order_value\n" +
        "RGN900,Big Region,USA,2025-01-01,123456789.12,1000000,123.46\n",
    );
    try {
      await importDirectory(t.db, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(
      await t.db.query(
        `SELECT (SELECT quality_rating::text FROM product.suppliers WHERE supplier_id = 'SUP900') AS rating,
                (SELECT total_revenue::text FROM sales.regional_sales WHERE region_id = 'RGN900') AS revenue`,
      ),
    ).toEqual([{ rating: "4.25", revenue: "123456789.12" }]);
    const checks = await runQualityChecks(t.db);
    expect(checks.find((c) => c.name === "range product.suppliers.quality_rating in [1, 5]")?.status).toBe("pass");
    await t.db.query("UPDATE product.suppliers SET quality_rating = 0.5 WHERE supplier_id = 'SUP900'");
    const after = await runQualityChecks(t.db);
    expect(after.find((c) => c.name === "range product.suppliers.quality_rating in [1, 5]")).toMatchObject({
      status: "fail",
      violations: 1,
    });
  });
});

describe.runIf(existsSync(reference))("the reference data (shared/data)", () => {
  useDatabase();
  it("imports exactly the documented row counts, and the quality checks pass", async () => {
    const report = await importDirectory(t.db, reference);
    expect(report.rowsAfter).toEqual({
      "customer.customers": 15,
      "customer.loyalty_program": 15,
      "customer.support_tickets": 17,
      "customer.app_usage": 20,
      "logistics.warehouse_locations": 15,
      "product.products": 25,
      "product.suppliers": 10,
      "product.product_suppliers": 40,
      "product.inventory": 25,
      "sales.transactions": 20,
      "sales.transaction_items": 25,
      "sales.regional_sales": 25,
      "logistics.shipments": 20,
      "logistics.tracking_events": 30,
      "cx.kpi_discover_daily": 3102,
      "cx.kpi_purchase_daily": 3102,
      "cx.kpi_fulfillment_daily": 3202,
      // The curated products every load refreshes from the rows above.
      "insights.customer_preferences": 49,
      "insights.market_transactions": 1,
      "insights.product_pairs": 10,
      "insights.product_transactions": 25,
    });
    expect(report.skipped).toEqual(["README.md", "cx_analytics/LICENSE"]);
    const failed = (await runQualityChecks(t.db)).filter((r) => r.status === "fail");
    expect(failed).toEqual([]);
  });

  it("importing twice leaves exactly what importing once did", async () => {
    const once = await fingerprint(t.db);
    await importDirectory(t.db, reference);
    expect(await fingerprint(t.db)).toEqual(once);
  });

  it("reads the quirks of the exports on purpose", async () => {
    const [customer] = await t.db.query<Record<string, string>>(
      "SELECT registration_date::text AS registered FROM customer.customers WHERE customer_id = 'CUST001'",
    );
    expect(customer).toEqual({ registered: "2020-01-15 10:30:00+00" });
    const [purchase] = await t.db.query(
      `SELECT orders::int AS orders, ces_buy_avg FROM cx.kpi_purchase_daily WHERE dt = '2025-04-01' AND marketplace = 'AU' AND prime_flag = 0`,
    );
    expect(purchase).toEqual({ orders: 14, ces_buy_avg: null });
    const [{ blank_y }] = (await t.db.query(
      "SELECT count(*)::int AS blank_y FROM cx.kpi_purchase_daily WHERE orders = 0",
    )) as [{ blank_y: number }];
    expect(blank_y).toBeGreaterThanOrEqual(6);
    const [counts] = await t.db.query(
      `SELECT count(*) FILTER (WHERE neg_review_spike IS NULL)::int AS spike_blank,
              count(*) FILTER (WHERE reco_insert_module)::int > 0 AS some_true
       FROM cx.kpi_discover_daily`,
    );
    expect(counts).toEqual({ spike_blank: 22, some_true: true });
  });

  it("gives every transaction and shipment its buyer's market, and moves them when the buyer moves", async () => {
    const markets = () =>
      t.db.query<{ kind: string; marketplace: string | null; n: number }>(
        `SELECT 'transaction' AS kind, marketplace, count(*)::int AS n FROM sales.transactions GROUP BY 2
         UNION ALL SELECT 'shipment', marketplace, count(*)::int FROM logistics.shipments GROUP BY 2 ORDER BY 1, 2`,
      );
    expect(await markets()).toEqual([
      { kind: "shipment", marketplace: "US", n: 20 },
      { kind: "transaction", marketplace: "US", n: 20 },
    ]);
    const moved = mkdtempSync(join(tmpdir(), "c360-moved-"));
    cpSync(join(reference, "c360_mock_data/customer/customers.csv"), join(moved, "customers.csv"));
    rewrite(moved, "customers.csv", (text) => text.replace(/^(CUST001,.*),USA(\r?)$/m, "$1,Germany$2"));
    await importDirectory(t.db, moved);
    rmSync(moved, { recursive: true, force: true });
    const [{ transactions, shipments }] = (await t.db.query(
      `SELECT (SELECT count(*)::int FROM sales.transactions WHERE customer_id = 'CUST001' AND marketplace = 'DE') AS transactions,
              (SELECT count(*)::int FROM logistics.shipments s JOIN sales.transactions t USING (transaction_id)
                WHERE t.customer_id = 'CUST001' AND s.marketplace = 'DE') AS shipments`,
    )) as [{ transactions: number; shipments: number }];
    expect({ transactions, shipments }).toEqual({ transactions: 2, shipments: 2 });
    expect((await runQualityChecks(t.db)).filter((r) => r.status === "fail")).toEqual([]);
  });
});

describe("the quality checks of every import", () => {
  useDatabase();

  it("keep a load whose data only fails a warning check, and report and store the failure with its run", async () => {
    const dir = fixtureWith((d) => rewrite(d, "sales/transactions.csv", (s) => s.replace(",98.00,USD", ",99.00,USD")));
    const report = await importDirectory(t.db, dir).finally(() => rmSync(dir, { recursive: true, force: true }));
    const failure = {
      name: "money sales.transactions: subtotal + tax_amount - discount_amount = total_amount",
      domain: "sales",
      blocking: false,
      status: "fail",
      violations: 1,
      sample: ["TXN001"],
    };
    expect(report.checks.filter((r) => r.status === "fail")).toEqual([failure]);
    expect(
      await t.db.query(
        "SELECT run_id::int AS run, name, status, violations FROM meta.quality_checks WHERE status = 'fail'",
      ),
    ).toEqual([{ run: report.runId, name: failure.name, status: "fail", violations: 1 }]);
    expect(await t.db.query("SELECT total_amount FROM sales.transactions WHERE transaction_id = 'TXN001'")).toEqual([
      { total_amount: "99.00" },
    ]);
  });

  it("reject a load whole when the data after it would break a blocking check, naming the check", async () => {
    // A buyer gone without a load: any load now, even of unrelated rows, would leave that key broken.
    await t.db.query("UPDATE sales.transactions SET customer_id = 'CUST_GONE' WHERE transaction_id = 'TXN002'");
    const before = await fingerprint(t.db);
    const dir = fixtureWith((d) => rmSync(join(d, "sales"), { recursive: true }));
    const rejected = await importDirectory(t.db, dir)
      .catch((error: unknown) => error)
      .finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(rejected).toBeInstanceOf(QualityCheckError);
    expect((rejected as QualityCheckError).message).toBe(
      "load rejected, nothing was written: blocking quality checks failed:\n" +
        "  foreign key sales.transactions.customer_id -> customer.customers.customer_id: 1 rows, e.g. TXN002",
    );
    expect(await fingerprint(t.db)).toEqual(before);
    expect(await t.db.query("SELECT count(*)::int AS runs FROM meta.load_runs")).toEqual([{ runs: 1 }]);
  });
});

describe("the importer on the project's own fixture", () => {
  useDatabase();
  let before: Awaited<ReturnType<typeof fingerprint>>;
  beforeAll(async () => {
    await importDirectory(t.db, fixtures);
    before = await fingerprint(t.db);
  });

  it("stores typed values: naive timestamps as UTC, blanks as NULL, True/False, float counts, orders_x/orders_y", async () => {
    expect(
      await t.db.query(
        "SELECT customer_id, phone, date_of_birth::text AS dob, registration_date::text AS registered, address_line1 FROM customer.customers ORDER BY 1",
      ),
    ).toEqual([
      {
        customer_id: "CUST001",
        phone: "+44-20-0001",
        dob: "1985-12-10",
        registered: "2021-03-01 10:00:00+00",
        address_line1: "1 Analytical Row, Flat 2",
      },
      {
        customer_id: "CUST002",
        phone: null,
        dob: "1990-06-23",
        registered: "2022-07-15 08:30:00+00",
        address_line1: "2 Bletchley Rd",
      },
      {
        customer_id: "CUST003",
        phone: "+1-555-0103",
        dob: null,
        registered: "2020-01-05 12:00:00+00",
        address_line1: "3 Cobol Ave",
      },
    ]);
    expect(
      await t.db.query(
        "SELECT prime_flag, orders::int AS orders, ces_buy_avg FROM cx.kpi_purchase_daily WHERE marketplace = 'UK' ORDER BY 1",
      ),
    ).toEqual([
      { prime_flag: 0, orders: 14, ces_buy_avg: null },
      { prime_flag: 1, orders: 0, ces_buy_avg: null },
    ]);
    expect(
      await t.db.query(
        "SELECT prime_flag, zrr, neg_review_spike, reco_insert_module FROM cx.kpi_discover_daily WHERE marketplace = 'UK' ORDER BY 1",
      ),
    ).toEqual([
      { prime_flag: 0, zrr: null, neg_review_spike: true, reco_insert_module: false },
      { prime_flag: 1, zrr: "0.1900", neg_review_spike: null, reco_insert_module: null },
    ]);
  });

  const cases: [string, (dir: string) => void, string[]][] = [
    [
      "a malformed CSV line",
      (d) => rewrite(d, "customer/customers.csv", (s) => s.replace(",Seattle,WA,98101,USA", ",Seattle,WA,98101")),
      ["customer/customers.csv:4: country: malformed CSV: line has 14 fields, header has 15"],
    ],
    [
      "an unterminated quote",
      (d) =>
        rewrite(d, "customer/customers.csv", (s) =>
          s.replace('"1 Analytical Row, Flat 2"', '"1 Analytical Row, Flat 2'),
        ),
      ["customer/customers.csv:2: malformed CSV: Quote Not Closed: the parsing is finished with an opening quote"],
    ],
    [
      "a line with an extra field",
      (d) => rewrite(d, "customer/loyalty_program.csv", (s) => s.replace("4200.50", "4,200.50")),
      ["customer/loyalty_program.csv:2: (extra field 8): malformed CSV: line has 8 fields, header has 7"],
    ],
    [
      "a non-numeric value in a numeric column, masked because a lifetime value is personal data",
      (d) => rewrite(d, "customer/loyalty_program.csv", (s) => s.replace("4200.50", "4.2k")),
      ["customer/loyalty_program.csv:2: lifetime_value: not a number: (value masked: personal data)"],
    ],
    [
      "text in an integer column",
      (d) => rewrite(d, "customer/loyalty_program.csv", (s) => s.replace(",1200,", ",lots,")),
      ["customer/loyalty_program.csv:2: points_balance: not a number: (value masked: personal data)"],
    ],
    [
      "a fraction in a count column",
      (d) => rewrite(d, "customer/loyalty_program.csv", (s) => s.replace(",50,50,", ",50.5,50,")),
      ["customer/loyalty_program.csv:3: points_balance: not a whole number: (value masked: personal data)"],
    ],
    [
      "a dangling foreign key",
      (d) => rewrite(d, "sales/transactions.csv", (s) => s.replace("TXN003,CUST001", "TXN003,CUST999")),
      [
        'sales/transactions.csv:4: customer_id: dangling foreign key: no customer.customers row with customer_id "CUST999"',
      ],
    ],
    [
      "a duplicate primary key within a file",
      (d) => rewrite(d, "sales/transactions.csv", (s) => s.replace("TXN003,", "TXN001,")),
      ['sales/transactions.csv:4: transaction_id: duplicate primary key "TXN001" (first at line 2)'],
    ],
    [
      "a missing required column",
      (d) => rewrite(d, "customer/loyalty_program.csv", (s) => s.replace("loyalty_tier,", "tier,")),
      ["customer/loyalty_program.csv:1: loyalty_tier: missing column (customer.loyalty_program needs it)"],
    ],
    [
      "a blank required value, masked because it is personal data",
      (d) => rewrite(d, "customer/customers.csv", (s) => s.replace("grace@example.test", "")),
      ["customer/customers.csv:4: email: required value is blank: (value masked: personal data)"],
    ],
    [
      "an unknown file",
      (d) => writeFileSync(join(d, "customer/widgets.csv"), "widget_id\nW1\n"),
      ["customer/widgets.csv:1: unknown file: its name matches no c360 or cx table"],
    ],
    [
      "orders_x and orders_y that disagree",
      (d) => rewrite(d, "cx/kpi_purchase_daily.csv.gz", (s) => s.replace("none,3DS_soft,14.0", "none,3DS_soft,15.0")),
      ['cx/kpi_purchase_daily.csv.gz:2: orders_x: orders_y disagrees with orders_x: "14.0"'],
    ],
    [
      "a file no one exported, in a hidden folder, ignored with node_modules: only the export's own files count",
      (d) => {
        for (const folder of [".git/x", "node_modules/pkg"]) {
          mkdirSync(join(d, folder), { recursive: true });
          writeFileSync(join(d, folder, "customers.csv"), "not,a,customer\n");
        }
        writeFileSync(join(d, "customer/widgets.csv"), "widget_id\nW1\n");
      },
      ["customer/widgets.csv:1: unknown file: its name matches no c360 or cx table"],
    ],
    [
      "a NUL in a text cell",
      (d) => rewrite(d, "cx/kpi_discover_daily.csv", (s) => s.replace("Office", "Off\u0000ice")),
      ['cx/kpi_discover_daily.csv:2: dominant_query_category: contains a NUL character: "Off\\u0000ice"'],
    ],
    [
      "a text cell longer than any index entry may be",
      (d) => rewrite(d, "cx/kpi_discover_daily.csv", (s) => s.replace("pdp_claims_visuals", "G".repeat(3_000))),
      [`cx/kpi_discover_daily.csv:2: reco_module_type: longer than 1000 bytes: "${"G".repeat(64)}"…(3000 characters)`],
    ],
    [
      "a time zone offset past ±15:59",
      (d) => rewrite(d, "sales/transactions.csv", (s) => s.replace("2024-05-15 14:30:00", "2024-05-15 14:30:00+99:00")),
      [
        "sales/transactions.csv:2: transaction_date: time zone offset out of range (at most ±15:59): (value masked: personal data)",
      ],
    ],
    [
      "a ratio with more decimals than its NUMERIC(8,4) keeps",
      (d) => rewrite(d, "cx/kpi_discover_daily.csv", (s) => s.replace(",0.37,", ",0.37001,")),
      ['cx/kpi_discover_daily.csv:2: explore_propensity_mean: more than 4 decimal places: "0.37001"'],
    ],
    [
      "a .csv.gz that is not gzip",
      (d) => writeFileSync(join(d, "cx/kpi_purchase_daily.csv.gz"), "dt,marketplace\n"),
      ["cx/kpi_purchase_daily.csv.gz:1: not valid gzip data (incorrect header check)"],
    ],
    [
      "a file that is not UTF-8",
      (d) => writeFileSync(join(d, "sales/transactions.csv"), Buffer.from([0x74, 0x78, 0xff, 0xfe, 0x0a])),
      ["sales/transactions.csv:1: not valid UTF-8 text"],
    ],
  ];

  for (const [name, edit, expected] of cases) {
    it(`rejects ${name} with file:line: column: reason and changes nothing`, async () => {
      expect(await rejection(fixtureWith(edit))).toEqual(expected);
      expect(await fingerprint(t.db)).toEqual(before);
    });
  }

  it("rejects 10,000 rows with one bad row: nothing committed, the line named, the PII value masked", async () => {
    const dir = fixtureWith((d) => {
      const header = readFileSync(join(d, "customer/customers.csv"), "utf8").split("\n")[0];
      const rows = Array.from({ length: 10_000 }, (_, i) => {
        const id = `BULK${String(i).padStart(5, "0")}`;
        const email = i === 6_789 ? "" : `${id.toLowerCase()}@example.test`;
        return `${id},Bulk,Row,${email},,1990-01-01,F,2024-01-01 00:00:00,Basic,online,1 Street,Berlin,BE,10115,Germany`;
      });
      writeFileSync(join(d, "customer/customers.csv"), `\ufeff${header}\n${rows.join("\n")}\n`);
      rmSync(join(d, "customer/loyalty_program.csv"));
      rmSync(join(d, "sales"), { recursive: true });
    });
    expect(await rejection(dir)).toEqual([
      "customer/customers.csv:6791: email: required value is blank: (value masked: personal data)",
    ]);
    expect(await fingerprint(t.db)).toEqual(before);
  });
});
