ALTER TABLE "audit"."access_events" ADD COLUMN "customer_ids" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "customer_ids_truncated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "access_events_customer_ids_idx" ON "audit"."access_events" USING gin ("customer_ids");