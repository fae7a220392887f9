import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { viewerFor } from "../../../test/testkit/identity";
import { executeSubgraph } from "../../../test/testkit/subgraph";
import { subgraph } from "../src/schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // DE, non-Prime: a Sunday of one ISO week, then Monday and Tuesday of the next (across the month
  // boundary), then a day with no impressions, searches or help sessions (zero denominators).
  await t.db.query(`INSERT INTO cx.kpi_discover_daily
    (dt, marketplace, prime_flag, list_impressions, pdp_views, dpvr, total_searches, zero_results, zrr, help_sessions,
     escalations, help_bounce_to_contact, ces_responses, ces_avg, sessions, neg_review_spike, reco_module_type) VALUES
    ('2025-03-30', 'DE', 0, 1000, 50, 0.05, 100, 10, 0.1, 20, 2, 0.1, 10, 4.0, 100, false, 'faq_snippet'),
    ('2025-03-31', 'DE', 0, 3000, 90, 0.03, 300, 60, 0.2, 0, 0, null, 0, null, 300, true, 'size_fit_guide'),
    ('2025-04-01', 'DE', 0, 1000, 60, 0.06, 100, 0, 0.0, 10, 5, 0.5, 30, 6.0, 100, false, 'size_fit_guide'),
    ('2025-04-07', 'DE', 0, 0, 0, 0.0, 0, 0, null, 0, 0, null, 0, null, 50, false, 'faq_snippet'),
    ('2025-04-01', 'FR', 1, 1000, 100, 0.1, 50, 5, 0.1, 10, 1, 0.1, 10, 2.0, 80, false, 'faq_snippet')`);
  await t.db.query(`INSERT INTO cx.kpi_fulfillment_daily
    (dt, marketplace, prime_flag, orders, otd_rate, promise_accuracy_mae_hours, exceptions, delivery_exception_rate,
     wismo_contacts, wismo_contact_rate, nps_score, nps_responses, late_risk_mean, late_risk_high_rate) VALUES
    ('2025-03-31', 'DE', 0, 10, 0.9, 10, 1, 0.1, 2, 0.2, 50, 2, 0.2, 0.1),
    ('2025-04-01', 'DE', 0, 30, 0.5, 20, 3, 0.1, 0, 0.0, -10, 6, 0.4, 0.3),
    ('2025-06-01', 'US', 0, 3000000000, 1.0, 1, 0, 0.0, 0, 0.0, 0, 0, 0.1, 0.0),
    ('2025-06-02', 'US', 0, 9007196254740993, 1.0, 1, 0, 0.0, 0, 0.0, 0, 0, 0.1, 0.0)`);
  await t.db.query(`INSERT INTO cx.kpi_purchase_daily
    (dt, marketplace, prime_flag, pdp_views, atc, pdp_sess, orders, co_attempts, co_errors, payments, declines,
     ces_buy_responses) VALUES
    ('2025-03-31', 'DE', 0, 90, 40, 80, 10, 12, 1, 11, 1, 0),
    ('2025-04-01', 'DE', 0, 60, 20, 50, 30, 31, 0, 30, 0, 0)`);
});
afterAll(() => t.dispose());

const discover = `query ($grain: Grain!, $groupBy: [KpiDimension!]) {
  discoverKpis(filter: { from: "2025-03-01", to: "2025-04-30" }, grain: $grain, groupBy: $groupBy) {
    periodStart grain marketplace primeFlag listImpressions pdpViews dpvr zrr helpBounceToContact cesResponses cesAvg
    sessions negReviewSpike recoModuleType
  }
}`;

async function rows(query: string, variables: Record<string, unknown>) {
  const result = await executeSubgraph<Record<string, unknown[]>>(subgraph, t.db, query, variables);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0] ?? [];
}

describe("KPI rollups", () => {
  it("WEEK: ISO weeks from Monday, across the month boundary; ratios from summed counts; null on zero denominators", async () => {
    expect(await rows(discover, { grain: "WEEK", groupBy: ["MARKETPLACE", "PRIME_FLAG"] })).toEqual([
      // week of Mon 2025-03-24: only Sunday the 30th
      {
        periodStart: "2025-03-24",
        grain: "WEEK",
        marketplace: "DE",
        primeFlag: 0,
        listImpressions: 1000,
        pdpViews: 50,
        dpvr: 0.05,
        zrr: 0.1,
        helpBounceToContact: 0.1,
        cesResponses: 10,
        cesAvg: 4,
        sessions: 100,
        negReviewSpike: false,
        recoModuleType: "faq_snippet",
      },
      // week of Mon 2025-03-31: the 31st and April 1st
      {
        periodStart: "2025-03-31",
        grain: "WEEK",
        marketplace: "DE",
        primeFlag: 0,
        listImpressions: 4000,
        pdpViews: 150,
        dpvr: 150 / 4000,
        zrr: 60 / 400,
        helpBounceToContact: 5 / 10,
        cesResponses: 30,
        cesAvg: 6,
        sessions: 400,
        negReviewSpike: true,
        recoModuleType: "size_fit_guide",
      },
      {
        periodStart: "2025-03-31",
        grain: "WEEK",
        marketplace: "FR",
        primeFlag: 1,
        listImpressions: 1000,
        pdpViews: 100,
        dpvr: 0.1,
        zrr: 0.1,
        helpBounceToContact: 0.1,
        cesResponses: 10,
        cesAvg: 2,
        sessions: 80,
        negReviewSpike: false,
        recoModuleType: "faq_snippet",
      },
      // week of Mon 2025-04-07: every denominator is 0
      {
        periodStart: "2025-04-07",
        grain: "WEEK",
        marketplace: "DE",
        primeFlag: 0,
        listImpressions: 0,
        pdpViews: 0,
        dpvr: null,
        zrr: null,
        helpBounceToContact: null,
        cesResponses: 0,
        cesAvg: null,
        sessions: 50,
        negReviewSpike: false,
        recoModuleType: "faq_snippet",
      },
    ]);
  });

  it("MONTH: calendar months; means weighted by their response counts", async () => {
    expect(await rows(discover, { grain: "MONTH", groupBy: ["MARKETPLACE"] })).toEqual([
      {
        periodStart: "2025-03-01",
        grain: "MONTH",
        marketplace: "DE",
        primeFlag: null,
        listImpressions: 4000,
        pdpViews: 140,
        dpvr: 140 / 4000,
        zrr: 70 / 400,
        helpBounceToContact: 2 / 20,
        cesResponses: 10,
        cesAvg: 4,
        sessions: 400,
        negReviewSpike: true,
        recoModuleType: "faq_snippet",
      },
      {
        periodStart: "2025-04-01",
        grain: "MONTH",
        marketplace: "DE",
        primeFlag: null,
        listImpressions: 1000,
        pdpViews: 60,
        dpvr: 0.06,
        zrr: 0,
        helpBounceToContact: 0.5,
        cesResponses: 30,
        cesAvg: 6,
        sessions: 150,
        negReviewSpike: false,
        recoModuleType: "faq_snippet",
      },
      {
        periodStart: "2025-04-01",
        grain: "MONTH",
        marketplace: "FR",
        primeFlag: null,
        listImpressions: 1000,
        pdpViews: 100,
        dpvr: 0.1,
        zrr: 0.1,
        helpBounceToContact: 0.1,
        cesResponses: 10,
        cesAvg: 2,
        sessions: 80,
        negReviewSpike: false,
        recoModuleType: "faq_snippet",
      },
    ]);
  });

  it("QUARTER and YEAR: calendar quarters and years, by the same rules (counts summed, ratios from sums, means weighted)", async () => {
    const months = await rows(discover, { grain: "MONTH", groupBy: ["MARKETPLACE"] });
    const quarters = await rows(discover, { grain: "QUARTER", groupBy: ["MARKETPLACE"] });
    // The fixture's months fall one to a quarter (March in Q1, April in Q2): the same sums, other starts.
    expect(quarters).toEqual(
      months.map((m) => {
        const row = m as { periodStart: string };
        return {
          ...row,
          grain: "QUARTER",
          periodStart: row.periodStart === "2025-03-01" ? "2025-01-01" : "2025-04-01",
        };
      }),
    );
    expect(await rows(discover, { grain: "YEAR", groupBy: ["MARKETPLACE"] })).toEqual([
      {
        periodStart: "2025-01-01",
        grain: "YEAR",
        marketplace: "DE",
        primeFlag: null,
        listImpressions: 5000,
        pdpViews: 200,
        dpvr: 200 / 5000,
        zrr: 70 / 500,
        helpBounceToContact: 7 / 30,
        cesResponses: 40,
        cesAvg: (4 * 10 + 6 * 30) / 40,
        sessions: 550,
        negReviewSpike: true,
        recoModuleType: "faq_snippet",
      },
      { ...(months[2] as object), periodStart: "2025-01-01", grain: "YEAR" },
    ]);
  });

  it("TOTAL: one row for the whole range, starting on its first day", async () => {
    expect(await rows(discover, { grain: "TOTAL", groupBy: [] })).toEqual([
      {
        periodStart: "2025-03-01",
        grain: "TOTAL",
        marketplace: null,
        primeFlag: null,
        listImpressions: 6000,
        pdpViews: 300,
        dpvr: 300 / 6000,
        zrr: 75 / 550,
        helpBounceToContact: 8 / 40,
        cesResponses: 50,
        cesAvg: (4 * 10 + 6 * 30 + 2 * 10) / 50,
        sessions: 630,
        negReviewSpike: true,
        recoModuleType: "faq_snippet",
      },
    ]);
    const byMarket = await rows(discover, { grain: "TOTAL", groupBy: ["MARKETPLACE"] });
    expect(byMarket.map((r) => (r as { marketplace: string }).marketplace)).toEqual(["DE", "FR"]);
  });

  it("sums counts past 32 bits and past 2^53 exactly (BigInt: a number while safe, digits beyond)", async () => {
    const orders = (grain: string) =>
      rows(
        `{ fulfillmentKpis(filter: { from: "2025-06-01", to: "2025-06-30", marketplaces: ["US"] }, grain: ${grain}, groupBy: []) {
            periodStart orders } }`,
        {},
      );
    expect(await orders("DAY")).toEqual([
      { periodStart: "2025-06-01", orders: 3_000_000_000 },
      { periodStart: "2025-06-02", orders: 9_007_196_254_740_993 },
    ]);
    expect(await orders("TOTAL")).toEqual([{ periodStart: "2025-06-01", orders: "9007199254740993" }]);
  });

  it("the funnel: the three stages joined per period and segment, conversions from summed counts, NPS weighted", async () => {
    const funnel = `{ funnel(filter: { from: "2025-03-01", to: "2025-04-30" }, grain: TOTAL, groupBy: [MARKETPLACE]) {
      periodStart grain marketplace primeFlag listImpressions pdpViews addToCarts orders deliveredOrders onTimeDeliveries
      pdpViewRate addToCartRate orderedToCartedRatio deliveredToOrderedRatio onTimeRate npsScore } }`;
    expect(await rows(funnel, {})).toEqual([
      {
        periodStart: "2025-03-01",
        grain: "TOTAL",
        marketplace: "DE",
        primeFlag: null,
        listImpressions: 5000,
        pdpViews: 200,
        addToCarts: 60,
        orders: 40,
        deliveredOrders: 40,
        onTimeDeliveries: 24,
        pdpViewRate: 200 / 5000,
        addToCartRate: 60 / 200,
        orderedToCartedRatio: 40 / 60,
        deliveredToOrderedRatio: 1,
        onTimeRate: 24 / 40,
        npsScore: (50 * 2 - 10 * 6) / 8,
      },
      {
        periodStart: "2025-03-01",
        grain: "TOTAL",
        marketplace: "FR",
        primeFlag: null,
        listImpressions: 1000,
        pdpViews: 100,
        addToCarts: 0,
        orders: 0,
        deliveredOrders: 0,
        onTimeDeliveries: 0,
        pdpViewRate: 0.1,
        addToCartRate: 0,
        orderedToCartedRatio: null,
        deliveredToOrderedRatio: null,
        onTimeRate: null,
        npsScore: null,
      },
    ]);
  });

  it("cx_funnel_analyst reads the funnel but no single stage's detail", async () => {
    const viewer = viewerFor("cx_funnel_analyst");
    const funnel = await executeSubgraph(
      subgraph,
      t.db,
      '{ funnel(filter: { from: "2025-04-01", to: "2025-04-30" }, grain: MONTH) { orders onTimeRate } }',
      {},
      viewer,
    );
    expect(funnel.errors).toBeUndefined();
    const stage = await executeSubgraph(
      subgraph,
      t.db,
      '{ discoverKpis(filter: { from: "2025-04-01", to: "2025-04-30" }) { dpvr } }',
      {},
      viewer,
    );
    expect(stage.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("groups by nothing: one row per period over all marketplaces and prime flags", async () => {
    const [week] = (await rows(discover, { grain: "WEEK", groupBy: [] })).filter(
      (r) => (r as { periodStart: string }).periodStart === "2025-03-31",
    );
    expect(week).toMatchObject({
      marketplace: null,
      primeFlag: null,
      listImpressions: 5000,
      pdpViews: 250,
      dpvr: 0.05,
      cesAvg: (6 * 30 + 2 * 10) / 40,
    });
  });

  it("weights NPS by responses and promise accuracy and late risk by orders", async () => {
    const result = await rows(
      `{ fulfillmentKpis(filter: { from: "2025-03-01", to: "2025-04-30" }, grain: WEEK) {
          periodStart orders npsResponses npsScore promiseAccuracyMaeHours lateRiskMean otdRate deliveryExceptionRate wismoContactRate } }`,
      {},
    );
    expect(result).toEqual([
      {
        periodStart: "2025-03-31",
        orders: 40,
        npsResponses: 8,
        npsScore: (50 * 2 - 10 * 6) / 8,
        promiseAccuracyMaeHours: (10 * 10 + 20 * 30) / 40,
        lateRiskMean: expect.closeTo((0.2 * 10 + 0.4 * 30) / 40, 12),
        otdRate: expect.closeTo((0.9 * 10 + 0.5 * 30) / 40, 12),
        deliveryExceptionRate: 4 / 40,
        wismoContactRate: 2 / 40,
      },
    ]);
  });

  it("serves a marketplace's series through the Marketplace entity", async () => {
    const result = await rows(
      `{ _entities(representations: [{ __typename: "Marketplace", code: "DE" }]) {
          ... on Marketplace { code name discoverKpis(from: "2025-04-01", to: "2025-04-30", grain: MONTH) { periodStart primeFlag dpvr } } } }`,
      {},
    );
    expect(result).toEqual([
      { code: "DE", name: "Germany", discoverKpis: [{ periodStart: "2025-04-01", primeFlag: 0, dpvr: 0.06 }] },
    ]);
  });

  it("rejects a reversed date range and an unknown marketplace as BAD_USER_INPUT", async () => {
    const reversed = await executeSubgraph(
      subgraph,
      t.db,
      '{ discoverKpis(filter: { from: "2025-05-01", to: "2025-04-01" }) { dpvr } }',
    );
    expect(reversed.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ["filter.to: must not be before filter.from", "BAD_USER_INPUT"],
    ]);
    const unknown = await executeSubgraph(
      subgraph,
      t.db,
      '{ discoverKpis(filter: { from: "2025-04-01", to: "2025-04-02", marketplaces: ["XX"] }) { dpvr } }',
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
