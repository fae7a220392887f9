CREATE SCHEMA "insights";
--> statement-breakpoint
CREATE TABLE "insights"."customer_preferences" (
	"customer_id" text NOT NULL,
	"marketplace" text,
	"dimension" text NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"spend" numeric(14, 2) NOT NULL,
	"transactions" integer NOT NULL,
	CONSTRAINT "customer_preferences_key" UNIQUE NULLS NOT DISTINCT("customer_id","dimension","marketplace","name")
);
--> statement-breakpoint
CREATE TABLE "insights"."market_transactions" (
	"marketplace" text,
	"transactions" integer NOT NULL,
	CONSTRAINT "market_transactions_key" UNIQUE NULLS NOT DISTINCT("marketplace")
);
--> statement-breakpoint
CREATE TABLE "insights"."product_pairs" (
	"product_id" text NOT NULL,
	"other_product_id" text NOT NULL,
	"marketplace" text,
	"transactions" integer NOT NULL,
	CONSTRAINT "product_pairs_key" UNIQUE NULLS NOT DISTINCT("product_id","marketplace","other_product_id")
);
--> statement-breakpoint
CREATE TABLE "insights"."product_transactions" (
	"product_id" text NOT NULL,
	"marketplace" text,
	"transactions" integer NOT NULL,
	CONSTRAINT "product_transactions_key" UNIQUE NULLS NOT DISTINCT("product_id","marketplace")
);
