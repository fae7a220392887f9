import { bigint, boolean, date, index, numeric, pgSchema, primaryKey, smallint, text } from "drizzle-orm/pg-core";

/**
 * The CX KPI domain: one row per day x marketplace x prime flag for each funnel stage.
 * Every column has the seed's type: counts are 64-bit integers (BIGINT), ratios and means exact decimals
 * (NUMERIC) holding the values as exported (rounded to 2 decimals), null where their denominator is 0. The
 * export's extra `neg_review_share` is a share like the others and is stored as one.
 */
export const cxSchema = pgSchema("cx");

const count = (name: string) => bigint(name, { mode: "number" }).notNull();
/** A ratio or share: the seed's NUMERIC(8,4). */
const ratio = (name: string) => numeric(name, { precision: 8, scale: 4 });
/** A mean on a wider scale (a CES of 1..7, an NPS of -100..100): the seed's NUMERIC(6,2). */
const score = (name: string) => numeric(name, { precision: 6, scale: 2 });

const kpiKey = {
  dt: date("dt").notNull(),
  marketplace: text("marketplace").notNull(),
  primeFlag: smallint("prime_flag").notNull(),
};

export const kpiDiscoverDaily = cxSchema.table(
  "kpi_discover_daily",
  {
    ...kpiKey,
    listImpressions: count("list_impressions"),
    pdpViews: count("pdp_views"),
    dpvr: ratio("dpvr"),
    totalSearches: count("total_searches"),
    zeroResults: count("zero_results"),
    zrr: ratio("zrr"),
    helpSessions: count("help_sessions"),
    escalations: count("escalations"),
    helpBounceToContact: ratio("help_bounce_to_contact"),
    cesResponses: count("ces_responses"),
    cesAvg: score("ces_avg"),
    cesTopBoxRate: ratio("ces_top_box_rate"),
    negReviewShare: ratio("neg_review_share"),
    negReviewSpike: boolean("neg_review_spike"),
    sessions: count("sessions"),
    explorePropensityMean: ratio("explore_propensity_mean"),
    exploreHighRate: ratio("explore_high_rate"),
    recoInsertModule: boolean("reco_insert_module"),
    recoModuleType: text("reco_module_type"),
    dominantQueryCategory: text("dominant_query_category"),
  },
  (t) => [
    primaryKey({ columns: [t.dt, t.marketplace, t.primeFlag] }),
    index("kpi_discover_daily_marketplace_idx").on(t.marketplace, t.dt),
  ],
);

export const kpiPurchaseDaily = cxSchema.table(
  "kpi_purchase_daily",
  {
    ...kpiKey,
    pdpViews: count("pdp_views"),
    atc: count("atc"),
    atcr: ratio("atcr"),
    pdpSess: count("pdp_sess"),
    orders: count("orders"),
    pcr: ratio("pcr"),
    coAttempts: count("co_attempts"),
    coErrors: count("co_errors"),
    coErrRate: ratio("co_err_rate"),
    payments: count("payments"),
    declines: count("declines"),
    payDeclRate: ratio("pay_decl_rate"),
    pmCardShare: ratio("pm_card_share"),
    pmCodShare: ratio("pm_cod_share"),
    pmGiftcardShare: ratio("pm_giftcard_share"),
    pmWalletShare: ratio("pm_wallet_share"),
    cesBuyResponses: count("ces_buy_responses"),
    cesBuyAvg: score("ces_buy_avg"),
    cesBuyTopbox: ratio("ces_buy_topbox"),
    propBuyMean: ratio("prop_buy_mean"),
    propBuyHighRate: ratio("prop_buy_high_rate"),
    nbPromo: text("nb_promo"),
    nbFlow: text("nb_flow"),
    promoAppliedRate: ratio("promo_applied_rate"),
    promo10pctShare: ratio("promo_10pct_share"),
    promoBundleShare: ratio("promo_bundle_share"),
    promoFreeShipShare: ratio("promo_free_ship_share"),
  },
  (t) => [
    primaryKey({ columns: [t.dt, t.marketplace, t.primeFlag] }),
    index("kpi_purchase_daily_marketplace_idx").on(t.marketplace, t.dt),
  ],
);

export const kpiFulfillmentDaily = cxSchema.table(
  "kpi_fulfillment_daily",
  {
    ...kpiKey,
    orders: count("orders"),
    otdRate: ratio("otd_rate"),
    promiseAccuracyMaeHours: numeric("promise_accuracy_mae_hours", { precision: 8, scale: 2 }),
    exceptions: count("exceptions"),
    deliveryExceptionRate: ratio("delivery_exception_rate"),
    wismoContacts: count("wismo_contacts"),
    wismoContactRate: ratio("wismo_contact_rate"),
    npsScore: score("nps_score"),
    npsResponses: count("nps_responses"),
    lateRiskMean: ratio("late_risk_mean"),
    lateRiskHighRate: ratio("late_risk_high_rate"),
  },
  (t) => [
    primaryKey({ columns: [t.dt, t.marketplace, t.primeFlag] }),
    index("kpi_fulfillment_daily_marketplace_idx").on(t.marketplace, t.dt),
  ],
);
