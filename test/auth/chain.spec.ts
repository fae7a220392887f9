import { createHash } from "node:crypto";
import { join } from "node:path";
import { importDirectory, pruneTrail, verifyTrail } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/** The access trail's hash chain: what an edit, a removal and a prune do to it. */
const fixtures = join(import.meta.dirname, "../../db/test/fixtures/mini");

let t: TestStack;
let ids: number[];
beforeAll(async () => {
  t = await startTestStack(({ db }) => importDirectory(db, fixtures));
  const token = await tokenFor("marketing_analyst", { subject: "chain-subject" });
  for (let i = 0; i < 6; i++) await t.query(`query Chain${i} { customer(id: "CUST001") { id email } }`, {}, { token });
  await t.stack.audit.flush();
  ids = (
    await t.db.query<{ id: string }>(
      "SELECT event_id::text AS id FROM audit.access_events WHERE subject = 'chain-subject' ORDER BY event_id",
    )
  ).map((r) => Number(r.id));
});
afterAll(() => t?.dispose());

describe("the trail's hash chain", () => {
  it("verifies as written: every event chained to the one before it", async () => {
    expect(ids).toHaveLength(6);
    const result = await verifyTrail(t.db);
    expect(result.breaks).toEqual([]);
    expect(result.chains).toBeGreaterThanOrEqual(1);
    expect(result.events).toBeGreaterThanOrEqual(6);
  });

  it("names the event an SQL edit changed, and verifies again once it is put back", async () => {
    const edited = ids[2] as number;
    await t.db.query("UPDATE audit.access_events SET subject = 'someone-else' WHERE event_id = $1", [edited]);
    expect((await verifyTrail(t.db)).breaks).toEqual([
      expect.objectContaining({ eventId: edited, reason: "its hash does not match its fields" }),
    ]);
    await t.db.query("UPDATE audit.access_events SET subject = 'chain-subject' WHERE event_id = $1", [edited]);
    expect((await verifyTrail(t.db)).breaks).toEqual([]);
  });

  it("names a stored document whose text was edited, and events whose document was re-keyed away; format characters verify as kept", async () => {
    const token = await tokenFor("marketing_analyst", { subject: "chain-documents" });
    await t.query('query Bidi { customer(id: "CUST001") { id } } # \u202Egpj.exe', {}, { token });
    await t.stack.audit.flush();
    const [kept] = await t.db.query<{ hash: string; document: string }>(
      `SELECT d.document_hash AS hash, d.document FROM audit.access_events e JOIN audit.access_documents d
         USING (document_hash) WHERE e.subject = 'chain-documents'`,
    );
    expect(kept?.document).toContain("\ufffdgpj.exe");
    const verified = await verifyTrail(t.db);
    expect(verified).toMatchObject({ breaks: [], alteredDocuments: [] });
    expect(verified.documents).toBeGreaterThanOrEqual(2);
    const [chained] = await t.db.query<{ hash: string; document: string }>(
      `SELECT d.document_hash AS hash, d.document FROM audit.access_events e JOIN audit.access_documents d
         USING (document_hash) WHERE e.event_id = $1`,
      [ids[1]],
    );
    const edit = (text: string) =>
      t.db.query("UPDATE audit.access_documents SET document = $1 WHERE document_hash = $2", [text, chained?.hash]);
    await edit('query Chain1 { customer(id: "CUST001") { id } }');
    expect(await verifyTrail(t.db)).toMatchObject({ breaks: [], alteredDocuments: [chained?.hash] });
    await edit(String(chained?.document));
    expect((await verifyTrail(t.db)).alteredDocuments).toEqual([]);
    // Re-keyed to other text under its own hash, it passes the first check; the events citing it miss it.
    const other = "query Other { __typename }";
    await t.db.query("UPDATE audit.access_documents SET document = $1, document_hash = $2 WHERE document_hash = $3", [
      other,
      createHash("sha256").update(other).digest("hex"),
      chained?.hash,
    ]);
    const rekeyed = await verifyTrail(t.db);
    expect(rekeyed.alteredDocuments).toEqual([]);
    expect(rekeyed.missingDocuments).toEqual([{ eventId: ids[1], documentHash: chained?.hash }]);
    await t.db.query("UPDATE audit.access_documents SET document = $1, document_hash = $2 WHERE document = $3", [
      chained?.document,
      chained?.hash,
      other,
    ]);
    expect(await verifyTrail(t.db)).toMatchObject({ breaks: [], alteredDocuments: [], missingDocuments: [] });
  });

  it("covers whose personal data an event records: clearing it is an edit", async () => {
    const care = await tokenFor("customer_care", { subject: "chain-care" });
    await t.query('query ChainCare { customer(id: "CUST003") { email } }', {}, { token: care });
    await t.stack.audit.flush();
    const [event] = await t.db.query<{ id: string; customer_ids: string[] }>(
      "SELECT event_id::text AS id, customer_ids FROM audit.access_events WHERE subject = 'chain-care'",
    );
    expect(event?.customer_ids).toEqual(["CUST003"]);
    expect((await verifyTrail(t.db)).breaks).toEqual([]);
    await t.db.query("UPDATE audit.access_events SET customer_ids = '{}' WHERE event_id = $1", [event?.id]);
    expect((await verifyTrail(t.db)).breaks).toEqual([
      expect.objectContaining({ eventId: Number(event?.id), reason: "its hash does not match its fields" }),
    ]);
    await t.db.query("UPDATE audit.access_events SET customer_ids = '{CUST003}' WHERE event_id = $1", [event?.id]);
    expect((await verifyTrail(t.db)).breaks).toEqual([]);
  });

  it("names an event moved out of its chain (a chain's end cut unseen otherwise)", async () => {
    await t.stack.audit.flush();
    const [tail] = await t.db.query<{ id: string }>("SELECT max(event_id)::text AS id FROM audit.access_events");
    const moved = Number(tail?.id);
    const chainOf = await t.db.query<{ chain: string }>("SELECT chain FROM audit.access_events WHERE event_id = $1", [
      moved,
    ]);
    await t.db.query("UPDATE audit.access_events SET chain = '' WHERE event_id = $1", [moved]);
    expect((await verifyTrail(t.db)).breaks).toEqual([
      expect.objectContaining({ chain: "", eventId: moved, reason: expect.stringContaining("moved out of its chain") }),
    ]);
    await t.db.query("UPDATE audit.access_events SET chain = $2 WHERE event_id = $1", [moved, chainOf[0]?.chain]);
    expect((await verifyTrail(t.db)).breaks).toEqual([]);
  });

  it("prunes a prefix and stays verifiable through its checkpoint; a later removal is found", async () => {
    // Everything before the fourth event goes: a prefix of the chain.
    const [cut] = await t.db.query<{ at: string }>(
      "SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS at FROM audit.access_events WHERE event_id = $1",
      [ids[3]],
    );
    const pruned = await pruneTrail(t.db, new Date(String(cut?.at)));
    expect(pruned.events).toBeGreaterThanOrEqual(1);
    expect((await verifyTrail(t.db)).breaks).toEqual([]);
    const [checkpoint] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit.chain_checkpoints");
    expect(checkpoint?.n).toBeGreaterThanOrEqual(1);
    await t.db.query("DELETE FROM audit.access_events WHERE event_id = $1", [ids[4]]);
    expect((await verifyTrail(t.db)).breaks).toEqual([
      expect.objectContaining({
        eventId: ids[5],
        reason: "its previous hash is not the hash of the event before it",
      }),
    ]);
  });
});
