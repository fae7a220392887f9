ALTER TABLE "audit"."access_events" ADD COLUMN "status" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "codes" text[] DEFAULT '{}' NOT NULL;