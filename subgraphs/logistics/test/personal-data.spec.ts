import { describe, expect, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { viewerFor } from "../../../test/testkit/identity";
import { executeSubgraph } from "../../../test/testkit/subgraph";
import { subgraph } from "../src/schema";

const database = useSeededDatabase();

type Shipment = { id: string; customerId: string | null; destinationAddress: string | null };
type Page = { shipments: { edges: { node: Shipment }[] } };
const list = "{ shipments(first: 100) { edges { node { id customerId destinationAddress } } } }";

/** The persons an answer reports it carried personal data of. */
const reported = (extensions: Record<string, unknown> | undefined) =>
  ((extensions?.personalData as { keys: string[] } | undefined)?.keys ?? []).sort();

/** The buyers whose address an answer carries. */
const addressed = (page: Page | null | undefined) =>
  new Set(page?.shipments.edges.flatMap(({ node }) => (node.destinationAddress ? [node.customerId] : [])));

describe("a shipment's destination address, its buyer's personal data", () => {
  it("names the buyer of its transaction", async () => {
    const wrong = await database().db.query(
      `SELECT s.shipment_id FROM logistics.shipments s JOIN sales.transactions t USING (transaction_id)
        WHERE s.customer_id IS DISTINCT FROM t.customer_id`,
    );
    expect(wrong).toEqual([]);
  });

  it("is noted as the buyer's, and customer care reads at most 20 buyers' addresses per answer", async () => {
    const ops = await executeSubgraph<Page>(subgraph, database().db, list, {}, viewerFor("logistics_ops"));
    expect(ops.errors).toBeUndefined();
    const everyone = addressed(ops.data);
    expect(everyone.size).toBeGreaterThan(20);
    expect(reported(ops.extensions)).toEqual([...everyone].sort());

    const care = await executeSubgraph<Page>(subgraph, database().db, list, {}, viewerFor("customer_care"));
    const answered = addressed(care.data);
    expect(answered.size).toBe(20);
    expect(reported(care.extensions)).toEqual([...answered].sort());
    const refused = care.data?.shipments.edges.filter(({ node }) => !answered.has(node.customerId)) ?? [];
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every(({ node }) => node.destinationAddress === null)).toBe(true);
    expect(new Set(care.errors?.map((e) => [e.extensions?.code, e.extensions?.coordinate].join(" ")))).toEqual(
      new Set(["FORBIDDEN Shipment.destinationAddress"]),
    );
  });

  it("whose buyer is not known is refused to customer care, and found by every customer id for the others", async () => {
    const { db } = database();
    const [orphan] = await db.query<{ id: string; customer: string }>(
      "SELECT shipment_id AS id, customer_id AS customer FROM logistics.shipments ORDER BY 1 LIMIT 1",
    );
    const one = `{ shipment(id: "${orphan?.id}") { id destinationAddress } }`;
    type One = { shipment: { destinationAddress: string | null } | null };
    await db.query("UPDATE logistics.shipments SET customer_id = NULL WHERE shipment_id = $1", [orphan?.id]);
    try {
      const care = await executeSubgraph<One>(subgraph, db, one, {}, viewerFor("customer_care"));
      expect(care.data?.shipment?.destinationAddress).toBeNull();
      expect(care.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      const ops = await executeSubgraph<One>(subgraph, db, one, {}, viewerFor("logistics_ops"));
      expect(ops.data?.shipment?.destinationAddress).toBeTruthy();
      expect(ops.extensions?.personalData).toEqual({ keys: [], truncated: true });
    } finally {
      await db.query("UPDATE logistics.shipments SET customer_id = $2 WHERE shipment_id = $1", [
        orphan?.id,
        orphan?.customer,
      ]);
    }
  });
});
