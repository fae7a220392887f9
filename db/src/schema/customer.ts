import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, date, index, integer, numeric, pgSchema, text, timestamp } from "drizzle-orm/pg-core";

/** The customer domain: CRM profile, loyalty, support tickets and app usage. */
export const customerSchema = pgSchema("customer");

/**
 * What lookups compare, indexed below: a lookup by email, phone or name prefix reads the rows it finds,
 * not the table. The customer subgraph's filters use these same expressions, so the planner matches
 * them to the indexes.
 */
export const lookups = {
  /** An email, case-insensitive. */
  email: (email: AnyPgColumn): SQL => sql`lower(${email})`,
  /** A phone's digits only (`+1 (555) 010-3` is `15550103`). */
  phoneDigits: (phone: AnyPgColumn): SQL => sql`regexp_replace(coalesce(${phone}, ''), '[^0-9]', '', 'g')`,
  /** A name, case-insensitive, for prefix searches (`starts_with`, which a pattern index serves). */
  name: (name: AnyPgColumn): SQL => sql`lower(${name})`,
};

export const customers = customerSchema.table(
  "customers",
  {
    customerId: text("customer_id").primaryKey(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    dateOfBirth: date("date_of_birth"),
    gender: text("gender"),
    registrationDate: timestamp("registration_date", { withTimezone: true }).notNull(),
    customerSegment: text("customer_segment").notNull(),
    preferredChannel: text("preferred_channel"),
    addressLine1: text("address_line1"),
    city: text("city"),
    state: text("state"),
    zipCode: text("zip_code"),
    country: text("country").notNull(),
  },
  (t) => [
    index("customers_segment_idx").on(t.customerSegment),
    index("customers_country_idx").on(t.country),
    index("customers_registration_date_idx").on(t.registrationDate),
    index("customers_email_lookup_idx").on(lookups.email(t.email)),
    index("customers_phone_lookup_idx").on(lookups.phoneDigits(t.phone)),
    index("customers_first_name_lookup_idx").on(sql`${lookups.name(t.firstName)} text_pattern_ops`),
    index("customers_last_name_lookup_idx").on(sql`${lookups.name(t.lastName)} text_pattern_ops`),
  ],
);

export const loyaltyProgram = customerSchema.table("loyalty_program", {
  customerId: text("customer_id")
    .primaryKey()
    .references(() => customers.customerId),
  loyaltyTier: text("loyalty_tier").notNull(),
  pointsBalance: integer("points_balance").notNull(),
  pointsEarnedYtd: integer("points_earned_ytd").notNull(),
  pointsRedeemedYtd: integer("points_redeemed_ytd").notNull(),
  tierStartDate: date("tier_start_date").notNull(),
  lifetimeValue: numeric("lifetime_value", { precision: 10, scale: 2 }).notNull(),
});

export const supportTickets = customerSchema.table(
  "support_tickets",
  {
    ticketId: text("ticket_id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.customerId),
    createdDate: timestamp("created_date", { withTimezone: true }).notNull(),
    resolvedDate: timestamp("resolved_date", { withTimezone: true }),
    category: text("category").notNull(),
    priority: text("priority").notNull(),
    status: text("status").notNull(),
    channel: text("channel").notNull(),
    satisfactionScore: integer("satisfaction_score"),
  },
  (t) => [
    index("support_tickets_customer_id_idx").on(t.customerId, t.createdDate),
    index("support_tickets_status_idx").on(t.status),
  ],
);

export const appUsage = customerSchema.table(
  "app_usage",
  {
    usageId: text("usage_id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.customerId),
    sessionDate: date("session_date").notNull(),
    sessionStart: timestamp("session_start", { withTimezone: true }).notNull(),
    sessionDurationMinutes: integer("session_duration_minutes").notNull(),
    pagesViewed: integer("pages_viewed").notNull(),
    actionsTaken: integer("actions_taken").notNull(),
    deviceType: text("device_type").notNull(),
    appVersion: text("app_version"),
  },
  (t) => [
    index("app_usage_customer_id_idx").on(t.customerId, t.sessionStart),
    index("app_usage_session_date_idx").on(t.sessionDate),
  ],
);
