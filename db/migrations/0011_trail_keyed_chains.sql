CREATE TABLE "audit"."chains" (
	"chain" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"previous_chain" text,
	"previous_event_id" bigint,
	"previous_hash" text,
	"mac" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "variables" text;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "key_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."chain_checkpoints" ADD COLUMN "mac" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "access_events_purpose_idx" ON "audit"."access_events" USING btree ("purpose","event_id");