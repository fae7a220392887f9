import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLocalTimeTransactions, localTimeTransactions } from "../testkit/local-time";
import { startTestStack, type TestStack } from "../testkit/stack";

/** Local time through the gateway (ARCHITECTURE.md §3, Local time): a market's offset and its calendar. */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack(async ({ db }) => {
    await seed(db, { scale: 0.01, seed: 1 });
    await insertLocalTimeTransactions(db);
  });
});
afterAll(() => t.dispose());

describe("local time through the graph", () => {
  it("gives each transaction the offset in force at its instant, either side of a DST change", async () => {
    const query = localTimeTransactions
      .map((x, i) => `t${i}: transaction(id: "${x.id}") { id transactionDate transactionDateLocal }`)
      .join(" ");
    expect(await t.query(`{ ${query} }`)).toEqual({
      data: Object.fromEntries(
        localTimeTransactions.map((x, i) => [
          `t${i}`,
          { id: x.id, transactionDate: new Date(x.at).toISOString(), transactionDateLocal: x.local },
        ]),
      ),
    });
  });

  it("groups a transaction near midnight UTC in its market's month with timeZone: MARKET", async () => {
    const summary = (timeZone: string) =>
      t.query(
        `{ salesSummary(filter: { channel: "kiosk" }, groupBy: [MARKETPLACE, MONTH], timeZone: ${timeZone}) {
            marketplace month periodEnd days complete transactionCount } }`,
      );
    const row = (marketplace: string, month: string, periodEnd: string, days: number, transactionCount: number) => ({
      marketplace,
      month,
      periodEnd,
      days,
      complete: true,
      transactionCount,
    });
    expect(await summary("UTC")).toEqual({
      data: {
        salesSummary: [row("DE", "2024-03-01", "2024-03-31", 31, 1), row("US", "2024-03-01", "2024-03-31", 31, 3)],
      },
    });
    expect(await summary("MARKET")).toEqual({
      data: {
        salesSummary: [
          row("DE", "2024-04-01", "2024-04-30", 30, 1),
          row("US", "2024-02-01", "2024-02-29", 29, 1),
          row("US", "2024-03-01", "2024-03-31", 31, 2),
        ],
      },
    });
  });

  it("answers the KPI series and regional sales alike on both calendars: their rows are already a market's day", async () => {
    const [range] = await t.db.query<{ from: string; to: string }>(
      `SELECT min(dt)::text AS "from", (min(dt) + 20)::text AS "to" FROM cx.kpi_discover_daily`,
    );
    const query = (timeZone: string) =>
      t.query(
        `query ($filter: KpiFilter!, $from: Date!, $to: Date!) {
           funnel(filter: $filter, grain: WEEK, timeZone: ${timeZone}) { periodStart days marketplace listImpressions }
           discoverKpis(filter: $filter, grain: MONTH, timeZone: ${timeZone}) { periodStart marketplace listImpressions }
           marketplace(code: "US") { purchaseKpis(from: $from, to: $to, grain: WEEK, timeZone: ${timeZone}) { periodStart orders } }
           regionalSales(grain: WEEK, timeZone: ${timeZone}) { regionId salesDate totalTransactions } }`,
        { filter: range, ...range },
      );
    const utc = (await query("UTC")) as {
      data: {
        funnel: unknown[];
        discoverKpis: unknown[];
        marketplace: { purchaseKpis: unknown[] };
        regionalSales: unknown[];
      };
    };
    const { funnel, discoverKpis, marketplace, regionalSales } = utc.data;
    expect([funnel, discoverKpis, marketplace.purchaseKpis, regionalSales].map((rows) => rows.length > 0)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(await query("MARKET")).toEqual(utc);
  });
});
