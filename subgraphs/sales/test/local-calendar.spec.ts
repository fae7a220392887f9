import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { insertLocalTimeTransactions } from "../../../test/testkit/local-time";
import { executeSubgraph } from "../../../test/testkit/subgraph";
import { subgraph } from "../src/schema";

const database = useSeededDatabase();
beforeAll(() => insertLocalTimeTransactions(database().db));

const ROW = "marketplace month periodEnd days complete transactionCount totalAmount";

async function summary(args: string) {
  const reply = await executeSubgraph<{ salesSummary: unknown[] }>(
    subgraph,
    database().db,
    `{ salesSummary(${args}) { ${ROW} } }`,
  );
  expect(reply.errors).toBeUndefined();
  return reply.data?.salesSummary;
}

const row = (marketplace: string, month: string, periodEnd: string, days: number, complete: boolean, n: number) => ({
  marketplace,
  month,
  periodEnd,
  days,
  complete,
  transactionCount: n,
  totalAmount: `${n}0.00`,
});

describe("salesSummary by month on the UTC and the market's calendar", () => {
  it("counts a New York evening in the local month it took place in, and a Berlin night in April", async () => {
    const groups = 'filter: { channel: "kiosk" }, groupBy: [MARKETPLACE, MONTH]';
    expect(await summary(groups)).toEqual([
      row("DE", "2024-03-01", "2024-03-31", 31, true, 1),
      row("US", "2024-03-01", "2024-03-31", 31, true, 3),
    ]);
    expect(await summary(`${groups}, timeZone: MARKET`)).toEqual([
      row("DE", "2024-04-01", "2024-04-30", 30, true, 1),
      row("US", "2024-02-01", "2024-02-29", 29, true, 1),
      row("US", "2024-03-01", "2024-03-31", 31, true, 2),
    ]);
  });

  it("keeps the filter's days on the same calendar, and says which months the range cuts", async () => {
    const groups = 'filter: { channel: "kiosk", from: "2024-03-10", to: "2024-04-15" }, groupBy: [MARKETPLACE, MONTH]';
    expect(await summary(groups)).toEqual([
      row("DE", "2024-03-01", "2024-03-31", 22, false, 1),
      row("US", "2024-03-01", "2024-03-31", 22, false, 2),
    ]);
    expect(await summary(`${groups}, timeZone: MARKET`)).toEqual([
      row("DE", "2024-04-01", "2024-04-30", 15, false, 1),
      row("US", "2024-03-01", "2024-03-31", 22, false, 1),
    ]);
  });

  it("gives no period without a MONTH grouping", async () => {
    const none = { month: null, periodEnd: null, days: null, complete: null };
    expect(await summary('filter: { channel: "kiosk" }, groupBy: [MARKETPLACE], timeZone: MARKET')).toEqual([
      { marketplace: "DE", ...none, transactionCount: 1, totalAmount: "10.00" },
      { marketplace: "US", ...none, transactionCount: 3, totalAmount: "30.00" },
    ]);
  });
});
