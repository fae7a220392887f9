import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDirectory } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraph as sales } from "../../subgraphs/sales/src/schema";
import { createTestDatabase, type TestDatabase } from "../testkit/database";
import { executeSubgraph } from "../testkit/subgraph";

const fixtures = join(import.meta.dirname, "../../db/test/fixtures/mini");
const moneyCheck = "money sales.transactions: subtotal + tax_amount - discount_amount = total_amount";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

/** Imports the mini fixture with TXN001's total as given (98.00 is the one its money adds up to). */
async function importWithTotal(total: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "c360-load-checks-"));
  try {
    cpSync(fixtures, dir, { recursive: true });
    const file = join(dir, "sales/transactions.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(",98.00,USD", `,${total},USD`));
    await importDirectory(t.db, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function salesMoneyCheck() {
  const result = await executeSubgraph<{
    dataProducts: { sales: { qualityChecks: { name: string; status: string; violations: number }[] } };
  }>(sales, t.db, "{ dataProducts { sales { qualityChecks { name status violations } } } }");
  expect(result.errors).toBeUndefined();
  return result.data?.dataProducts.sales.qualityChecks.find((c) => c.name === moneyCheck);
}

describe("dataProducts after a load", () => {
  it("shows the checks the load ran: a failing one after a load that broke it, passing after the load that fixed it", async () => {
    expect(await salesMoneyCheck()).toBeUndefined();
    await importWithTotal("99.00");
    expect(await salesMoneyCheck()).toEqual({ name: moneyCheck, status: "fail", violations: 1 });
    await importWithTotal("98.00");
    expect(await salesMoneyCheck()).toEqual({ name: moneyCheck, status: "pass", violations: 0 });
  });
});
