import { createHash } from "node:crypto";
import type { Database } from "@c360/db-client";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { accessDocuments, accessEvents, chainCheckpoints } from "./schema/audit";

type EventRow = typeof accessEvents.$inferSelect;

/** The fields of an event a chain hash covers: everything recorded, but the ids the database assigns. */
export type ChainedFields = Omit<EventRow, "eventId" | "hash">;

/**
 * An event's hash: SHA-256 over its chain, the previous event's hash and every recorded field, in a
 * fixed order. Editing any field of a stored event, or removing one, breaks its chain there. The
 * persons an answer carried, and whether its document was stored, came after chains: they are covered
 * whenever there are any (it was), so that events stored before them still verify, and setting or
 * clearing them on a stored event breaks it.
 */
export function chainHash(e: ChainedFields): string {
  const persons = e.customerIds.length || e.customerIdsTruncated ? [e.customerIds, e.customerIdsTruncated] : [];
  const stored = e.documentStored ? [{ documentStored: true }] : [];
  return createHash("sha256")
    .update(
      JSON.stringify([
        e.chain,
        e.prevHash,
        e.occurredAt.toISOString(),
        e.subject,
        e.roles,
        e.markets,
        e.operationName,
        e.documentHash,
        e.coordinates,
        e.denied,
        e.outcome,
        e.status,
        e.codes,
        e.policyVersion,
        ...persons,
        ...stored,
      ]),
    )
    .digest("hex");
}

export interface ChainBreak {
  chain: string;
  eventId: number;
  reason: string;
}

export interface TrailVerification {
  chains: number;
  events: number;
  /** Events from before chains (no hash), not verified. */
  unchained: number;
  /** The first break of each broken chain. */
  breaks: ChainBreak[];
  /** Stored documents checked against their hash (which the chained events cover). */
  documents: number;
  /** The hashes of stored documents whose text no longer has that hash (edited), at most 100. */
  alteredDocuments: string[];
  /** Events whose document was stored when they were written and is not there now (removed or re-keyed), at most 100. */
  missingDocuments: { eventId: number; documentHash: string }[];
}

/**
 * Recomputes every chain of the trail, from its checkpoint when it was pruned, and reports the first
 * break of each: an event whose hash no longer matches its fields (edited) or whose previous hash is
 * not the hash of the event before it (one removed or inserted); and every stored document whose text
 * no longer has its hash.
 */
export async function verifyTrail(db: Database): Promise<TrailVerification> {
  const checkpoints = new Map(
    (await db.drizzle.select().from(chainCheckpoints)).map((c) => [c.chain, c.lastHash] as const),
  );
  const result: TrailVerification = {
    chains: 0,
    events: 0,
    unchained: 0,
    breaks: [],
    documents: 0,
    alteredDocuments: [],
    missingDocuments: [],
  };
  const chains = await db.drizzle.selectDistinct({ chain: accessEvents.chain }).from(accessEvents);
  for (const { chain } of chains) {
    if (chain === "") {
      const [{ n } = { n: 0 }] = await db.drizzle
        .select({ n: sql<number>`count(*)::int` })
        .from(accessEvents)
        .where(eq(accessEvents.chain, ""));
      result.unchained += n;
      continue;
    }
    result.chains++;
    let previous = checkpoints.get(chain) ?? "";
    let after = 0;
    // Page through the chain in event order, 5,000 events at a time.
    for (;;) {
      const rows = await db.drizzle
        .select()
        .from(accessEvents)
        .where(and(eq(accessEvents.chain, chain), gt(accessEvents.eventId, after)))
        .orderBy(asc(accessEvents.eventId))
        .limit(5_000);
      if (!rows.length) break;
      let broken: ChainBreak | undefined;
      for (const row of rows) {
        result.events++;
        if (row.prevHash !== previous)
          broken = { chain, eventId: row.eventId, reason: "its previous hash is not the hash of the event before it" };
        else if (chainHash(row) !== row.hash)
          broken = { chain, eventId: row.eventId, reason: "its hash does not match its fields" };
        if (broken) break;
        previous = row.hash;
      }
      if (broken) {
        result.breaks.push(broken);
        break;
      }
      after = rows.at(-1)?.eventId ?? after;
    }
  }
  await verifyUnchained(db, result);
  await verifyDocuments(db, result);
  return result;
}

/**
 * Events outside every chain are those from before chains, which all came first: one after the
 * first chained event (or checkpoint) was moved out of its chain, e.g. to cut a chain's end unseen.
 */
async function verifyUnchained(db: Database, result: TrailVerification): Promise<void> {
  const [moved] = await db.query<{ event_id: string | null }>(
    `SELECT min(event_id)::text AS event_id FROM audit.access_events WHERE chain = '' AND event_id > least(
       (SELECT min(event_id) FROM audit.access_events WHERE chain <> ''),
       (SELECT min(last_event_id) FROM audit.chain_checkpoints))`,
  );
  if (moved?.event_id)
    result.breaks.push({
      chain: "",
      eventId: Number(moved.event_id),
      reason: "it is in no chain, though chains had begun before it (moved out of its chain)",
    });
}

/**
 * Checks every stored document against its key, the SHA-256 of its text, which the events citing it
 * cover: a document edited in place no longer has its hash; and every event whose document was stored
 * against the documents kept: one removed, or re-keyed to pass the first check, is missing.
 */
async function verifyDocuments(db: Database, result: TrailVerification): Promise<void> {
  result.missingDocuments = (
    await db.query<{ event_id: string; document_hash: string }>(
      `SELECT e.event_id::text, e.document_hash FROM audit.access_events e
       WHERE e.document_stored AND NOT EXISTS (SELECT 1 FROM audit.access_documents d WHERE d.document_hash = e.document_hash)
       ORDER BY e.event_id LIMIT 100`,
    )
  ).map((r) => ({ eventId: Number(r.event_id), documentHash: r.document_hash }));
  let after = "";
  for (;;) {
    const rows = await db.drizzle
      .select({ documentHash: accessDocuments.documentHash, document: accessDocuments.document })
      .from(accessDocuments)
      .where(gt(accessDocuments.documentHash, after))
      .orderBy(asc(accessDocuments.documentHash))
      .limit(1_000);
    for (const { documentHash, document } of rows) {
      result.documents++;
      if (createHash("sha256").update(document).digest("hex") !== documentHash && result.alteredDocuments.length < 100)
        result.alteredDocuments.push(documentHash);
    }
    const last = rows.at(-1);
    if (!last) return;
    after = last.documentHash;
  }
}

/**
 * Removes the events that occurred before `before`, chain by chain, as a prefix of each chain (the
 * events up to the last one before that instant), and records each chain's new starting point, so
 * that the events kept still verify. In one transaction.
 */
export async function pruneTrail(db: Database, before: Date): Promise<{ chains: number; events: number }> {
  return db.transaction(async (session) => {
    const lasts = await session.query<{ chain: string; last_event_id: string; n: string }>(
      `SELECT chain, max(event_id)::text AS last_event_id, count(*)::text AS n FROM audit.access_events
       WHERE occurred_at < $1 AND chain <> '' GROUP BY chain`,
      [before.toISOString()],
    );
    let events = 0;
    for (const last of lasts) {
      const [row] = await session.query<{ hash: string }>("SELECT hash FROM audit.access_events WHERE event_id = $1", [
        last.last_event_id,
      ]);
      const deleted = await session.query<{ n: string }>(
        "WITH d AS (DELETE FROM audit.access_events WHERE chain = $1 AND event_id <= $2 RETURNING 1) SELECT count(*)::text AS n FROM d",
        [last.chain, last.last_event_id],
      );
      const n = Number(deleted[0]?.n ?? 0);
      events += n;
      await session.query(
        `INSERT INTO audit.chain_checkpoints (chain, last_event_id, last_hash, pruned_before, events_pruned)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (chain) DO UPDATE SET last_event_id = excluded.last_event_id, last_hash = excluded.last_hash,
           pruned_before = excluded.pruned_before,
           events_pruned = audit.chain_checkpoints.events_pruned + excluded.events_pruned`,
        [last.chain, last.last_event_id, row?.hash ?? "", before.toISOString(), n],
      );
    }
    return { chains: lasts.length, events };
  });
}
