import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { importDirectory } from "@c360/db";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../testkit/stack";

const reference = join(import.meta.dirname, "../../../shared/data");

/** The rows of a reference file, as the CSV has them. */
function csv(file: string): Record<string, string>[] {
  const bytes = readFileSync(join(reference, file));
  return parse(file.endsWith(".gz") ? gunzipSync(bytes) : bytes, { columns: true }) as Record<string, string>[];
}

const ts = (text: string) => (text ? `${text.replace(" ", "T")}.000Z` : null);
const int = (text: string) => (text === "" ? null : Number(text));
const dec = (text: string, scale: number) => (text === "" ? null : Number(text).toFixed(scale));
const text = (value: string) => (value === "" ? null : value);

const query = `query ($id: ID!) { customer(id: $id) {
  id firstName lastName email phone dateOfBirth gender registrationDate customerSegment preferredChannel
  addressLine1 city state zipCode country
  loyalty { loyaltyTier pointsBalance pointsEarnedYtd pointsRedeemedYtd tierStartDate lifetimeValue }
  supportTickets { totalCount edges { node { id createdDate resolvedDate category priority status channel satisfactionScore } } }
  appSessions { totalCount edges { node { id sessionDate sessionStart sessionDurationMinutes pagesViewed actionsTaken deviceType appVersion } } }
  purchaseSummary { transactionCount totalSpent averageOrderValue firstPurchaseAt lastPurchaseAt }
  transactions { totalCount edges { node {
    id transactionDate channel storeId store { id locationName } paymentMethod subtotal taxAmount discountAmount totalAmount currency status
    items { id quantity unitPrice lineTotal discountApplied productId product {
      id productName category subcategory brand price cost weightKg dimensions color size createdDate status
      suppliers { isPrimary costPrice leadTimeDays supplier { id supplierName contactPerson email phone address country paymentTerms qualityRating } }
      inventoryLevels { id locationId stockQuantity reservedQuantity reorderPoint maxStockLevel lastUpdated available needsReorder
        location { id locationName locationType address city state country capacityCubicMeters managerName } }
    } }
    shipments { id trackingNumber carrier serviceLevel originLocation origin { id locationName } destinationAddress weightKg dimensions
      shipDate estimatedDelivery actualDelivery deliveryStatus shippingCost onTime delayDays
      trackingEvents { id eventTimestamp eventType location description carrierStatus } }
  } } }
  marketplace { code name purchaseKpis(from: "2025-04-01", to: "2025-04-30", grain: MONTH) { periodStart grain primeFlag orders pdpSess pcr } }
} }`;

/** The Customer 360 of `id`, written out from the reference CSV rows. */
function expected360(id: string) {
  const customer = csv("c360_mock_data/customer/customers.csv").find((r) => r.customer_id === id) as Record<
    string,
    string
  >;
  const loyalty = csv("c360_mock_data/customer/loyalty_program.csv").find((r) => r.customer_id === id);
  const tickets = csv("c360_mock_data/customer/support_tickets.csv").filter((r) => r.customer_id === id);
  const sessions = csv("c360_mock_data/customer/app_usage.csv").filter((r) => r.customer_id === id);
  const transactions = csv("c360_mock_data/sales/transactions.csv").filter((r) => r.customer_id === id);
  const items = csv("c360_mock_data/sales/transaction_items.csv");
  const products = csv("c360_mock_data/products/products.csv");
  const suppliers = csv("c360_mock_data/products/suppliers.csv");
  const links = csv("c360_mock_data/products/product_suppliers.csv");
  const inventory = csv("c360_mock_data/products/inventory.csv");
  const locations = csv("c360_mock_data/logistics/warehouse_locations.csv");
  const shipments = csv("c360_mock_data/logistics/shipments.csv");
  const events = csv("c360_mock_data/logistics/tracking_events.csv");
  const location = (lid: string) => locations.find((l) => l.location_id === lid) as Record<string, string>;
  const newestFirst = (key: string, idKey: string) => (a: Record<string, string>, b: Record<string, string>) =>
    (b[key] as string).localeCompare(a[key] as string) || (b[idKey] as string).localeCompare(a[idKey] as string);
  const completed = transactions.filter((t) => t.status === "completed");
  const spent = completed.reduce((sum, t) => sum + Math.round(Number(t.total_amount) * 100), 0);
  const dates = completed.map((t) => t.transaction_date as string).sort();
  const kpis = csv("cx_analytics/kpi_purchase_daily.csv.gz").filter(
    (r) => r.marketplace === "US" && (r.dt as string).startsWith("2025-04"),
  );
  return {
    id,
    firstName: customer.first_name,
    lastName: customer.last_name,
    email: customer.email,
    phone: text(customer.phone as string),
    dateOfBirth: customer.date_of_birth,
    gender: customer.gender,
    registrationDate: ts(customer.registration_date as string),
    customerSegment: customer.customer_segment,
    preferredChannel: customer.preferred_channel,
    addressLine1: customer.address_line1,
    city: customer.city,
    state: customer.state,
    zipCode: customer.zip_code,
    country: customer.country,
    loyalty: loyalty && {
      loyaltyTier: loyalty.loyalty_tier,
      pointsBalance: int(loyalty.points_balance as string),
      pointsEarnedYtd: int(loyalty.points_earned_ytd as string),
      pointsRedeemedYtd: int(loyalty.points_redeemed_ytd as string),
      tierStartDate: loyalty.tier_start_date,
      lifetimeValue: dec(loyalty.lifetime_value as string, 2),
    },
    supportTickets: {
      totalCount: tickets.length,
      edges: tickets.sort(newestFirst("created_date", "ticket_id")).map((r) => ({
        node: {
          id: r.ticket_id,
          createdDate: ts(r.created_date as string),
          resolvedDate: ts(r.resolved_date as string),
          category: r.category,
          priority: r.priority,
          status: r.status,
          channel: r.channel,
          satisfactionScore: int(r.satisfaction_score as string),
        },
      })),
    },
    appSessions: {
      totalCount: sessions.length,
      edges: sessions.sort(newestFirst("session_start", "usage_id")).map((r) => ({
        node: {
          id: r.usage_id,
          sessionDate: r.session_date,
          sessionStart: ts(r.session_start as string),
          sessionDurationMinutes: int(r.session_duration_minutes as string),
          pagesViewed: int(r.pages_viewed as string),
          actionsTaken: int(r.actions_taken as string),
          deviceType: r.device_type,
          appVersion: r.app_version,
        },
      })),
    },
    purchaseSummary: {
      transactionCount: completed.length,
      totalSpent: (spent / 100).toFixed(2),
      averageOrderValue: (Math.round(spent / completed.length) / 100).toFixed(2),
      firstPurchaseAt: ts(dates[0] as string),
      lastPurchaseAt: ts(dates.at(-1) as string),
    },
    transactions: {
      totalCount: transactions.length,
      edges: transactions.sort(newestFirst("transaction_date", "transaction_id")).map((t) => ({
        node: {
          id: t.transaction_id,
          transactionDate: ts(t.transaction_date as string),
          channel: t.channel,
          storeId: text(t.store_id as string),
          store: t.store_id ? { id: t.store_id, locationName: location(t.store_id).location_name } : null,
          paymentMethod: t.payment_method,
          subtotal: dec(t.subtotal as string, 2),
          taxAmount: dec(t.tax_amount as string, 2),
          discountAmount: dec(t.discount_amount as string, 2),
          totalAmount: dec(t.total_amount as string, 2),
          currency: t.currency,
          status: t.status,
          items: items
            .filter((i) => i.transaction_id === t.transaction_id)
            .map((i) => {
              const p = products.find((x) => x.product_id === i.product_id) as Record<string, string>;
              return {
                id: i.item_id,
                quantity: int(i.quantity as string),
                unitPrice: dec(i.unit_price as string, 2),
                lineTotal: dec(i.line_total as string, 2),
                discountApplied: dec(i.discount_applied as string, 2),
                productId: i.product_id,
                product: {
                  id: p.product_id,
                  productName: p.product_name,
                  category: p.category,
                  subcategory: p.subcategory,
                  brand: p.brand,
                  price: dec(p.price as string, 2),
                  cost: dec(p.cost as string, 2),
                  weightKg: dec(p.weight_kg as string, 3),
                  dimensions: p.dimensions,
                  color: p.color,
                  size: p.size,
                  createdDate: p.created_date,
                  status: p.status,
                  suppliers: links
                    .filter((l) => l.product_id === p.product_id)
                    .sort(
                      (a, b) =>
                        Number(b.is_primary === "true") - Number(a.is_primary === "true") ||
                        (a.supplier_id as string).localeCompare(b.supplier_id as string),
                    )
                    .map((l) => {
                      const s = suppliers.find((x) => x.supplier_id === l.supplier_id) as Record<string, string>;
                      return {
                        isPrimary: l.is_primary === "true",
                        costPrice: dec(l.cost_price as string, 2),
                        leadTimeDays: int(l.lead_time_days as string),
                        supplier: {
                          id: s.supplier_id,
                          supplierName: s.supplier_name,
                          contactPerson: s.contact_person,
                          email: s.email,
                          phone: s.phone,
                          address: s.address,
                          country: s.country,
                          paymentTerms: s.payment_terms,
                          qualityRating: dec(s.quality_rating as string, 2),
                        },
                      };
                    }),
                  inventoryLevels: inventory
                    .filter((v) => v.product_id === p.product_id)
                    .sort(
                      (a, b) =>
                        (a.location_id as string).localeCompare(b.location_id as string) ||
                        (a.inventory_id as string).localeCompare(b.inventory_id as string),
                    )
                    .map((v) => {
                      const l = location(v.location_id as string);
                      const available = Number(v.stock_quantity) - Number(v.reserved_quantity);
                      return {
                        id: v.inventory_id,
                        locationId: v.location_id,
                        stockQuantity: int(v.stock_quantity as string),
                        reservedQuantity: int(v.reserved_quantity as string),
                        reorderPoint: int(v.reorder_point as string),
                        maxStockLevel: int(v.max_stock_level as string),
                        lastUpdated: ts(v.last_updated as string),
                        available,
                        needsReorder: available <= Number(v.reorder_point),
                        location: {
                          id: l.location_id,
                          locationName: l.location_name,
                          locationType: l.location_type,
                          address: l.address,
                          city: l.city,
                          state: l.state,
                          country: l.country,
                          capacityCubicMeters: int(l.capacity_cubic_meters as string),
                          managerName: l.manager_name,
                        },
                      };
                    }),
                },
              };
            }),
          shipments: shipments
            .filter((s) => s.transaction_id === t.transaction_id)
            .map((s) => {
              const late = s.actual_delivery
                ? Math.round((Date.parse(s.actual_delivery) - Date.parse(s.estimated_delivery as string)) / 86_400_000)
                : null;
              return {
                id: s.shipment_id,
                trackingNumber: s.tracking_number,
                carrier: s.carrier,
                serviceLevel: s.service_level,
                originLocation: s.origin_location,
                origin: { id: s.origin_location, locationName: location(s.origin_location as string).location_name },
                destinationAddress: s.destination_address,
                weightKg: dec(s.weight_kg as string, 3),
                dimensions: s.dimensions,
                shipDate: s.ship_date,
                estimatedDelivery: s.estimated_delivery,
                actualDelivery: text(s.actual_delivery as string),
                deliveryStatus: s.delivery_status,
                shippingCost: dec(s.shipping_cost as string, 2),
                onTime: late === null ? null : late <= 0,
                delayDays: late === null ? null : Math.max(0, late),
                trackingEvents: events
                  .filter((e) => e.shipment_id === s.shipment_id)
                  .sort((a, b) => (a.event_timestamp as string).localeCompare(b.event_timestamp as string))
                  .map((e) => ({
                    id: e.event_id,
                    eventTimestamp: ts(e.event_timestamp as string),
                    eventType: e.event_type,
                    location: e.location,
                    description: e.description,
                    carrierStatus: e.carrier_status,
                  })),
              };
            }),
        },
      })),
    },
    marketplace: {
      code: "US",
      name: "USA",
      purchaseKpis: [0, 1].map((flag) => {
        const rows = kpis.filter((r) => Number(r.prime_flag) === flag);
        const orders = rows.reduce((sum, r) => sum + Number(r.orders_x), 0);
        const pdpSess = rows.reduce((sum, r) => sum + Number(r.pdp_sess), 0);
        return { periodStart: "2025-04-01", grain: "MONTH", primeFlag: flag, orders, pdpSess, pcr: orders / pdpSess };
      }),
    },
  };
}

describe.runIf(existsSync(reference))("Customer 360 through the gateway (reference data)", () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack(({ db }) => importDirectory(db, reference));
  });
  afterAll(() => t.dispose());

  it("returns the full Customer 360 of CUST001 exactly as the CSV rows say", async () => {
    const result = await t.query<{ customer: unknown }>(query, { id: "CUST001" });
    expect(result.errors).toBeUndefined();
    const expected = expected360("CUST001");
    expect(expected.transactions.edges.flatMap((e) => [...e.node.items, ...e.node.shipments]).length).toBeGreaterThan(
      4,
    );
    expect(JSON.stringify(expected).length).toBeGreaterThan(8000);
    expect(result.data?.customer).toEqual(expected);
  });

  it("answers one document sent many times by each request's own variables (ids, @include and @skip), interleaved", async () => {
    const document = `query ($id: ID!, $deep: Boolean!) { customer(id: $id) {
      id firstName loyalty @include(if: $deep) { loyaltyTier } transactions @skip(if: $deep) { totalCount } } }`;
    const expected = new Map(["CUST001", "CUST002", "CUST003"].map((id) => [id, expected360(id)]));
    const requests = [...expected.keys()].flatMap((id) => [true, false].map((deep) => ({ id, deep })));
    const answers = await Promise.all(requests.map((variables) => t.query(document, variables)));
    for (const [i, { id, deep }] of requests.entries()) {
      const { firstName, loyalty, transactions } = expected.get(id) as ReturnType<typeof expected360>;
      const customer = deep
        ? { id, firstName, loyalty: loyalty ? { loyaltyTier: loyalty.loyaltyTier } : null }
        : { id, firstName, transactions: { totalCount: transactions.totalCount } };
      expect(answers[i]).toEqual({ data: { customer } });
    }
  });

  it("returns null for a customer that does not exist", async () => {
    expect(await t.query(query, { id: "CUST999" })).toEqual({ data: { customer: null } });
  });
});
