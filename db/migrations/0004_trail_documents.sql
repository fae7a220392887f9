CREATE TABLE "audit"."access_documents" (
	"document_hash" text PRIMARY KEY NOT NULL,
	"document" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "policy_version" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "access_events_coordinates_idx" ON "audit"."access_events" USING gin ("coordinates");--> statement-breakpoint
CREATE INDEX "access_events_denied_idx" ON "audit"."access_events" USING gin ("denied");