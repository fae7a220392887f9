import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, pgSchema, smallint, text, timestamp } from "drizzle-orm/pg-core";

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
    /** The access policy's version in force at the gateway (empty for events from before versions). */
    policyVersion: text("policy_version").notNull().default(""),
    /**
     * Whose personal data the answer carried: the customer ids whose personal fields (the policy's
     * `personalData`) were answered with a value, at most 1,000; `customerIdsTruncated` when there were more.
     */
    customerIds: text("customer_ids").array().notNull().default([]),
    customerIdsTruncated: boolean("customer_ids_truncated").notNull().default(false),
    /**
     * Whether the document's text was stored (`access_documents`, by `document_hash`) when the event was
     * written: chained, so `audit verify` can tell a document removed or re-keyed since.
     */
    documentStored: boolean("document_stored").notNull().default(false),
    /**
     * The request's variables as JSON text, bounded, the values of inputs the policy marks secret
     * masked; null when the request had none.
     */
    variables: text("variables"),
    /** The request's id, as every log line of that request names it. */
    requestId: text("request_id"),
    /** Why the request read, as the client said it (`x-c360-purpose`); null when it said nothing. */
    purpose: text("purpose"),
    /** The hash chain the event belongs to (one per gateway process); empty for events from before chains. */
    chain: text("chain").notNull().default(""),
    /** The hash of the chain's previous event ("" for its first), and this event's hash over both. */
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
    /** The fingerprint of the key the event's hash is keyed with; empty for events of unkeyed chains. */
    keyId: text("key_id").notNull().default(""),
  },
  (t) => [
    index("access_events_occurred_at_idx").on(t.occurredAt),
    index("access_events_subject_idx").on(t.subject, t.occurredAt),
    // Who selected, or was denied, a field: `coordinates @> '{Customer.email}'`.
    index("access_events_coordinates_idx").using("gin", t.coordinates),
    index("access_events_denied_idx").using("gin", t.denied),
    // Who saw a person's data: `customer_ids @> '{CUST003}'`, or an event whose list was cut (it may
    // have carried that person too): the partial index lets Postgres answer the OR from both indexes.
    index("access_events_customer_ids_idx").using("gin", t.customerIds),
    index("access_events_customer_ids_truncated_idx").on(t.eventId).where(sql`${t.customerIdsTruncated}`),
    // The other filters of `accessEvents`, each with the page's order (newest first).
    index("access_events_roles_idx").using("gin", t.roles),
    index("access_events_outcome_idx").on(t.outcome, t.eventId),
    index("access_events_operation_name_idx").on(t.operationName, t.eventId),
    index("access_events_chain_idx").on(t.chain, t.eventId),
    index("access_events_purpose_idx").on(t.purpose, t.eventId),
  ],
);

/**
 * Every keyed chain, registered by its writer before its first event: the key it is keyed with (by
 * fingerprint) and the head of the trail when it began (the latest event of any chain), so that a
 * chain removed whole is missed by the one after it. `mac` keys the row itself.
 */
export const chains = auditSchema.table("chains", {
  chain: text("chain").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  keyId: text("key_id").notNull(),
  previousChain: text("previous_chain"),
  previousEventId: bigint("previous_event_id", { mode: "number" }),
  previousHash: text("previous_hash"),
  mac: text("mac").notNull(),
});

/** Where a pruned chain now starts: the hash of the last event removed, so the rest still verifies. */
export const chainCheckpoints = auditSchema.table("chain_checkpoints", {
  chain: text("chain").primaryKey(),
  lastEventId: bigint("last_event_id", { mode: "number" }).notNull(),
  lastHash: text("last_hash").notNull(),
  prunedBefore: timestamp("pruned_before", { withTimezone: true }).notNull(),
  eventsPruned: bigint("events_pruned", { mode: "number" }).notNull(),
  /** The checkpoint keyed with the trail's key (empty for checkpoints of unkeyed chains). */
  mac: text("mac").notNull().default(""),
});

/**
 * Every distinct document the gateway was sent, once, by the hash events record: an auditor reads
 * the text behind an event. A document longer than the trail keeps is stored cut, and says so.
 */
export const accessDocuments = auditSchema.table("access_documents", {
  documentHash: text("document_hash").primaryKey(),
  document: text("document").notNull(),
  firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
});
