import { describe, expect, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { expectEntityBatch } from "../../../test/testkit/entities";
import { viewerFor } from "../../../test/testkit/identity";
import { executeSubgraph } from "../../../test/testkit/subgraph";
import { subgraph } from "../src/schema";

const database = useSeededDatabase();

describe("sales _entities", () => {
  it("answers Transaction representations in order, null for missing, in one statement", async () => {
    const ids = (
      await database().db.query<{ id: string }>(
        "SELECT transaction_id AS id FROM sales.transactions ORDER BY 1 DESC LIMIT 300",
      )
    ).map((r) => r.id);
    await expectEntityBatch({
      definition: subgraph,
      db: database().db,
      typename: "Transaction",
      key: "id",
      ids,
      statements: 1,
    });
  });
});

describe("a customer's purchase summary beside its transactions", () => {
  const SUMMARY = "purchaseSummary { transactionCount totalSpent averageOrderValue firstPurchaseAt lastPurchaseAt }";
  const PAGE = "transactions(first: 2) { totalCount edges { node { id totalAmount status items { id lineTotal } } } }";
  const entities = (selection: string) =>
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id ${selection} } } }`;

  /** Customers of every kind: many transactions, none completed, none at all, and an unknown id. */
  async function customers(): Promise<string[]> {
    const pick = (sql: string) =>
      database()
        .db.query<{ id: string }>(sql)
        .then((rows) => rows.map((r) => r.id));
    return [
      ...(await pick("SELECT customer_id AS id FROM sales.transactions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3")),
      ...(await pick(
        "SELECT customer_id AS id FROM sales.transactions GROUP BY 1 HAVING bool_and(status <> 'completed') ORDER BY 1 LIMIT 2",
      )),
      ...(await pick(
        "SELECT customer_id AS id FROM customer.customers c WHERE NOT EXISTS (SELECT 1 FROM sales.transactions t WHERE t.customer_id = c.customer_id) ORDER BY 1 LIMIT 2",
      )),
      "CUST-UNKNOWN",
    ];
  }

  for (const [who, viewer] of [
    ["c360_admin", viewerFor("c360_admin")],
    ["c360_admin scoped to US and DE", viewerFor("c360_admin", ["US", "DE"])],
  ] as const)
    it(`reads both in one statement, with the answers of their own statements (${who})`, async () => {
      const { db } = database();
      const ids = await customers();
      expect(ids.length).toBeGreaterThan(5);
      const r = ids.map((id) => ({ __typename: "Customer", id }));
      const run = async (selection: string) => {
        const before = db.statements;
        const result = await executeSubgraph<{ _entities: Record<string, unknown>[] }>(
          subgraph,
          db,
          entities(selection),
          { r },
          viewer,
        );
        expect(result.errors).toBeUndefined();
        return { entities: result.data?._entities ?? [], statements: db.statements - before };
      };
      const summaries = await run(SUMMARY);
      const pages = await run(PAGE);
      const both = await run(`${SUMMARY} ${PAGE}`);
      expect({ summaries: summaries.statements, pages: pages.statements, both: both.statements }).toEqual({
        summaries: 1,
        pages: 1,
        both: 1,
      });
      expect(both.entities).toEqual(summaries.entities.map((summary, i) => ({ ...summary, ...pages.entities[i] })));
      expect(both.entities.map((e) => (e.purchaseSummary as { transactionCount: number }).transactionCount)).toContain(
        0,
      );
    });

  it("reads them apart when the page is filtered, or the viewer may read only the summary", async () => {
    const { db } = database();
    const r = (await customers()).map((id) => ({ __typename: "Customer", id }));
    const filtered = `${SUMMARY} transactions(first: 2, filter: { status: "completed" }) { totalCount }`;
    const statementsOf = async (selection: string, viewer = viewerFor("c360_admin")) => {
      const before = db.statements;
      const result = await executeSubgraph(subgraph, db, entities(selection), { r }, viewer);
      return { codes: (result.errors ?? []).map((e) => e.extensions?.code), statements: db.statements - before };
    };
    expect(await statementsOf(filtered)).toEqual({ codes: [], statements: 2 });
    // marketing_analyst reads summaries, not transactions: no transaction row is read for it.
    expect(await statementsOf(`${SUMMARY} ${PAGE}`, viewerFor("marketing_analyst"))).toMatchObject({ statements: 1 });
  });
});
