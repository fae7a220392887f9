import { personalData } from "@c360/auth/policy";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { piiColumns } from "../src/catalog";
import * as schema from "../src/schema";

describe("the catalogue's personal-data columns", () => {
  it("are the columns of the policy's personal fields, plus business contacts', and exist", () => {
    // Every table of the schema, not only the loaded ones: a refresh's curated rows (a customer's
    // preferences) are personal data too, and their data contract says so.
    const columns = new Set(
      Object.values(schema as Record<string, unknown>)
        .filter((t): t is PgTable => is(t, PgTable))
        .map((t) => getTableConfig(t))
        .flatMap((t) => t.columns.map((c) => `${t.schema}.${t.name}.${c.name}`)),
    );
    expect([...piiColumns].filter((c) => !columns.has(c))).toEqual([]);
    // zip_code is decided once, by the policy: a customer's personal data.
    expect(personalData.find((p) => p.type === "Customer")?.coordinates).toContain("Customer.zipCode");
    for (const column of [
      "customer.customers.zip_code",
      "customer.customers.email",
      "customer.loyalty_program.lifetime_value",
      "sales.transactions.total_amount",
      "sales.transaction_items.product_id",
      "logistics.shipments.destination_address",
      "logistics.tracking_events.location",
      "product.suppliers.contact_person",
      "insights.customer_preferences.spend",
    ])
      expect(piiColumns.has(column), column).toBe(true);
    // The ids that name a record or its customer are not: a load's errors name them.
    for (const column of ["customer.customers.customer_id", "sales.transactions.customer_id", "product.products.price"])
      expect(piiColumns.has(column), column).toBe(false);
  });
});
