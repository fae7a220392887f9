import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  pgSchema,
  primaryKey,
  smallint,
  text,
} from "drizzle-orm/pg-core";

/**
 * The CX KPI domain: one row per day x marketplace x prime flag for each funnel stage.
 * Counts are 64-bit integers (the seed's BIGINT); ratios and means are stored as exported (rounded to 2 decimals) and are
 * null where their denominator is 0.
 */
export const cxSchema = pgSchema("cx");

const count = (name: string) => bigint(name, { mode: "number" }).notNull();
const ratio = (name: string) => doublePrecision(name);

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
    cesAvg: ratio("ces_avg"),
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
    cesBuyAvg: ratio("ces_buy_avg"),
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
    promiseAccuracyMaeHours: ratio("promise_accuracy_mae_hours"),
    exceptions: count("exceptions"),
    deliveryExceptionRate: ratio("delivery_exception_rate"),
    wismoContacts: count("wismo_contacts"),
    wismoContactRate: ratio("wismo_contact_rate"),
    npsScore: ratio("nps_score"),
    npsResponses: count("nps_responses"),
    lateRiskMean: ratio("late_risk_mean"),
    lateRiskHighRate: ratio("late_risk_high_rate"),
  },
  (t) => [
    primaryKey({ columns: [t.dt, t.marketplace, t.primeFlag] }),
    index("kpi_fulfillment_daily_marketplace_idx").on(t.marketplace, t.dt),
  ],
);
