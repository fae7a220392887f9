import { readFileSync } from "node:fs";
import type { Random } from "@c360/db";

/** What the scenarios draw from: real ids and the KPI date range of the bench database. */
export interface Pools {
  customers: string[];
  shipments: string[];
  segments: string[];
  markets: string[];
  /** KPI days, `YYYY-MM-DD`, first and last. */
  kpiFrom: string;
  kpiTo: string;
}

export interface Request {
  role: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One customer's 360 as c360_admin sees it: profile, loyalty, purchases, tickets, orders down to products and tracking. */
export const CUSTOMER_360 = `query Customer360($id: ID!) { customer(id: $id) {
  id firstName lastName email phone city country customerSegment
  loyalty { loyaltyTier pointsBalance lifetimeValue }
  purchaseSummary { transactionCount totalSpent lastPurchaseAt }
  supportTickets(first: 5) { totalCount edges { node { id createdDate status priority } } }
  transactions(first: 5) { edges { node { id transactionDate totalAmount status
    items { id quantity lineTotal product { id productName } }
    shipments { id trackingNumber deliveryStatus trackingEvents { eventType eventTimestamp } } } } }
  marketplace { code }
} }`;

/**
 * The same 360 as customer care reads it (no purchase summary, no catalog): a recorded operation, since
 * in production customer care may run only trusted documents.
 */
export const CUSTOMER_360_CARE = readFileSync(
  new URL("../gateway/operations/Care360.graphql", import.meta.url),
  "utf8",
);

export const ONE_HOP = "query OneHop($id: ID!) { customer(id: $id) { id firstName lastName email } }";

export const LIST = `query List($filter: CustomerFilter) { customers(first: 50, filter: $filter) {
  edges { node { id customerSegment loyalty { loyaltyTier } purchaseSummary { totalSpent } } } } }`;

export const KPI = `query Kpi($filter: KpiFilter!, $grain: Grain) { purchaseKpis(filter: $filter, grain: $grain) {
  periodStart marketplace primeFlag orders pdpSess atc pcr atcr } }`;

/**
 * The same selections in PostGraphile's schema (bench/targets/postgraphile.ts), by our document: it
 * answers the Customer 360 and one-hop scenarios with the same values, named its own way.
 */
const POSTGRAPHILE_360 = `query Customer360($id: String!) { customer: customerByCustomerId(customerId: $id) {
  customerId firstName lastName email phone city country customerSegment
  loyaltyProgramByCustomerId { loyaltyTier pointsBalance lifetimeValue }
  purchaseSummary { transactionCount totalSpent lastPurchaseAt }
  supportTicketsByCustomerId(first: 5, orderBy: [CREATED_DATE_DESC, TICKET_ID_DESC]) {
    totalCount nodes { ticketId createdDate status priority } }
  salesTransactionsByCustomerId(first: 5, orderBy: [TRANSACTION_DATE_DESC, TRANSACTION_ID_DESC]) {
    nodes { transactionId transactionDate totalAmount status
    salesTransactionItemsByTransactionId(orderBy: ITEM_ID_ASC) {
      nodes { itemId quantity lineTotal productProductByProductId { productId productName } } }
    logisticsShipmentsByTransactionId(orderBy: [SHIP_DATE_ASC, SHIPMENT_ID_ASC]) {
      nodes { shipmentId trackingNumber deliveryStatus
      logisticsTrackingEventsByShipmentId(orderBy: [EVENT_TIMESTAMP_ASC, EVENT_ID_ASC]) { nodes { eventType eventTimestamp } } } } } }
  marketplace
} }`;
export const POSTGRAPHILE: Record<string, string> = {
  [CUSTOMER_360]: POSTGRAPHILE_360,
  [CUSTOMER_360_CARE]: POSTGRAPHILE_360.replace(
    "purchaseSummary { transactionCount totalSpent lastPurchaseAt }\n",
    "",
  ).replace("productProductByProductId { productId productName }", "productId"),
  [ONE_HOP]:
    "query OneHop($id: String!) { customer: customerByCustomerId(customerId: $id) { customerId firstName lastName email } }",
};

const day = (from: string, offset: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const span = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * A random window of two to four months inside the KPI data, over all marketplaces or a random few:
 * millions of distinct filters, so that no two requests of a run ask the same.
 */
function window(rng: Random, pools: Pools) {
  const length = rng.int(60, 120);
  const start = rng.int(0, Math.max(0, span(pools.kpiFrom, pools.kpiTo) - length));
  const few = rng.chance(0.5) ? pools.markets.filter(() => rng.chance(0.5)) : [];
  return {
    from: day(pools.kpiFrom, start),
    to: day(pools.kpiFrom, start + length),
    ...(few.length ? { marketplaces: few } : {}),
  };
}

/**
 * Where each pool's random walk stands: every entry once, in an order of `rng`'s, before any repeats.
 * Drawn with replacement, one-hop's 1,700 requests a second over 10,000 customers asked for the same
 * customer twice within the response cache's 2 s about once in six, and those answers came from the
 * cache: not the distinct requests the scenario counts.
 */
const walks = new WeakMap<readonly string[], { order: string[]; at: number }>();
function distinct(rng: Random, pool: readonly string[]): string {
  let walk = walks.get(pool);
  if (!walk || walk.at >= walk.order.length) {
    const order = [...pool];
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j] as string, order[i] as string];
    }
    walk = { order, at: 0 };
    walks.set(pool, walk);
  }
  return walk.order[walk.at++] as string;
}

/** Every request distinct (a random customer, filter or date range), but for the dashboard's. */
export const scenarios: Record<string, (rng: Random, pools: Pools) => Request> = {
  c360: (rng, pools) => {
    const admin = rng.chance(0.5);
    return {
      role: admin ? "c360_admin" : "customer_care",
      query: admin ? CUSTOMER_360 : CUSTOMER_360_CARE,
      variables: { id: distinct(rng, pools.customers) },
    };
  },
  onehop: (rng, pools) => ({ role: "c360_admin", query: ONE_HOP, variables: { id: distinct(rng, pools.customers) } }),
  list: (rng, pools) => ({
    role: "marketing_analyst",
    query: LIST,
    variables: {
      filter: {
        segment: rng.pick(pools.segments),
        marketplace: rng.pick(pools.markets),
        registeredFrom: `${day("2019-01-01", rng.int(0, 1200))}T00:00:00Z`,
      },
    },
  }),
  kpi: (rng, pools) => ({
    role: "cx_lead",
    query: KPI,
    variables: { filter: window(rng, pools), grain: rng.pick(["WEEK", "MONTH"]) },
  }),
  /** One KPI dashboard of six panels, watched by many users of one scope: requests repeat. */
  dashboard: (rng, pools) => {
    const panel = rng.int(0, 5);
    const from = day(pools.kpiFrom, 30 * (panel % 3));
    return {
      role: "cx_lead",
      query: KPI,
      variables: { filter: { from, to: day(from, 90) }, grain: panel < 3 ? "WEEK" : "MONTH" },
    };
  },
  mixed: (rng, pools) => {
    const pick = rng.int(0, 9);
    if (pick < 3) return scenarios.c360?.(rng, pools) as Request;
    if (pick < 5) return scenarios.onehop?.(rng, pools) as Request;
    if (pick < 6) return scenarios.list?.(rng, pools) as Request;
    if (pick < 8) return scenarios.kpi?.(rng, pools) as Request;
    if (pick < 9)
      return {
        role: "logistics_ops",
        query:
          "query Shipment($id: ID!) { shipment(id: $id) { id carrier deliveryStatus trackingEvents { eventType } } }",
        variables: { id: distinct(rng, pools.shipments) },
      };
    return {
      role: "merchandiser",
      query: `query Products($min: Decimal) { products(first: 20, filter: { minPrice: $min }) {
        edges { node { id productName price cost inventoryLevels { available } } } } }`,
      variables: { min: `${rng.int(5, 250)}.00` },
    };
  },
};
