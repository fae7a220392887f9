CREATE INDEX "customers_email_lookup_idx" ON "customer"."customers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "customers_phone_lookup_idx" ON "customer"."customers" USING btree (regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g'));--> statement-breakpoint
CREATE INDEX "customers_first_name_lookup_idx" ON "customer"."customers" USING btree (lower("first_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_last_name_lookup_idx" ON "customer"."customers" USING btree (lower("last_name") text_pattern_ops);