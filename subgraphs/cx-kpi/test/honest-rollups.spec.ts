import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importDirectory } from "@c360/db";
import { Kind, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { executeSubgraph } from "../../../test/testkit/subgraph";
import { subgraph } from "../src/schema";

/** Every rollup of the reference exports (../shared/data/cx_analytics), through the subgraph. */
const reference = join(import.meta.dirname, "../../../../shared/data");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importDirectory(t.db, reference);
});
afterAll(() => t?.dispose());

async function rows(query: string): Promise<Record<string, unknown>[]> {
  const result = await executeSubgraph<Record<string, Record<string, unknown>[]>>(subgraph, t.db, query);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0] ?? [];
}

/** The fields of each rollup type whose name says they are a proportion of one cohort. */
const proportions = (() => {
  const sdl = parse(readFileSync(join(import.meta.dirname, "../schema.graphql"), "utf8"));
  const fields = new Map<string, string[]>();
  for (const d of sdl.definitions)
    if (d.kind === Kind.OBJECT_TYPE_DEFINITION)
      fields.set(
        d.name.value,
        (d.fields ?? []).map((f) => f.name.value).filter((name) => /(Rate|Share)$/.test(name)),
      );
  return fields;
})();

const rollups = {
  discoverKpis: "DiscoverKpi",
  purchaseKpis: "PurchaseKpi",
  fulfillmentKpis: "FulfillmentKpi",
  funnel: "FunnelPeriod",
} as const;

describe("rates and shares of the reference exports", () => {
  const grains = ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "TOTAL"];
  it.each(Object.entries(rollups))("%s: every ...Rate and ...Share in [0, 1] at every grain", async (root, type) => {
    const fields = proportions.get(type) ?? [];
    expect(fields.length).toBeGreaterThan(0);
    const outside: string[] = [];
    for (const grain of grains)
      for (const groupBy of ["[MARKETPLACE, PRIME_FLAG]", "[]"]) {
        const query = `{ ${root}(filter: { from: "2025-04-01", to: "2025-08-26" }, grain: ${grain}, groupBy: ${groupBy}) {
          periodStart marketplace primeFlag ${fields.join(" ")} } }`;
        for (const row of await rows(query))
          for (const f of fields) {
            const v = row[f] as number | null;
            if (v !== null && !(v >= 0 && v <= 1))
              outside.push(`${grain} ${row.periodStart} ${row.marketplace}/${row.primeFlag} ${f}=${v}`);
          }
      }
    expect(outside).toEqual([]);
  });
});

describe("periods cut by the filter's range", () => {
  const span = (r: Record<string, unknown>) => [r.periodStart, r.periodEnd, r.days, r.complete];

  it("WEEK: a week starting before `from` or ending after `to` covers fewer days and is incomplete", async () => {
    const weeks =
      await rows(`{ discoverKpis(filter: { from: "2025-04-02", to: "2025-04-30" }, grain: WEEK, groupBy: []) {
      periodStart periodEnd days complete } }`);
    expect(weeks.map(span)).toEqual([
      ["2025-03-31", "2025-04-06", 5, false],
      ["2025-04-07", "2025-04-13", 7, true],
      ["2025-04-14", "2025-04-20", 7, true],
      ["2025-04-21", "2025-04-27", 7, true],
      ["2025-04-28", "2025-05-04", 3, false],
    ]);
  });

  it("MONTH and TOTAL, on the funnel too", async () => {
    const months = await rows(`{ funnel(filter: { from: "2025-04-15", to: "2025-06-10" }, grain: MONTH, groupBy: []) {
      periodStart periodEnd days complete } }`);
    expect(months.map(span)).toEqual([
      ["2025-04-01", "2025-04-30", 16, false],
      ["2025-05-01", "2025-05-31", 31, true],
      ["2025-06-01", "2025-06-30", 10, false],
    ]);
    const total =
      await rows(`{ purchaseKpis(filter: { from: "2025-04-15", to: "2025-06-10" }, grain: TOTAL, groupBy: []) {
      periodStart periodEnd days complete } }`);
    expect(total.map(span)).toEqual([["2025-04-15", "2025-06-10", 57, true]]);
  });
});
