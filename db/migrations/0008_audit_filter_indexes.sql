CREATE INDEX "access_events_customer_ids_truncated_idx" ON "audit"."access_events" USING btree ("event_id") WHERE "audit"."access_events"."customer_ids_truncated";--> statement-breakpoint
CREATE INDEX "access_events_roles_idx" ON "audit"."access_events" USING gin ("roles");--> statement-breakpoint
CREATE INDEX "access_events_outcome_idx" ON "audit"."access_events" USING btree ("outcome","event_id");--> statement-breakpoint
CREATE INDEX "access_events_operation_name_idx" ON "audit"."access_events" USING btree ("operation_name","event_id");