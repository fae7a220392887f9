import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importDirectory, marketplaceOfCountry } from "@c360/db";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/** The aggregates, through the gateway, against sums computed here from the reference CSV files. */
const reference = join(import.meta.dirname, "../../../shared/data");
const csv = (file: string) =>
  parse(readFileSync(join(reference, "c360_mock_data", file)), { columns: true }) as Record<string, string>[];

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack(({ db }) => importDirectory(db, reference));
});
afterAll(() => t?.dispose());

/** Money as whole cents, exactly. */
const cents = (text: string) => Math.round(Number(text) * 100);
const money = (c: number) => (c / 100).toFixed(2);
/** Postgres' round(avg, 2): half away from zero, on exact cents (positive amounts). */
const mean = (total: number, n: number) => {
  const q = Math.floor(total / n);
  return money(2 * (total - q * n) >= n ? q + 1 : q);
};

/** Groups `rows` by `key` and folds each group with `fold`. */
function groups<R, T>(rows: R[], key: (row: R) => string, fold: (rows: R[]) => T): Map<string, T> {
  const by = new Map<string, R[]>();
  for (const row of rows) by.set(key(row), [...(by.get(key(row)) ?? []), row]);
  return new Map([...by].map(([k, g]) => [k, fold(g)]));
}

describe("salesSummary", () => {
  const transactions = () => csv("sales/transactions.csv");
  const country = () => new Map(csv("customer/customers.csv").map((c) => [c.customer_id, c.country as string]));

  it("groups by MARKETPLACE, CHANNEL, STATUS, PAYMENT_METHOD and MONTH exactly as the rows add up", async () => {
    const countries = country();
    const expected = groups(
      transactions(),
      (r) =>
        [
          marketplaceOfCountry(countries.get(r.customer_id as string) ?? ""),
          r.channel,
          r.status,
          r.payment_method,
          `${(r.transaction_date as string).slice(0, 7)}-01`,
        ].join("|"),
      (g) => {
        const total = g.reduce((a, r) => a + cents(r.total_amount as string), 0);
        return { transactionCount: g.length, totalAmount: money(total), averageOrderValue: mean(total, g.length) };
      },
    );
    const reply = await t.query<{ salesSummary: Record<string, unknown>[] }>(
      `{ salesSummary(groupBy: [MARKETPLACE, CHANNEL, STATUS, PAYMENT_METHOD, MONTH]) {
          marketplace channel status paymentMethod month transactionCount totalAmount averageOrderValue } }`,
    );
    expect(reply.errors).toBeUndefined();
    const got = new Map(
      (reply.data?.salesSummary ?? []).map((r) => [
        [r.marketplace, r.channel, r.status, r.paymentMethod, r.month].join("|"),
        { transactionCount: r.transactionCount, totalAmount: r.totalAmount, averageOrderValue: r.averageOrderValue },
      ]),
    );
    expect(got).toEqual(expected);
  });

  it("with no dimension, one row for everything the filter keeps; dimensions not grouped by are null", async () => {
    const completed = transactions().filter((r) => r.status === "completed" && r.channel === "online");
    const total = completed.reduce((a, r) => a + cents(r.total_amount as string), 0);
    const reply = await t.query<{ salesSummary: unknown[] }>(
      `{ salesSummary(filter: { status: "completed", channel: "online", from: "2024-01-01", to: "2024-12-31" }) {
          marketplace channel status paymentMethod month transactionCount totalAmount averageOrderValue } }`,
    );
    expect(reply.data?.salesSummary).toEqual([
      {
        marketplace: null,
        channel: null,
        status: null,
        paymentMethod: null,
        month: null,
        transactionCount: completed.length,
        totalAmount: money(total),
        averageOrderValue: mean(total, completed.length),
      },
    ]);
  });

  it("keeps to the token's markets and refuses an unknown marketplace", async () => {
    const countries = country();
    const us = transactions().filter(
      (r) => marketplaceOfCountry(countries.get(r.customer_id as string) ?? "") === "US",
    );
    const token = await tokenFor("sales_analyst", { markets: ["US"] });
    const reply = await t.query<{ salesSummary: { transactionCount: number }[] }>(
      "{ salesSummary { transactionCount } }",
      {},
      { token },
    );
    expect(reply.data?.salesSummary).toEqual([{ transactionCount: us.length }]);
    const bad = await t.query('{ salesSummary(filter: { marketplaces: ["XX"] }) { transactionCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Product.salesSummary", () => {
  it("units, revenue and transactions of every product over completed transactions, zeros for none", async () => {
    const completed = new Set(
      csv("sales/transactions.csv")
        .filter((r) => r.status === "completed")
        .map((r) => r.transaction_id),
    );
    const items = csv("sales/transaction_items.csv").filter((i) => completed.has(i.transaction_id));
    for (const { product_id: id } of csv("products/products.csv")) {
      const mine = items.filter((i) => i.product_id === id);
      const reply = await t.query<{ product: { salesSummary: unknown } }>(
        "query ($id: ID!) { product(id: $id) { salesSummary { units revenue transactions } } }",
        { id },
      );
      expect(reply.data?.product.salesSummary, id).toEqual({
        units: mine.reduce((a, i) => a + Number(i.quantity), 0),
        revenue: money(mine.reduce((a, i) => a + cents(i.line_total as string), 0)),
        transactions: new Set(mine.map((i) => i.transaction_id)).size,
      });
    }
  });
});

describe("supportSummary", () => {
  it("counts tickets and averages the satisfaction of the rated ones, by CATEGORY and PRIORITY", async () => {
    const expected = groups(
      csv("customer/support_tickets.csv"),
      (r) => `${r.category}|${r.priority}`,
      (g) => {
        const rated = g.filter((r) => r.satisfaction_score !== "").map((r) => Number(r.satisfaction_score));
        return {
          ticketCount: g.length,
          ratedCount: rated.length,
          meanSatisfaction: rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null,
        };
      },
    );
    const reply = await t.query<{ supportSummary: Record<string, unknown>[] }>(
      "{ supportSummary(groupBy: [CATEGORY, PRIORITY]) { category priority status channel ticketCount ratedCount meanSatisfaction } }",
    );
    expect(reply.errors).toBeUndefined();
    for (const row of reply.data?.supportSummary ?? []) {
      expect(row.status).toBeNull();
      const want = expected.get(`${row.category}|${row.priority}`);
      expect(want, `${row.category}|${row.priority}`).toBeDefined();
      expect(row.ticketCount).toBe(want?.ticketCount);
      expect(row.ratedCount).toBe(want?.ratedCount);
      if (want?.meanSatisfaction === null) expect(row.meanSatisfaction).toBeNull();
      else expect(row.meanSatisfaction).toBeCloseTo(want?.meanSatisfaction as number, 12);
    }
    expect(reply.data?.supportSummary).toHaveLength(expected.size);
  });

  it("is customer care's, not marketing's", async () => {
    const reply = await t.query(
      "{ supportSummary { ticketCount } }",
      {},
      { token: await tokenFor("marketing_analyst") },
    );
    expect(reply.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
