import { type MarketplaceCode, marketplaces, reportingCurrency } from "../catalog";
import { Random } from "./random";

/** A generated row, keyed by column name; serialised in the table's column order. */
export type Row = Record<string, string | number | boolean | null>;

export interface SeedOptions {
  /** 1 = 10,000 customers and the proportional rows in every table. */
  scale: number;
  seed: number;
}

const DAY = 86_400_000;
const EPOCH = Date.UTC(2019, 0, 1);
const days = new Map<number, string>();
/** `YYYY-MM-DD` of a day offset from 2019-01-01, memoised: formatting dates dominated generation time. */
function dayOf(offset: number): string {
  let text = days.get(offset);
  if (text === undefined) {
    text = new Date(EPOCH + offset * DAY).toISOString().slice(0, 10);
    days.set(offset, text);
  }
  return text;
}
const daysFrom = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;
const cents = (c: number) =>
  `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`;
const round2 = (x: number) => Math.round(x * 100) / 100;
/** A ratio as the exports store it: 2 decimals, null when the denominator is 0. */
const ratio = (num: number, den: number) => (den > 0 ? round2(num / den) : null);
const id = (prefix: string, n: number, total: number) =>
  `${prefix}${String(n).padStart(Math.max(3, String(total).length), "0")}`;

const firstNames = [
  "Sarah",
  "Michael",
  "Emily",
  "David",
  "Jessica",
  "James",
  "Ana",
  "Luca",
  "Yuki",
  "Priya",
  "Hannah",
  "Mateo",
  "Chloe",
  "Ravi",
  "Sofia",
  "Noah",
  "Amelie",
  "Kenji",
  "Lucia",
  "Oliver",
];
const lastNames = [
  "Johnson",
  "Chen",
  "Rodriguez",
  "Kim",
  "Martinez",
  "Wilson",
  "Rossi",
  "Tanaka",
  "Sharma",
  "Muller",
  "Garcia",
  "Brown",
  "Dubois",
  "Patel",
  "Lopez",
  "Smith",
  "Schmidt",
  "Sato",
  "Fernandez",
  "Taylor",
];
const cities: Record<MarketplaceCode, readonly (readonly [string, string])[]> = {
  AU: [
    ["Sydney", "NSW"],
    ["Melbourne", "VIC"],
  ],
  CA: [
    ["Toronto", "ON"],
    ["Vancouver", "BC"],
  ],
  DE: [
    ["Berlin", "BE"],
    ["Munich", "BY"],
  ],
  ES: [
    ["Madrid", "MD"],
    ["Barcelona", "CT"],
  ],
  FR: [
    ["Paris", "IDF"],
    ["Lyon", "ARA"],
  ],
  IN: [
    ["Mumbai", "MH"],
    ["Bengaluru", "KA"],
  ],
  IT: [
    ["Rome", "LZ"],
    ["Milan", "LM"],
  ],
  JP: [
    ["Tokyo", "13"],
    ["Osaka", "27"],
  ],
  MX: [
    ["Mexico City", "CMX"],
    ["Guadalajara", "JAL"],
  ],
  UK: [
    ["London", "LND"],
    ["Manchester", "MAN"],
  ],
  US: [
    ["Seattle", "WA"],
    ["Portland", "OR"],
    ["San Francisco", "CA"],
    ["Austin", "TX"],
    ["New York", "NY"],
  ],
};
/** Customers per marketplace, roughly by market size. */
const marketWeights: readonly (readonly [MarketplaceCode, number])[] = [
  ["US", 30],
  ["UK", 10],
  ["DE", 10],
  ["JP", 9],
  ["IN", 8],
  ["FR", 7],
  ["CA", 6],
  ["IT", 6],
  ["ES", 5],
  ["MX", 5],
  ["AU", 4],
];
const categories: Record<string, readonly string[]> = {
  Electronics: ["Audio", "Wearables", "Accessories"],
  Footwear: ["Athletic", "Casual"],
  Apparel: ["Outerwear", "Basics"],
  Home: ["Kitchen", "Decor"],
  Sports: ["Fitness", "Outdoor"],
  Beauty: ["Skincare", "Fragrance"],
};
const brands = ["SoundTech", "RunFast", "UrbanWear", "HomeNest", "PeakGear", "GlowLab", "Voltix", "TrailMark"];
const segments = [
  ["Premium", 2],
  ["Standard", 5],
  ["Basic", 3],
] as const;
const streets = ["Main St", "Oak Ave", "Pine Rd", "Maple Dr", "Cedar Ln", "Elm St", "Lake Blvd", "Hill Rd"];

/** Everything `generate` produces, by `schema.table`, each in primary-key order. */
/** Takes each generated row of `table` (qualified, `schema.table`). */
export type Emit = (table: string, row: Row) => void;

/** How many rows of each kind a scale asks for, and the random streams (one per table family). */
interface Plan {
  rng: (stream: string) => Random;
  nCustomers: number;
  nProducts: number;
  nSuppliers: number;
  nWarehouses: number;
  nStores: number;
  nDays: number;
}

/** What the orders need to know of a customer. */
interface CustomerInfo {
  id: string;
  address: string;
  registered: number;
  market: MarketplaceCode;
}

/** Locations: warehouses then stores, spread over the marketplaces. */
function generateLocations({ rng, nWarehouses, nStores }: Plan, emit: Emit) {
  const r = rng("locations");
  const warehouses: string[] = [];
  const stores: string[] = [];
  for (let i = 1; i <= nWarehouses + nStores; i++) {
    const isStore = i > nWarehouses;
    const locationId = isStore ? id("ST", i - nWarehouses, nStores) : id("WH", i, nWarehouses);
    const market = r.weighted(marketWeights);
    const [city, state] = r.pick(cities[market]);
    (isStore ? stores : warehouses).push(locationId);
    emit("logistics.warehouse_locations", {
      location_id: locationId,
      location_name: `${city} ${isStore ? "Store" : "Distribution Center"} ${i}`,
      location_type: isStore ? "store" : r.pick(["warehouse", "distribution_center"]),
      address: `${r.int(100, 9999)} ${r.pick(streets)}`,
      city,
      state,
      country: marketplaces[market][0],
      capacity_cubic_meters: isStore ? r.int(300, 1200) : r.int(20_000, 60_000),
      manager_name: `${r.pick(firstNames)} ${r.pick(lastNames)}`,
    });
  }

  return { warehouses, stores };
}

/** The catalog: products, suppliers, which supplier supplies what, and stock at each location. */
function generateCatalog({ rng, nProducts, nSuppliers }: Plan, emit: Emit, warehouses: string[], stores: string[]) {
  const rp = rng("products");
  const products: string[] = [];
  const prices: number[] = [];
  for (let i = 1; i <= nProducts; i++) {
    const category = rp.pick(Object.keys(categories));
    const price = rp.int(5, 300) * 100 - rp.pick([1, 1, 0, 51]);
    prices.push(price);
    products.push(id("PRD", i, nProducts));
    emit("product.products", {
      product_id: id("PRD", i, nProducts),
      product_name: `${rp.pick(brands)} ${category} Item ${i}`,
      category,
      subcategory: rp.pick(categories[category] ?? []),
      brand: rp.pick(brands),
      price: cents(price),
      cost: cents(Math.round(price * rp.uniform(0.35, 0.7))),
      weight_kg: (rp.int(50, 5000) / 1000).toFixed(3),
      dimensions: `${rp.int(5, 60)}x${rp.int(5, 40)}x${rp.int(2, 30)} cm`,
      color: rp.pick(["Black", "White", "Blue", "Red", "Grey", "Green"]),
      size: rp.pick(["S", "M", "L", "One Size", "10"]),
      created_date: dayOf(rp.int(0, 1400)),
      status: rp.weighted([
        ["active", 9],
        ["seasonal", 1],
      ]),
    });
  }

  const rs = rng("suppliers");
  for (let i = 1; i <= nSuppliers; i++) {
    const first = rs.pick(firstNames);
    const last = rs.pick(lastNames);
    emit("product.suppliers", {
      supplier_id: id("SUP", i, nSuppliers),
      supplier_name: `${last} ${rs.pick(["Components", "Textiles", "Goods", "Supply"])} ${i}`,
      contact_person: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}@supplier${i}.example`,
      phone: `+1-555-${String(2000 + i).slice(-4)}`,
      address: `${rs.int(100, 9999)} ${rs.pick(streets)}`,
      country: rs.pick(["USA", "China", "Germany", "India", "Mexico", "UK"]),
      payment_terms: rs.pick(["Net 30", "Net 45", "Net 60", "Letter of Credit"]),
      quality_rating: (rs.int(30, 50) / 10).toFixed(2),
    });
  }

  const rps = rng("product_suppliers");
  let inventory = 0;
  const stockLocations = [...warehouses, ...stores];
  products.forEach((product, p) => {
    const picked = new Set<number>();
    const count = rps.int(1, 3);
    while (picked.size < Math.min(count, nSuppliers)) picked.add(rps.int(1, nSuppliers));
    [...picked]
      .sort((a, b) => a - b)
      .forEach((s, k) => {
        emit("product.product_suppliers", {
          product_id: product,
          supplier_id: id("SUP", s, nSuppliers),
          is_primary: k === 0,
          cost_price: cents(Math.round((prices[p] ?? 0) * rps.uniform(0.35, 0.7))),
          lead_time_days: rps.int(3, 45),
        });
      });
    const at = new Set<number>();
    const places = rps.int(1, Math.min(6, stockLocations.length));
    while (at.size < places) at.add(rps.int(0, stockLocations.length - 1));
    for (const l of [...at].sort((a, b) => a - b)) {
      const max = rps.int(50, 500);
      const reorder = Math.round(max * rps.uniform(0.1, 0.3));
      const stock = rps.int(0, max);
      emit("product.inventory", {
        inventory_id: id("INV", ++inventory, nProducts * 6),
        product_id: product,
        location_id: stockLocations[l] as string,
        stock_quantity: stock,
        reserved_quantity: rps.int(0, Math.floor(stock / 4)),
        reorder_point: reorder,
        max_stock_level: max,
        last_updated: `${dayOf(rps.int(1900, 2400))} ${timeOf(rps.int(0, 1439))}`,
      });
    }
  });
  return { products, prices };
}

/** Customers with their loyalty membership, support tickets and app sessions. */
function generateCustomers({ rng, nCustomers }: Plan, emit: Emit) {
  const rc = rng("customers");
  let tickets = 0;
  let sessions = 0;
  const customerInfo: CustomerInfo[] = [];
  for (let i = 1; i <= nCustomers; i++) {
    const customerId = id("CUST", i, nCustomers);
    const market = rc.weighted(marketWeights);
    const [city, state] = rc.pick(cities[market]);
    const first = rc.pick(firstNames);
    const last = rc.pick(lastNames);
    const registered = rc.int(0, 1800);
    const address = `${rc.int(1, 9999)} ${rc.pick(streets)}`;
    customerInfo.push({ id: customerId, address: `${address} ${city} ${state}`, registered, market });
    emit("customer.customers", {
      customer_id: customerId,
      first_name: first,
      last_name: last,
      email: `${first.toLowerCase()}.${last.toLowerCase()}.${i}@email.example`,
      phone: `+1-555-${String(rc.int(0, 9999)).padStart(4, "0")}`,
      date_of_birth: dayOf(-rc.int(18 * 365, 75 * 365)),
      gender: rc.pick(["F", "M"]),
      registration_date: `${dayOf(registered)} ${timeOf(rc.int(0, 1439))}`,
      customer_segment: rc.weighted(segments),
      preferred_channel: rc.pick(["online", "store", "mobile"]),
      address_line1: address,
      city,
      state,
      zip_code: String(rc.int(10000, 99999)),
      country: marketplaces[market][0],
    });
    if (rc.chance(0.8)) {
      const earned = rc.int(0, 30_000);
      const redeemed = rc.int(0, earned);
      emit("customer.loyalty_program", {
        customer_id: customerId,
        loyalty_tier: rc.weighted([
          ["Bronze", 4],
          ["Silver", 3],
          ["Gold", 2],
          ["Platinum", 1],
        ]),
        points_balance: earned - redeemed + rc.int(0, 5000),
        points_earned_ytd: earned,
        points_redeemed_ytd: redeemed,
        tier_start_date: dayOf(rc.int(registered, 2000)),
        lifetime_value: cents(rc.int(0, 2_000_000)),
      });
    }
    const nTickets = rc.weighted([
      [0, 5],
      [1, 3],
      [2, 1],
      [3, 1],
    ]);
    for (let t = 0; t < nTickets; t++) {
      const created = rc.int(Math.max(registered, 1800), 2350);
      const resolved = rc.chance(0.85);
      emit("customer.support_tickets", {
        ticket_id: id("TKT", ++tickets, nCustomers * 3),
        customer_id: customerId,
        created_date: `${dayOf(created)} ${timeOf(rc.int(480, 1200))}`,
        resolved_date: resolved ? `${dayOf(created + rc.int(1, 4))} ${timeOf(rc.int(480, 1200))}` : null,
        category: rc.pick(["account", "billing", "product", "shipping", "technical"]),
        priority: rc.pick(["low", "medium", "high", "urgent"]),
        status: resolved ? "resolved" : rc.pick(["open", "in_progress"]),
        channel: rc.pick(["chat", "email", "phone", "store"]),
        satisfaction_score: resolved ? rc.int(1, 5) : null,
      });
    }
    const nSessions = rc.int(0, 20);
    for (let s = 0; s < nSessions; s++) {
      const date = dayOf(rc.int(Math.max(registered, 1900), 2400));
      const minutes = rc.int(1, 90);
      emit("customer.app_usage", {
        usage_id: id("USG", ++sessions, nCustomers * 20),
        customer_id: customerId,
        session_date: date,
        session_start: `${date} ${timeOf(rc.int(0, 1439))}`,
        session_duration_minutes: minutes,
        pages_viewed: rc.int(1, minutes + 5),
        actions_taken: rc.int(0, minutes),
        device_type: rc.pick(["ios", "android", "web"]),
        app_version: rc.pick(["3.1.8", "3.2.0", "3.2.1", "3.3.0"]),
      });
    }
  }
  return customerInfo;
}

/** Each customer's orders: transactions, their items, shipments and tracking events. */
function generateOrders(
  { rng, nCustomers, nProducts }: Plan,
  emit: Emit,
  customerInfo: readonly CustomerInfo[],
  products: readonly string[],
  prices: readonly number[],
  warehouses: readonly string[],
  stores: readonly string[],
) {
  const ro = rng("orders");
  let transactions = 0;
  let items = 0;
  let shipments = 0;
  let events = 0;
  for (const customer of customerInfo) {
    const nOrders = ro.int(0, 10);
    for (let o = 0; o < nOrders; o++) {
      const transactionId = id("TXN", ++transactions, nCustomers * 10);
      const channel = ro.weighted([
        ["online", 5],
        ["mobile", 3],
        ["store", 2],
      ]);
      const day = ro.int(Math.max(customer.registered, 1830), 2360);
      let subtotal = 0;
      let discount = 0;
      const nItems = ro.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
      ]);
      for (let k = 0; k < nItems; k++) {
        const product = ro.int(0, nProducts - 1);
        const quantity = ro.weighted([
          [1, 6],
          [2, 3],
          [3, 1],
        ]);
        const unit = prices[product] ?? 0;
        const line = unit * quantity;
        const lineDiscount = ro.chance(0.3) ? Math.round(line * 0.1) : 0;
        subtotal += line;
        discount += lineDiscount;
        emit("sales.transaction_items", {
          item_id: id("ITM", ++items, nCustomers * 30),
          transaction_id: transactionId,
          product_id: products[product] as string,
          quantity,
          unit_price: cents(unit),
          line_total: cents(line),
          discount_applied: cents(lineDiscount),
        });
      }
      const tax = Math.round((subtotal - discount) * 0.08);
      const date = dayOf(day);
      emit("sales.transactions", {
        transaction_id: transactionId,
        customer_id: customer.id,
        transaction_date: `${date} ${timeOf(ro.int(420, 1320))}`,
        channel,
        store_id: channel === "store" ? ro.pick(stores) : null,
        payment_method: ro.pick(["credit_card", "debit_card", "paypal", "apple_pay", "google_pay", "cash"]),
        subtotal: cents(subtotal),
        tax_amount: cents(tax),
        discount_amount: cents(discount),
        total_amount: cents(subtotal + tax - discount),
        currency: reportingCurrency,
        status: ro.weighted([
          ["completed", 18],
          ["refunded", 1],
          ["cancelled", 1],
        ]),
        marketplace: customer.market,
      });
      if (channel === "store") continue;
      const shipmentId = id("SHP", ++shipments, nCustomers * 10);
      const serviceLevel = ro.weighted([
        ["standard", 6],
        ["expedited", 3],
        ["overnight", 1],
      ]);
      const promised = serviceLevel === "overnight" ? 1 : serviceLevel === "expedited" ? 2 : 4;
      // Orders are placed from 07:00 and carriers pick up from 06:00: a parcel leaves the day after its
      // order at the earliest, so every tracking event follows the purchase it tracks.
      const shipDay = day + ro.int(1, 2);
      const transit =
        promised +
        ro.weighted([
          [-1, 3],
          [0, 5],
          [1, 1],
          [3, 1],
        ]);
      const delivered = shipDay + Math.max(1, transit) <= 2368;
      const carrier = ro.pick(["UPS", "FedEx", "USPS", "DHL"]);
      emit("logistics.shipments", {
        shipment_id: shipmentId,
        transaction_id: transactionId,
        tracking_number: `${carrier.slice(0, 2).toUpperCase()}${String(ro.int(0, 1e9)).padStart(10, "0")}${shipments - 1}`,
        carrier,
        service_level: serviceLevel,
        origin_location: ro.pick(warehouses),
        destination_address: customer.address,
        weight_kg: (ro.int(100, 20_000) / 1000).toFixed(3),
        dimensions: `${ro.int(10, 60)}x${ro.int(10, 40)}x${ro.int(3, 30)} cm`,
        ship_date: dayOf(shipDay),
        estimated_delivery: dayOf(shipDay + promised),
        actual_delivery: delivered ? dayOf(shipDay + Math.max(1, transit)) : null,
        delivery_status: delivered ? "delivered" : "in_transit",
        shipping_cost: cents(ro.int(500, 5000)),
        marketplace: customer.market,
        customer_id: customer.id,
      });
      const steps: [string, string][] = [
        ["picked_up", "IP"],
        ["in_transit", "DP"],
        ["out_for_delivery", "OFD"],
        ["delivered", "DL"],
      ];
      const shown = delivered ? steps : steps.slice(0, 2);
      shown.forEach(([type, status], e) => {
        const onDay =
          e === shown.length - 1 && delivered
            ? shipDay + Math.max(1, transit)
            : shipDay + Math.min(e, Math.max(1, transit) - 1);
        emit("logistics.tracking_events", {
          event_id: id("EVT", ++events, nCustomers * 40),
          shipment_id: shipmentId,
          event_timestamp: `${dayOf(onDay)} ${timeOf(360 + e * 180 + ro.int(0, 120))}`,
          event_type: type,
          location: customer.address.split(" ").slice(-2).join(" "),
          description: type.replaceAll("_", " "),
          carrier_status: status,
        });
      });
    }
  }
}

/** Daily sales of one region per marketplace. */
function generateRegionalSales({ rng, nDays }: Plan, emit: Emit): void {
  const rr = rng("regional_sales");
  const regions = Object.keys(cities) as MarketplaceCode[];
  regions.forEach((market, g) => {
    for (let d = 0; d < nDays; d++) {
      const count = rr.int(20, 120);
      const revenue = count * rr.int(12_000, 25_000);
      emit("sales.regional_sales", {
        region_id: id("RGN", g + 1, regions.length),
        region_name: `${cities[market][0]?.[0]} region`,
        country: marketplaces[market][0],
        sales_date: daysFrom("2025-01-01", d),
        total_revenue: cents(revenue),
        total_transactions: count,
        average_order_value: cents(Math.round(revenue / count)),
      });
    }
  });
}

/**
 * Generates a deterministic data set, handing each row to `emit` as it is made: the same options give
 * the same rows, byte for byte, in the same order, and nothing but the few references later families
 * need (ids, prices, each customer's market) is held, so memory does not grow with the scale. Dates
 * lie in fixed past windows (never "now", never ahead: a KPI year at most), every foreign key and
 * money identity holds, and KPI ratios are computed from their counts exactly as the exports round
 * them. Each table family comes from its own function and random stream; ids are padded to a width
 * known before the rows are made.
 */
export function generate({ scale, seed }: SeedOptions, emit: Emit): void {
  const n = (base: number, min: number) => Math.max(min, Math.round(base * scale));
  const plan: Plan = {
    rng: (stream: string) => new Random(`${seed}:${stream}`),
    nCustomers: n(10_000, 1),
    nProducts: n(2_000, 20),
    nSuppliers: n(200, 5),
    nWarehouses: n(20, 2),
    nStores: n(80, 3),
    nDays: Math.min(365, n(365, 7)),
  };
  const { warehouses, stores } = generateLocations(plan, emit);
  const { products, prices } = generateCatalog(plan, emit, warehouses, stores);
  const customerInfo = generateCustomers(plan, emit);
  generateOrders(plan, emit, customerInfo, products, prices, warehouses, stores);
  generateRegionalSales(plan, emit);
  generateKpis(plan.rng, plan.nDays, emit);
}

/** Daily KPI rows for every marketplace and prime flag; purchase orders are fulfilled the next day. */
function generateKpis(rng: (stream: string) => Random, nDays: number, emit: Emit): void {
  const r = rng("kpis");
  const markets = (Object.keys(marketplaces) as MarketplaceCode[]).sort();
  const size = Object.fromEntries(marketWeights);
  const shipped = new Map<string, number>();
  for (let d = 0; d <= nDays; d++) {
    const dt = daysFrom("2025-04-01", d);
    for (const marketplace of markets) {
      for (const primeFlag of [0, 1]) {
        const due = shipped.get(`${marketplace}/${primeFlag}`) ?? 0;
        if (d > 0 && due > 0) {
          const exceptions = r.share(due, 0.04);
          const wismo = r.share(due, 0.08);
          const npsResponses = r.share(due, 0.15);
          emit("cx.kpi_fulfillment_daily", {
            dt,
            marketplace,
            prime_flag: primeFlag,
            orders: due,
            otd_rate: round2(r.uniform(0.8, 1)),
            promise_accuracy_mae_hours: round2(r.uniform(2, 24)),
            exceptions,
            delivery_exception_rate: ratio(exceptions, due),
            wismo_contacts: wismo,
            wismo_contact_rate: ratio(wismo, due),
            nps_score: npsResponses > 0 ? round2(r.uniform(-20, 80)) : 0,
            nps_responses: npsResponses,
            late_risk_mean: round2(r.uniform(0.1, 0.6)),
            late_risk_high_rate: round2(r.uniform(0, 0.3)),
          });
        }
        if (d === nDays) continue;
        const sessions = Math.round((size[marketplace] ?? 5) * 120 * (primeFlag ? 1.2 : 1) * r.uniform(0.7, 1.3));
        const impressions = Math.round(sessions * r.uniform(8, 14));
        const pdpViews = r.share(impressions, 0.05);
        const searches = r.share(sessions, 0.4);
        const zeroResults = r.share(searches, 0.18);
        const helpSessions = r.share(sessions, 0.09);
        const escalations = r.share(helpSessions, 0.1);
        const cesResponses = r.share(helpSessions, 0.35);
        const spike = r.chance(0.05);
        emit("cx.kpi_discover_daily", {
          dt,
          marketplace,
          prime_flag: primeFlag,
          list_impressions: impressions,
          pdp_views: pdpViews,
          dpvr: ratio(pdpViews, impressions),
          total_searches: searches,
          zero_results: zeroResults,
          zrr: ratio(zeroResults, searches),
          help_sessions: helpSessions,
          escalations,
          help_bounce_to_contact: ratio(escalations, helpSessions),
          ces_responses: cesResponses,
          ces_avg: cesResponses > 0 ? round2(r.uniform(3, 6)) : null,
          ces_top_box_rate: cesResponses > 0 ? round2(r.uniform(0.1, 0.4)) : null,
          neg_review_share: round2(r.uniform(0, 0.03)),
          neg_review_spike: spike,
          sessions,
          explore_propensity_mean: round2(r.uniform(0.37, 0.41)),
          explore_high_rate: 0,
          reco_insert_module: r.chance(0.7),
          reco_module_type: r.pick(["pdp_claims_visuals", "size_fit_guide", "faq_snippet", "compatibility_checker"]),
          dominant_query_category: r.pick([
            "Electronics",
            "Fashion",
            "Garden",
            "Office",
            "Books",
            "Beauty",
            "Automotive",
          ]),
        });
        const atc = r.share(pdpViews, 0.08);
        const pdpSessions = Math.max(1, r.share(sessions, 0.95));
        const orders = r.share(pdpSessions, 0.01);
        const attempts = Math.max(orders, r.share(orders * 20 + 15, 1));
        const errors = r.share(attempts, 0.02);
        const declines = r.share(orders, 0.05);
        const buyResponses = r.share(orders, 0.12);
        const card = r.uniform(0.3, 0.6);
        const wallet = r.uniform(0.1, 0.3);
        const giftcard = r.uniform(0, 0.1);
        emit("cx.kpi_purchase_daily", {
          dt,
          marketplace,
          prime_flag: primeFlag,
          pdp_views: pdpViews,
          atc,
          atcr: ratio(atc, pdpViews),
          pdp_sess: pdpSessions,
          orders,
          pcr: ratio(orders, pdpSessions),
          co_attempts: attempts,
          co_errors: errors,
          co_err_rate: ratio(errors, attempts),
          payments: orders,
          declines,
          pay_decl_rate: ratio(declines, orders),
          pm_card_share: round2(card),
          pm_cod_share: round2(1 - card - wallet - giftcard),
          pm_giftcard_share: round2(giftcard),
          pm_wallet_share: round2(wallet),
          ces_buy_responses: buyResponses,
          ces_buy_avg: buyResponses > 0 ? round2(r.uniform(3, 6.5)) : null,
          ces_buy_topbox: buyResponses > 0 ? round2(r.uniform(0.1, 0.5)) : null,
          prop_buy_mean: round2(r.uniform(0.24, 0.48)),
          prop_buy_high_rate: 0,
          nb_promo: "none",
          nb_flow: r.pick(["3DS_soft", "guest_simplified", "wallet_fallback"]),
          promo_applied_rate: round2(r.uniform(0, 0.5)),
          promo_10pct_share: round2(r.uniform(0, 0.5)),
          promo_bundle_share: round2(r.uniform(0, 0.3)),
          promo_free_ship_share: round2(r.uniform(0, 0.2)),
        });
        shipped.set(`${marketplace}/${primeFlag}`, orders);
      }
    }
  }
}
