import { bigserial, index, pgSchema, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The access trail: one row per request through the gateway, refused ones included. Every text a
 * client influences (operation name, claimed roles) is stored bounded and printable.
 */
export const auditSchema = pgSchema("audit");

export const accessEvents = auditSchema.table(
  "access_events",
  {
    eventId: bigserial("event_id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    subject: text("subject"),
    roles: text("roles").array().notNull(),
    markets: text("markets").array(),
    operationName: text("operation_name"),
    documentHash: text("document_hash").notNull(),
    coordinates: text("coordinates").array().notNull(),
    denied: text("denied").array().notNull(),
    outcome: text("outcome").notNull(),
    /** The HTTP status answered; 0 when the connection ended first. */
    status: smallint("status").notNull().default(0),
    /** The distinct error codes of the response. */
    codes: text("codes").array().notNull().default([]),
  },
  (t) => [
    index("access_events_occurred_at_idx").on(t.occurredAt),
    index("access_events_subject_idx").on(t.subject, t.occurredAt),
  ],
);
