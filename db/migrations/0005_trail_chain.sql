CREATE TABLE "audit"."chain_checkpoints" (
	"chain" text PRIMARY KEY NOT NULL,
	"last_event_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"pruned_before" timestamp with time zone NOT NULL,
	"events_pruned" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "chain" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "access_events_chain_idx" ON "audit"."access_events" USING btree ("chain","event_id");