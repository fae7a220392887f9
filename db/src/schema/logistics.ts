import { date, index, integer, numeric, pgSchema, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The logistics domain: shipments, tracking events and locations (warehouses and stores).
 * `shipments.transaction_id` points at sales.transactions: checked by the importer and the quality
 * checks, not by a constraint. `shipments.marketplace` is its buyer's market and `customer_id` its
 * buyer, kept on the fact so that row scope and the access trail's noting stay in this domain.
 */
export const logisticsSchema = pgSchema("logistics");

export const warehouseLocations = logisticsSchema.table(
  "warehouse_locations",
  {
    locationId: text("location_id").primaryKey(),
    locationName: text("location_name").notNull(),
    locationType: text("location_type").notNull(),
    address: text("address"),
    city: text("city").notNull(),
    state: text("state"),
    country: text("country").notNull(),
    capacityCubicMeters: integer("capacity_cubic_meters"),
    managerName: text("manager_name"),
  },
  (t) => [index("warehouse_locations_location_type_idx").on(t.locationType)],
);

export const shipments = logisticsSchema.table(
  "shipments",
  {
    shipmentId: text("shipment_id").primaryKey(),
    transactionId: text("transaction_id").notNull(),
    trackingNumber: text("tracking_number").notNull(),
    carrier: text("carrier").notNull(),
    serviceLevel: text("service_level").notNull(),
    originLocation: text("origin_location")
      .notNull()
      .references(() => warehouseLocations.locationId),
    destinationAddress: text("destination_address").notNull(),
    weightKg: numeric("weight_kg", { precision: 8, scale: 3 }),
    dimensions: text("dimensions"),
    shipDate: date("ship_date").notNull(),
    estimatedDelivery: date("estimated_delivery").notNull(),
    actualDelivery: date("actual_delivery"),
    deliveryStatus: text("delivery_status").notNull(),
    shippingCost: numeric("shipping_cost", { precision: 8, scale: 2 }).notNull(),
    /** The CX marketplace of its transaction's buyer, set at load; null when the country has none. */
    marketplace: text("marketplace"),
    /**
     * Its transaction's buyer, set at load: the person whose personal data the destination address is
     * (the access trail notes this id when the address is answered).
     */
    customerId: text("customer_id"),
  },
  (t) => [
    index("shipments_transaction_id_idx").on(t.transactionId),
    index("shipments_marketplace_idx").on(t.marketplace, t.shipDate),
    index("shipments_tracking_number_idx").on(t.trackingNumber),
    index("shipments_origin_location_idx").on(t.originLocation),
    index("shipments_delivery_status_idx").on(t.deliveryStatus),
    index("shipments_ship_date_idx").on(t.shipDate),
  ],
);

export const trackingEvents = logisticsSchema.table(
  "tracking_events",
  {
    eventId: text("event_id").primaryKey(),
    shipmentId: text("shipment_id")
      .notNull()
      .references(() => shipments.shipmentId),
    eventTimestamp: timestamp("event_timestamp", { withTimezone: true }).notNull(),
    eventType: text("event_type").notNull(),
    location: text("location"),
    description: text("description"),
    carrierStatus: text("carrier_status"),
  },
  (t) => [index("tracking_events_shipment_id_idx").on(t.shipmentId, t.eventTimestamp)],
);
