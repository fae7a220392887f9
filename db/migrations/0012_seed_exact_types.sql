-- A cast to numeric(p, s) rounds away digits beyond the scale without a word (a value too large for the
-- precision already fails the ALTER with "numeric field overflow"): stop the migration instead, naming
-- the column, so no stored ratio or mean changes on the way to the seed's type.
DO $$
DECLARE
  c record;
  lossy bigint;
BEGIN
  FOR c IN
    SELECT table_name, column_name,
           CASE WHEN column_name IN ('ces_avg', 'ces_buy_avg', 'nps_score', 'promise_accuracy_mae_hours') THEN 2 ELSE 4 END AS scale
    FROM information_schema.columns
    WHERE table_schema = 'cx' AND data_type = 'double precision'
  LOOP
    EXECUTE format(
      'SELECT count(*) FROM cx.%1$I WHERE %2$I = ''NaN''::float8 OR %2$I::numeric <> round(%2$I::numeric, %3$s)',
      c.table_name, c.column_name, c.scale
    ) INTO lossy;
    IF lossy > 0 THEN
      RAISE EXCEPTION 'cx.%.%: % rows have more than % decimal places (or NaN); fix them before migrating', c.table_name, c.column_name, lossy, c.scale;
    END IF;
  END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "cx"."kpi_discover_daily" ALTER COLUMN "dpvr" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_discover_daily" ALTER COLUMN "zrr" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_discover_daily" ALTER COLUMN "help_bounce_to_contact" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_discover_daily" ALTER COLUMN "ces_avg" SET DATA TYPE numeric(6, 2);--> statement-breakpoint
ALTER TABLE "cx"."kpi_discover_daily" ALTER COLUMN "ces_top_box_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_discover_daily" ALTER COLUMN "neg_review_share" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_discover_daily" ALTER COLUMN "explore_propensity_mean" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_discover_daily" ALTER COLUMN "explore_high_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_fulfillment_daily" ALTER COLUMN "otd_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_fulfillment_daily" ALTER COLUMN "promise_accuracy_mae_hours" SET DATA TYPE numeric(8, 2);--> statement-breakpoint
ALTER TABLE "cx"."kpi_fulfillment_daily" ALTER COLUMN "delivery_exception_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_fulfillment_daily" ALTER COLUMN "wismo_contact_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_fulfillment_daily" ALTER COLUMN "nps_score" SET DATA TYPE numeric(6, 2);--> statement-breakpoint
ALTER TABLE "cx"."kpi_fulfillment_daily" ALTER COLUMN "late_risk_mean" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_fulfillment_daily" ALTER COLUMN "late_risk_high_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "atcr" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "pcr" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "co_err_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "pay_decl_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "pm_card_share" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "pm_cod_share" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "pm_giftcard_share" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "pm_wallet_share" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "ces_buy_avg" SET DATA TYPE numeric(6, 2);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "ces_buy_topbox" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "prop_buy_mean" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "prop_buy_high_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "promo_applied_rate" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "promo_10pct_share" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "promo_bundle_share" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "cx"."kpi_purchase_daily" ALTER COLUMN "promo_free_ship_share" SET DATA TYPE numeric(8, 4);--> statement-breakpoint
ALTER TABLE "logistics"."shipments" ALTER COLUMN "weight_kg" SET DATA TYPE numeric(8, 3);--> statement-breakpoint
ALTER TABLE "logistics"."shipments" ALTER COLUMN "shipping_cost" SET DATA TYPE numeric(8, 2);--> statement-breakpoint
ALTER TABLE "product"."products" ALTER COLUMN "weight_kg" SET DATA TYPE numeric(8, 3);