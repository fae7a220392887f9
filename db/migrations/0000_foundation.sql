CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE SCHEMA "customer";
--> statement-breakpoint
CREATE SCHEMA "cx";
--> statement-breakpoint
CREATE SCHEMA "logistics";
--> statement-breakpoint
CREATE SCHEMA "meta";
--> statement-breakpoint
CREATE SCHEMA "product";
--> statement-breakpoint
CREATE SCHEMA "sales";
--> statement-breakpoint
CREATE TABLE "audit"."access_events" (
	"event_id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"subject" text,
	"roles" text[] NOT NULL,
	"markets" text[],
	"operation_name" text,
	"document_hash" text NOT NULL,
	"coordinates" text[] NOT NULL,
	"denied" text[] NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."app_usage" (
	"usage_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"session_date" date NOT NULL,
	"session_start" timestamp with time zone NOT NULL,
	"session_duration_minutes" integer NOT NULL,
	"pages_viewed" integer NOT NULL,
	"actions_taken" integer NOT NULL,
	"device_type" text NOT NULL,
	"app_version" text
);
--> statement-breakpoint
CREATE TABLE "customer"."customers" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"date_of_birth" date,
	"gender" text,
	"registration_date" timestamp with time zone NOT NULL,
	"customer_segment" text NOT NULL,
	"preferred_channel" text,
	"address_line1" text,
	"city" text,
	"state" text,
	"zip_code" text,
	"country" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."loyalty_program" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"loyalty_tier" text NOT NULL,
	"points_balance" integer NOT NULL,
	"points_earned_ytd" integer NOT NULL,
	"points_redeemed_ytd" integer NOT NULL,
	"tier_start_date" date NOT NULL,
	"lifetime_value" numeric(10, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."support_tickets" (
	"ticket_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"created_date" timestamp with time zone NOT NULL,
	"resolved_date" timestamp with time zone,
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"satisfaction_score" integer
);
--> statement-breakpoint
CREATE TABLE "cx"."kpi_discover_daily" (
	"dt" date NOT NULL,
	"marketplace" text NOT NULL,
	"prime_flag" smallint NOT NULL,
	"list_impressions" integer NOT NULL,
	"pdp_views" integer NOT NULL,
	"dpvr" double precision,
	"total_searches" integer NOT NULL,
	"zero_results" integer NOT NULL,
	"zrr" double precision,
	"help_sessions" integer NOT NULL,
	"escalations" integer NOT NULL,
	"help_bounce_to_contact" double precision,
	"ces_responses" integer NOT NULL,
	"ces_avg" double precision,
	"ces_top_box_rate" double precision,
	"neg_review_share" double precision,
	"neg_review_spike" boolean,
	"sessions" integer NOT NULL,
	"explore_propensity_mean" double precision,
	"explore_high_rate" double precision,
	"reco_insert_module" boolean,
	"reco_module_type" text,
	"dominant_query_category" text,
	CONSTRAINT "kpi_discover_daily_dt_marketplace_prime_flag_pk" PRIMARY KEY("dt","marketplace","prime_flag")
);
--> statement-breakpoint
CREATE TABLE "cx"."kpi_fulfillment_daily" (
	"dt" date NOT NULL,
	"marketplace" text NOT NULL,
	"prime_flag" smallint NOT NULL,
	"orders" integer NOT NULL,
	"otd_rate" double precision,
	"promise_accuracy_mae_hours" double precision,
	"exceptions" integer NOT NULL,
	"delivery_exception_rate" double precision,
	"wismo_contacts" integer NOT NULL,
	"wismo_contact_rate" double precision,
	"nps_score" double precision,
	"nps_responses" integer NOT NULL,
	"late_risk_mean" double precision,
	"late_risk_high_rate" double precision,
	CONSTRAINT "kpi_fulfillment_daily_dt_marketplace_prime_flag_pk" PRIMARY KEY("dt","marketplace","prime_flag")
);
--> statement-breakpoint
CREATE TABLE "cx"."kpi_purchase_daily" (
	"dt" date NOT NULL,
	"marketplace" text NOT NULL,
	"prime_flag" smallint NOT NULL,
	"pdp_views" integer NOT NULL,
	"atc" integer NOT NULL,
	"atcr" double precision,
	"pdp_sess" integer NOT NULL,
	"orders" integer NOT NULL,
	"pcr" double precision,
	"co_attempts" integer NOT NULL,
	"co_errors" integer NOT NULL,
	"co_err_rate" double precision,
	"payments" integer NOT NULL,
	"declines" integer NOT NULL,
	"pay_decl_rate" double precision,
	"pm_card_share" double precision,
	"pm_cod_share" double precision,
	"pm_giftcard_share" double precision,
	"pm_wallet_share" double precision,
	"ces_buy_responses" integer NOT NULL,
	"ces_buy_avg" double precision,
	"ces_buy_topbox" double precision,
	"prop_buy_mean" double precision,
	"prop_buy_high_rate" double precision,
	"nb_promo" text,
	"nb_flow" text,
	"promo_applied_rate" double precision,
	"promo_10pct_share" double precision,
	"promo_bundle_share" double precision,
	"promo_free_ship_share" double precision,
	CONSTRAINT "kpi_purchase_daily_dt_marketplace_prime_flag_pk" PRIMARY KEY("dt","marketplace","prime_flag")
);
--> statement-breakpoint
CREATE TABLE "logistics"."shipments" (
	"shipment_id" text PRIMARY KEY NOT NULL,
	"transaction_id" text NOT NULL,
	"tracking_number" text NOT NULL,
	"carrier" text NOT NULL,
	"service_level" text NOT NULL,
	"origin_location" text NOT NULL,
	"destination_address" text NOT NULL,
	"weight_kg" numeric(10, 3),
	"dimensions" text,
	"ship_date" date NOT NULL,
	"estimated_delivery" date NOT NULL,
	"actual_delivery" date,
	"delivery_status" text NOT NULL,
	"shipping_cost" numeric(10, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logistics"."tracking_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"shipment_id" text NOT NULL,
	"event_timestamp" timestamp with time zone NOT NULL,
	"event_type" text NOT NULL,
	"location" text,
	"description" text,
	"carrier_status" text
);
--> statement-breakpoint
CREATE TABLE "logistics"."warehouse_locations" (
	"location_id" text PRIMARY KEY NOT NULL,
	"location_name" text NOT NULL,
	"location_type" text NOT NULL,
	"address" text,
	"city" text NOT NULL,
	"state" text,
	"country" text NOT NULL,
	"capacity_cubic_meters" integer,
	"manager_name" text
);
--> statement-breakpoint
CREATE TABLE "meta"."load_run_tables" (
	"run_id" bigint NOT NULL,
	"table_name" text NOT NULL,
	"rows_loaded" integer NOT NULL,
	"rows_after" integer NOT NULL,
	CONSTRAINT "load_run_tables_run_id_table_name_pk" PRIMARY KEY("run_id","table_name")
);
--> statement-breakpoint
CREATE TABLE "meta"."load_runs" (
	"run_id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"warnings" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meta"."quality_checks" (
	"check_id" bigserial PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"domain" text NOT NULL,
	"status" text NOT NULL,
	"violations" integer NOT NULL,
	"sample" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product"."inventory" (
	"inventory_id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"location_id" text NOT NULL,
	"stock_quantity" integer NOT NULL,
	"reserved_quantity" integer NOT NULL,
	"reorder_point" integer NOT NULL,
	"max_stock_level" integer NOT NULL,
	"last_updated" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product"."product_suppliers" (
	"product_id" text NOT NULL,
	"supplier_id" text NOT NULL,
	"is_primary" boolean NOT NULL,
	"cost_price" numeric(10, 2) NOT NULL,
	"lead_time_days" integer NOT NULL,
	CONSTRAINT "product_suppliers_product_id_supplier_id_pk" PRIMARY KEY("product_id","supplier_id")
);
--> statement-breakpoint
CREATE TABLE "product"."products" (
	"product_id" text PRIMARY KEY NOT NULL,
	"product_name" text NOT NULL,
	"category" text NOT NULL,
	"subcategory" text,
	"brand" text NOT NULL,
	"price" numeric(10, 2) NOT NULL,
	"cost" numeric(10, 2) NOT NULL,
	"weight_kg" numeric(10, 3),
	"dimensions" text,
	"color" text,
	"size" text,
	"created_date" date NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product"."suppliers" (
	"supplier_id" text PRIMARY KEY NOT NULL,
	"supplier_name" text NOT NULL,
	"contact_person" text,
	"email" text,
	"phone" text,
	"address" text,
	"country" text NOT NULL,
	"payment_terms" text,
	"quality_rating" numeric(3, 1)
);
--> statement-breakpoint
CREATE TABLE "sales"."regional_sales" (
	"region_id" text NOT NULL,
	"region_name" text NOT NULL,
	"country" text NOT NULL,
	"sales_date" date NOT NULL,
	"total_revenue" numeric(10, 2) NOT NULL,
	"total_transactions" integer NOT NULL,
	"average_order_value" numeric(10, 2) NOT NULL,
	CONSTRAINT "regional_sales_region_id_sales_date_pk" PRIMARY KEY("region_id","sales_date")
);
--> statement-breakpoint
CREATE TABLE "sales"."transaction_items" (
	"item_id" text PRIMARY KEY NOT NULL,
	"transaction_id" text NOT NULL,
	"product_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" numeric(10, 2) NOT NULL,
	"line_total" numeric(10, 2) NOT NULL,
	"discount_applied" numeric(10, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales"."transactions" (
	"transaction_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"transaction_date" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"store_id" text,
	"payment_method" text NOT NULL,
	"subtotal" numeric(10, 2) NOT NULL,
	"tax_amount" numeric(10, 2) NOT NULL,
	"discount_amount" numeric(10, 2) NOT NULL,
	"total_amount" numeric(10, 2) NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer"."app_usage" ADD CONSTRAINT "app_usage_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "customer"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."loyalty_program" ADD CONSTRAINT "loyalty_program_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "customer"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer"."support_tickets" ADD CONSTRAINT "support_tickets_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "customer"."customers"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics"."shipments" ADD CONSTRAINT "shipments_origin_location_warehouse_locations_location_id_fk" FOREIGN KEY ("origin_location") REFERENCES "logistics"."warehouse_locations"("location_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics"."tracking_events" ADD CONSTRAINT "tracking_events_shipment_id_shipments_shipment_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "logistics"."shipments"("shipment_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meta"."load_run_tables" ADD CONSTRAINT "load_run_tables_run_id_load_runs_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "meta"."load_runs"("run_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product"."inventory" ADD CONSTRAINT "inventory_product_id_products_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "product"."products"("product_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product"."product_suppliers" ADD CONSTRAINT "product_suppliers_product_id_products_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "product"."products"("product_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product"."product_suppliers" ADD CONSTRAINT "product_suppliers_supplier_id_suppliers_supplier_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "product"."suppliers"("supplier_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales"."transaction_items" ADD CONSTRAINT "transaction_items_transaction_id_transactions_transaction_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "sales"."transactions"("transaction_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_events_occurred_at_idx" ON "audit"."access_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "access_events_subject_idx" ON "audit"."access_events" USING btree ("subject","occurred_at");--> statement-breakpoint
CREATE INDEX "app_usage_customer_id_idx" ON "customer"."app_usage" USING btree ("customer_id","session_start");--> statement-breakpoint
CREATE INDEX "app_usage_session_date_idx" ON "customer"."app_usage" USING btree ("session_date");--> statement-breakpoint
CREATE INDEX "customers_segment_idx" ON "customer"."customers" USING btree ("customer_segment");--> statement-breakpoint
CREATE INDEX "customers_country_idx" ON "customer"."customers" USING btree ("country");--> statement-breakpoint
CREATE INDEX "customers_registration_date_idx" ON "customer"."customers" USING btree ("registration_date");--> statement-breakpoint
CREATE INDEX "support_tickets_customer_id_idx" ON "customer"."support_tickets" USING btree ("customer_id","created_date");--> statement-breakpoint
CREATE INDEX "support_tickets_status_idx" ON "customer"."support_tickets" USING btree ("status");--> statement-breakpoint
CREATE INDEX "kpi_discover_daily_marketplace_idx" ON "cx"."kpi_discover_daily" USING btree ("marketplace","dt");--> statement-breakpoint
CREATE INDEX "kpi_fulfillment_daily_marketplace_idx" ON "cx"."kpi_fulfillment_daily" USING btree ("marketplace","dt");--> statement-breakpoint
CREATE INDEX "kpi_purchase_daily_marketplace_idx" ON "cx"."kpi_purchase_daily" USING btree ("marketplace","dt");--> statement-breakpoint
CREATE INDEX "shipments_transaction_id_idx" ON "logistics"."shipments" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "shipments_tracking_number_idx" ON "logistics"."shipments" USING btree ("tracking_number");--> statement-breakpoint
CREATE INDEX "shipments_origin_location_idx" ON "logistics"."shipments" USING btree ("origin_location");--> statement-breakpoint
CREATE INDEX "shipments_delivery_status_idx" ON "logistics"."shipments" USING btree ("delivery_status");--> statement-breakpoint
CREATE INDEX "shipments_ship_date_idx" ON "logistics"."shipments" USING btree ("ship_date");--> statement-breakpoint
CREATE INDEX "tracking_events_shipment_id_idx" ON "logistics"."tracking_events" USING btree ("shipment_id","event_timestamp");--> statement-breakpoint
CREATE INDEX "warehouse_locations_location_type_idx" ON "logistics"."warehouse_locations" USING btree ("location_type");--> statement-breakpoint
CREATE INDEX "load_run_tables_table_name_idx" ON "meta"."load_run_tables" USING btree ("table_name");--> statement-breakpoint
CREATE INDEX "quality_checks_domain_idx" ON "meta"."quality_checks" USING btree ("domain","checked_at");--> statement-breakpoint
CREATE INDEX "inventory_product_id_idx" ON "product"."inventory" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "inventory_location_id_idx" ON "product"."inventory" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "product_suppliers_supplier_id_idx" ON "product"."product_suppliers" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "product"."products" USING btree ("category");--> statement-breakpoint
CREATE INDEX "products_brand_idx" ON "product"."products" USING btree ("brand");--> statement-breakpoint
CREATE INDEX "products_status_idx" ON "product"."products" USING btree ("status");--> statement-breakpoint
CREATE INDEX "suppliers_country_idx" ON "product"."suppliers" USING btree ("country");--> statement-breakpoint
CREATE INDEX "regional_sales_sales_date_idx" ON "sales"."regional_sales" USING btree ("sales_date");--> statement-breakpoint
CREATE INDEX "regional_sales_country_idx" ON "sales"."regional_sales" USING btree ("country");--> statement-breakpoint
CREATE INDEX "transaction_items_transaction_id_idx" ON "sales"."transaction_items" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "transaction_items_product_id_idx" ON "sales"."transaction_items" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "transactions_customer_id_idx" ON "sales"."transactions" USING btree ("customer_id","transaction_date");--> statement-breakpoint
CREATE INDEX "transactions_store_id_idx" ON "sales"."transactions" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "transactions_transaction_date_idx" ON "sales"."transactions" USING btree ("transaction_date");--> statement-breakpoint
CREATE INDEX "transactions_status_idx" ON "sales"."transactions" USING btree ("status");