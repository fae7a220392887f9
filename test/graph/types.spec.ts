import { recordTables, seed } from "@c360/db";
import { apiSchemaOf, supergraphSdl } from "@c360/supergraph";
import { getTableConfig } from "drizzle-orm/pg-core";
import { getNamedType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * The graph's types follow the seed's (ARCHITECTURE.md §2): an exact DECIMAL column (money, weights,
 * ratings) is a `Decimal`, a BIGINT count a `BigInt`, never a Float or an Int that would round or
 * overflow. The CX tables' NUMERIC(8,4) ratios and NUMERIC(6,2)/(8,2) means stay `Float`: a rollup
 * recomputes them from summed counts, so they are not the column's stored value at any grain but DAY.
 */
const schema = apiSchemaOf(supergraphSdl());

/** `Type.field` with its graph type, for every numeric or bigint column of a record type's table that the graph answers. */
function exactColumns(): { coordinate: string; column: string; graphType: string }[] {
  return Object.entries(recordTables).flatMap(([typeName, table]) => {
    const type = schema.getType(typeName);
    if (!table || !isObjectType(type)) return [];
    const { schema: domain, name, columns } = getTableConfig(table);
    return columns
      .filter((c) => c.columnType === "PgNumeric" || c.columnType.startsWith("PgBigInt"))
      .flatMap((c) => {
        const field = type.getFields()[c.name.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase())];
        return field
          ? [
              {
                coordinate: `${typeName}.${field.name}`,
                column: `${domain}.${name}.${c.name}:${c.columnType === "PgNumeric" ? "numeric" : "bigint"}`,
                graphType: getNamedType(field.type).name,
              },
            ]
          : [];
      });
  });
}

describe("the graph's types follow the seed's", () => {
  it("answers every DECIMAL column as Decimal and every BIGINT count as BigInt; KPI ratios and means as Float", () => {
    const found = exactColumns();
    const expected = (column: string) =>
      column.endsWith(":bigint") ? "BigInt" : column.startsWith("cx.") ? "Float" : "Decimal";
    expect(found.filter((f) => f.graphType !== expected(f.column))).toEqual([]);
    // Every money column of the seed is among them (a renamed field would escape the check).
    expect(found.filter((f) => f.graphType === "Decimal").map((f) => f.coordinate)).toEqual(
      expect.arrayContaining([
        "Loyalty.lifetimeValue",
        "Transaction.subtotal",
        "Transaction.taxAmount",
        "Transaction.discountAmount",
        "Transaction.totalAmount",
        "TransactionItem.unitPrice",
        "TransactionItem.lineTotal",
        "TransactionItem.discountApplied",
        "RegionalSales.totalRevenue",
        "RegionalSales.averageOrderValue",
        "Product.price",
        "Product.cost",
        "Product.weightKg",
        "Supplier.qualityRating",
        "ProductSupplier.costPrice",
        "Shipment.weightKg",
        "Shipment.shippingCost",
      ]),
    );
  });
});

describe("Decimal through the gateway", () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  });
  afterAll(() => t.dispose());

  it("answers amounts with their column's scale, an empty sum included", async () => {
    const [row] = (await t.db.query(
      "SELECT transaction_id AS id, total_amount::text AS total FROM sales.transactions WHERE total_amount::text LIKE '%0' ORDER BY 1 LIMIT 1",
    )) as [{ id: string; total: string }];
    const [buyer] = (await t.db.query(
      "SELECT customer_id AS id FROM customer.customers WHERE customer_id NOT IN (SELECT customer_id FROM sales.transactions WHERE status = 'completed') ORDER BY 1 LIMIT 1",
    )) as [{ id: string }];
    expect(
      await t.query(
        `query ($id: ID!, $buyer: ID!) { transaction(id: $id) { totalAmount }
          customer(id: $buyer) { purchaseSummary { totalSpent averageOrderValue } }
          salesSummary(filter: { from: "1999-01-01", to: "1999-01-31" }) { transactionCount totalAmount } }`,
        { id: row.id, buyer: buyer.id },
      ),
    ).toEqual({
      data: {
        transaction: { totalAmount: row.total },
        customer: { purchaseSummary: { totalSpent: "0.00", averageOrderValue: null } },
        salesSummary: [{ transactionCount: 0, totalAmount: "0.00" }],
      },
    });
  });

  it("refuses a Decimal that is no plain decimal string with BAD_USER_INPUT, as a literal and as a variable", async () => {
    const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.map((e) => e.extensions?.code);
    for (const bad of ["", "NaN", "Infinity", "1e5", "1".repeat(13), "0.0001", "__proto__", "constructor"]) {
      const literal = await t.query(
        `{ products(first: 1, filter: { minPrice: ${JSON.stringify(bad)} }) { totalCount } }`,
      );
      const variable = await t.query(
        "query ($f: TransactionFilter) { transactions(first: 1, filter: $f) { totalCount } }",
        { f: { minTotal: bad } },
      );
      expect({ bad, literal: codes(literal), variable: codes(variable) }).toEqual({
        bad,
        literal: ["BAD_USER_INPUT"],
        variable: ["BAD_USER_INPUT"],
      });
    }
    for (const number of ["12.5", "12"]) {
      const literal = await t.query(`{ products(first: 1, filter: { minPrice: ${number} }) { totalCount } }`);
      expect({ number, codes: codes(literal) }).toEqual({ number, codes: ["BAD_USER_INPUT"] });
    }
  });
});
