import { bigserial, index, pgSchema, text, timestamp } from "drizzle-orm/pg-core";

/** The access trail: one row per request through the gateway. */
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
  },
  (t) => [
    index("access_events_occurred_at_idx").on(t.occurredAt),
    index("access_events_subject_idx").on(t.subject, t.occurredAt),
  ],
);
