import { createHash } from "node:crypto";
import { join } from "node:path";
import { loadConfig } from "@c360/config";
import {
  type ChainedFields,
  chainHash,
  importDirectory,
  pruneTrail,
  type TrailKey,
  trailKey,
  verifyTrail,
} from "@c360/db";
import { type AccessEvent, AuditTrail } from "@c360/gateway";
import type { Stack } from "@c360/platform";
import { telemetryOf } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack, type TrailSettings } from "../testkit/stack";

/** The access trail's hash chain: what an edit, a removal and a prune do to it. */
const fixtures = join(import.meta.dirname, "../../db/test/fixtures/mini");

let t: TestStack<Stack & { trail: TrailSettings }>;
let ids: number[];
let key: TrailKey;
/** The trail verified as `c360 audit verify` verifies it: with the key and the gateways' checkpoints. */
const verify = () => verifyTrail(t.db, { key, checkpoints: t.stack.trail.checkpoints });
beforeAll(async () => {
  t = await startTestStack(({ db }) => importDirectory(db, fixtures));
  key = trailKey(t.stack.trail.key);
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

/** An event as the gateway records it, for chains written here. */
const probe = (subject: string, i: number): AccessEvent => ({
  occurredAt: new Date(),
  subject,
  roles: ["auditor"],
  markets: null,
  operationName: `Probe${i}`,
  documentHash: createHash("sha256").update(`probe ${i}`).digest("hex"),
  coordinates: [],
  denied: [],
  outcome: "ok",
  status: 200,
  codes: [],
  policyVersion: "v",
  customerIds: [`CUST00${i}`],
  customerIdsTruncated: false,
  variables: JSON.stringify({ id: `CUST00${i}` }),
  requestId: `${subject}-${i}`,
  purpose: "audit test",
});

/** Writes a chain of `n` events for `subject` as a gateway would, closed (its writer stopped) or running. */
async function writeChain(subject: string, n: number, closed: boolean) {
  const log = telemetryOf("gateway", { ...loadConfig(), logLevel: "silent" }).log;
  const trail = new AuditTrail(t.db, log, { key, checkpoints: t.stack.trail.checkpoints, flushMs: 60_000 });
  for (let i = 0; i < n; i++) trail.record(probe(subject, i));
  if (closed) await trail.stop();
  else await trail.flush();
  const rows = await t.db.query<{ id: string; chain: string }>(
    "SELECT event_id::text AS id, chain FROM audit.access_events WHERE subject = $1 ORDER BY event_id",
    [subject],
  );
  return { trail, chain: rows[0]?.chain as string, ids: rows.map((r) => Number(r.id)) };
}

/** Runs `check` with the events `where` selects (ids only: a literal list) removed, then puts them back. */
async function without(where: string, check: () => Promise<void>, table = "access_events") {
  await t.db.query(`CREATE TABLE audit.kept_${table} AS SELECT * FROM audit.${table} WHERE ${where}`);
  await t.db.query(`DELETE FROM audit.${table} WHERE ${where}`);
  try {
    await check();
  } finally {
    await t.db.query(`INSERT INTO audit.${table} SELECT * FROM audit.kept_${table}`);
    await t.db.query(`DROP TABLE audit.kept_${table}`);
  }
}

const breaksOf = async (chain: string) => (await verify()).breaks.filter((b) => b.chain === chain);

describe("a keyed trail against someone who can write its tables", () => {
  let closed: Awaited<ReturnType<typeof writeChain>>;
  let running: Awaited<ReturnType<typeof writeChain>>;
  beforeAll(async () => {
    closed = await writeChain("keyed-closed", 5, true);
    running = await writeChain("keyed-running", 5, false);
  });
  afterAll(() => running?.trail.stop());

  it("verifies as written, every event keyed, each chain held to its signed checkpoints", async () => {
    const result = await verify();
    expect(result.breaks).toEqual([]);
    expect(result.checkpointed).toBeGreaterThanOrEqual(3);
    const keys = await t.db.query<{ key_id: string }>("SELECT DISTINCT key_id FROM audit.access_events");
    expect(keys).toEqual([{ key_id: key.id }]);
    const [event] = await t.db.query<{ variables: string; request_id: string; purpose: string }>(
      "SELECT variables, request_id, purpose FROM audit.access_events WHERE event_id = $1",
      [closed.ids[1]],
    );
    expect(event).toEqual({ variables: '{"id":"CUST001"}', request_id: "keyed-closed-1", purpose: "audit test" });
  });

  it("names a cut tail of a running chain, once its events were written", async () => {
    await without(`event_id IN (${running.ids.slice(3).join(",")})`, async () => {
      expect(await breaksOf(running.chain)).toEqual([
        { chain: running.chain, eventId: running.ids[2], reason: expect.stringContaining("its tail was cut") },
      ]);
    });
    expect(await breaksOf(running.chain)).toEqual([]);
  });

  it("names a cut tail of a closed chain", async () => {
    await without(`event_id = ${closed.ids[4]}`, async () => {
      expect(await breaksOf(closed.chain)).toEqual([
        { chain: closed.chain, eventId: closed.ids[3], reason: expect.stringContaining("its tail was cut") },
      ]);
    });
  });

  it("names a chain deleted whole: by its checkpoints, its registration, and the chain after it", async () => {
    await without(`event_id IN (${closed.ids.join(",")})`, async () => {
      expect(await breaksOf(closed.chain)).toEqual([
        { chain: closed.chain, eventId: 0, reason: expect.stringContaining("removed") },
      ]);
      // Without the checkpoints, its registration and the chain begun after it still tell; without
      // its registration, that chain alone.
      const gone = expect.stringContaining(`(event ${closed.ids[4]} of chain ${closed.chain}) is gone`);
      expect((await verifyTrail(t.db, { key })).breaks).toEqual([
        {
          chain: closed.chain,
          eventId: 0,
          reason: "it is registered and none of its events is in the trail: removed whole",
        },
        { chain: running.chain, eventId: 0, reason: gone },
      ]);
      await without(
        `chain = '${closed.chain}'`,
        async () => {
          expect((await verifyTrail(t.db, { key })).breaks).toEqual([
            { chain: running.chain, eventId: 0, reason: gone },
          ]);
        },
        "chains",
      );
    });
    expect((await verify()).breaks).toEqual([]);
  });

  it("names an event inserted into a chain and events reordered", async () => {
    const [last] = await t.db.query<{ hash: string }>("SELECT hash FROM audit.access_events WHERE event_id = $1", [
      closed.ids[4],
    ]);
    await t.db.query(
      `INSERT INTO audit.access_events (occurred_at, subject, roles, document_hash, coordinates, denied, outcome, chain, prev_hash, hash, key_id)
       VALUES (now(), 'keyed-closed', '{auditor}', 'x', '{}', '{}', 'ok', $1, $2, $3, $4)`,
      [closed.chain, last?.hash, "f".repeat(64), key.id],
    );
    const [inserted] = await t.db.query<{ id: string }>("SELECT max(event_id)::text AS id FROM audit.access_events");
    expect(await breaksOf(closed.chain)).toEqual([
      { chain: closed.chain, eventId: Number(inserted?.id), reason: "its hash does not match its fields" },
    ]);
    await t.db.query("DELETE FROM audit.access_events WHERE event_id = $1", [inserted?.id]);
    const [a, b] = [closed.ids[1] as number, closed.ids[2] as number];
    const swap = async () => {
      await t.db.query("UPDATE audit.access_events SET event_id = -1 WHERE event_id = $1", [a]);
      await t.db.query("UPDATE audit.access_events SET event_id = $1 WHERE event_id = $2", [a, b]);
      await t.db.query("UPDATE audit.access_events SET event_id = $1 WHERE event_id = -1", [b]);
    };
    await swap();
    expect(await breaksOf(closed.chain)).toEqual([
      { chain: closed.chain, eventId: a, reason: "its previous hash is not the hash of the event before it" },
    ]);
    await swap();
    expect(await breaksOf(closed.chain)).toEqual([]);
  });

  it("names an edit whose chain was recomputed without the key: by a guessed key, or by the plain hash", async () => {
    const guessed: TrailKey = { id: key.id, mac: (text) => createHash("sha256").update(`guess${text}`).digest("hex") };
    const recompute = async (keyOf: (row: ChainedFields) => TrailKey | undefined, keyId: string) => {
      const rows = await t.db.query<Record<string, unknown>>(
        "SELECT * FROM audit.access_events WHERE chain = $1 ORDER BY event_id",
        [running.chain],
      );
      let prev = "";
      for (const raw of rows) {
        const row = toFields(raw, keyId, prev);
        if (row.subject === "keyed-running" && row.operationName === "Probe2") row.subject = "someone-else";
        prev = chainHash(row, keyOf(row));
        await t.db.query(
          "UPDATE audit.access_events SET subject = $1, prev_hash = $2, hash = $3, key_id = $4 WHERE event_id = $5",
          [row.subject, row.prevHash, prev, keyId, raw.event_id],
        );
      }
    };
    await without(`chain = '${running.chain}'`, async () => {
      await t.db.query(`INSERT INTO audit.access_events SELECT * FROM audit.kept_access_events`);
      await recompute(() => guessed, key.id);
      expect(await breaksOf(running.chain)).toEqual([
        { chain: running.chain, eventId: running.ids[0], reason: "its hash does not match its fields" },
      ]);
      await recompute(() => undefined, "");
      expect(await breaksOf(running.chain)).toEqual([
        { chain: running.chain, eventId: running.ids[0], reason: expect.stringContaining("unkeyed in a keyed chain") },
      ]);
      await t.db.query(`DELETE FROM audit.access_events WHERE chain = '${running.chain}'`);
    });
    expect((await verify()).breaks).toEqual([]);
  });
});

/** A stored event's row as the chain hash reads it, re-keyed to `keyId` after `prevHash`. */
function toFields(raw: Record<string, unknown>, keyId: string, prevHash: string): ChainedFields {
  return {
    occurredAt: new Date(raw.occurred_at as string),
    subject: raw.subject as string,
    roles: raw.roles as string[],
    markets: raw.markets as string[] | null,
    operationName: raw.operation_name as string,
    documentHash: raw.document_hash as string,
    coordinates: raw.coordinates as string[],
    denied: raw.denied as string[],
    outcome: raw.outcome as string,
    status: raw.status as number,
    codes: raw.codes as string[],
    policyVersion: raw.policy_version as string,
    customerIds: raw.customer_ids as string[],
    customerIdsTruncated: raw.customer_ids_truncated as boolean,
    documentStored: raw.document_stored as boolean,
    variables: raw.variables as string | null,
    requestId: raw.request_id as string | null,
    purpose: raw.purpose as string | null,
    chain: raw.chain as string,
    prevHash,
    keyId,
  };
}

describe("the trail's hash chain", () => {
  it("verifies as written: every event chained to the one before it", async () => {
    expect(ids).toHaveLength(6);
    const result = await verify();
    expect(result.breaks).toEqual([]);
    expect(result.chains).toBeGreaterThanOrEqual(1);
    expect(result.events).toBeGreaterThanOrEqual(6);
  });

  it("names the event an SQL edit changed, and verifies again once it is put back", async () => {
    const edited = ids[2] as number;
    await t.db.query("UPDATE audit.access_events SET subject = 'someone-else' WHERE event_id = $1", [edited]);
    expect((await verify()).breaks).toEqual([
      expect.objectContaining({ eventId: edited, reason: "its hash does not match its fields" }),
    ]);
    await t.db.query("UPDATE audit.access_events SET subject = 'chain-subject' WHERE event_id = $1", [edited]);
    expect((await verify()).breaks).toEqual([]);
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
    const verified = await verify();
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
    expect(await verify()).toMatchObject({ breaks: [], alteredDocuments: [chained?.hash] });
    await edit(String(chained?.document));
    expect((await verify()).alteredDocuments).toEqual([]);
    // Re-keyed to other text under its own hash, it passes the first check; the events citing it miss it.
    const other = "query Other { __typename }";
    await t.db.query("UPDATE audit.access_documents SET document = $1, document_hash = $2 WHERE document_hash = $3", [
      other,
      createHash("sha256").update(other).digest("hex"),
      chained?.hash,
    ]);
    const rekeyed = await verify();
    expect(rekeyed.alteredDocuments).toEqual([]);
    expect(rekeyed.missingDocuments).toEqual([{ eventId: ids[1], documentHash: chained?.hash }]);
    await t.db.query("UPDATE audit.access_documents SET document = $1, document_hash = $2 WHERE document = $3", [
      chained?.document,
      chained?.hash,
      other,
    ]);
    expect(await verify()).toMatchObject({ breaks: [], alteredDocuments: [], missingDocuments: [] });
  });

  it("covers whose personal data an event records: clearing it is an edit", async () => {
    const care = await tokenFor("customer_care", { subject: "chain-care" });
    await t.query('query ChainCare { customer(id: "CUST003") { email } }', {}, { token: care });
    await t.stack.audit.flush();
    const [event] = await t.db.query<{ id: string; customer_ids: string[] }>(
      "SELECT event_id::text AS id, customer_ids FROM audit.access_events WHERE subject = 'chain-care'",
    );
    expect(event?.customer_ids).toEqual(["CUST003"]);
    expect((await verify()).breaks).toEqual([]);
    await t.db.query("UPDATE audit.access_events SET customer_ids = '{}' WHERE event_id = $1", [event?.id]);
    expect((await verify()).breaks).toEqual([
      expect.objectContaining({ eventId: Number(event?.id), reason: "its hash does not match its fields" }),
    ]);
    await t.db.query("UPDATE audit.access_events SET customer_ids = '{CUST003}' WHERE event_id = $1", [event?.id]);
    expect((await verify()).breaks).toEqual([]);
  });

  it("names an event moved out of its chain (a chain's end cut unseen otherwise)", async () => {
    await t.stack.audit.flush();
    const [tail] = await t.db.query<{ id: string }>("SELECT max(event_id)::text AS id FROM audit.access_events");
    const moved = Number(tail?.id);
    const chainOf = await t.db.query<{ chain: string }>("SELECT chain FROM audit.access_events WHERE event_id = $1", [
      moved,
    ]);
    await t.db.query("UPDATE audit.access_events SET chain = '' WHERE event_id = $1", [moved]);
    // The chain's signed checkpoint names the moved event as its head: the chain itself is cut too.
    expect((await verify()).breaks).toEqual([
      expect.objectContaining({ chain: chainOf[0]?.chain, reason: expect.stringContaining("its tail was cut") }),
      expect.objectContaining({ chain: "", eventId: moved, reason: expect.stringContaining("moved out of its chain") }),
    ]);
    await t.db.query("UPDATE audit.access_events SET chain = $2 WHERE event_id = $1", [moved, chainOf[0]?.chain]);
    expect((await verify()).breaks).toEqual([]);
  });

  it("prunes a prefix and stays verifiable through its checkpoint; a later removal is found", async () => {
    // Everything before the fourth event goes: a prefix of the chain.
    const [cut] = await t.db.query<{ at: string }>(
      "SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS at FROM audit.access_events WHERE event_id = $1",
      [ids[3]],
    );
    const pruned = await pruneTrail(t.db, new Date(String(cut?.at)), key);
    expect(pruned.events).toBeGreaterThanOrEqual(1);
    expect((await verify()).breaks).toEqual([]);
    const [checkpoint] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit.chain_checkpoints");
    expect(checkpoint?.n).toBeGreaterThanOrEqual(1);
    await t.db.query("DELETE FROM audit.access_events WHERE event_id = $1", [ids[4]]);
    expect((await verify()).breaks).toEqual([
      expect.objectContaining({
        eventId: ids[5],
        reason: "its previous hash is not the hash of the event before it",
      }),
    ]);
  });
});
