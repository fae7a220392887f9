import { createHash } from "node:crypto";
import type { Database, SqlSession } from "@c360/db-client";
import { insertRows } from "@c360/db-client";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type Checkpoint, readCheckpoints } from "./checkpoints";
import { accessDocuments, accessEvents, chainCheckpoints, chains } from "./schema/audit";
import type { TrailKey } from "./trail-key";

type EventRow = typeof accessEvents.$inferSelect;
type PruneRow = typeof chainCheckpoints.$inferSelect;
type ChainRow = typeof chains.$inferSelect;

/** The fields of an event a chain hash covers: everything recorded, but the ids the database assigns. */
export type ChainedFields = Omit<EventRow, "eventId" | "hash">;

/**
 * An event's hash over its chain, the previous event's hash and every recorded field, in a fixed
 * order: editing any field of a stored event, or removing one, breaks its chain there. An event of a
 * keyed chain (`keyId`) is an HMAC under the trail's key, so that a chain recomputed over an edit by
 * someone without the key no longer verifies; `key` must be that key. Events of unkeyed chains (from
 * before keys) keep the plain SHA-256 they were written with.
 */
export function chainHash(e: ChainedFields, key?: TrailKey): string {
  if (e.keyId === "") return unkeyedHash(e);
  if (key?.id !== e.keyId)
    throw new Error(`the event is keyed with key ${e.keyId}, and ${key?.id ?? "no key"} was given`);
  return key.mac(
    JSON.stringify([
      "c360-trail-2",
      ...chainedSince(e),
      e.customerIds,
      e.customerIdsTruncated,
      e.documentStored,
      e.variables,
      e.requestId,
      e.purpose,
      e.keyId,
    ]),
  );
}

/**
 * The hash of events written before keys: SHA-256 over the fields of their time. The persons an
 * answer carried, and whether its document was stored, came after chains: they are covered whenever
 * there are any, so that events stored before them still verify.
 */
function unkeyedHash(e: ChainedFields): string {
  const persons = e.customerIds.length || e.customerIdsTruncated ? [e.customerIds, e.customerIdsTruncated] : [];
  const stored = e.documentStored ? [{ documentStored: true }] : [];
  return createHash("sha256")
    .update(JSON.stringify([...chainedSince(e), ...persons, ...stored]))
    .digest("hex");
}

/** The fields every chain has covered, in their order, since chains began. */
function chainedSince(e: ChainedFields): unknown[] {
  return [
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
  ];
}

const registrationText = (r: Omit<ChainRow, "mac">) =>
  JSON.stringify([
    "c360-chain",
    r.chain,
    r.startedAt.toISOString(),
    r.keyId,
    r.previousChain,
    r.previousEventId,
    r.previousHash,
  ]);

const pruneText = (p: Omit<PruneRow, "mac" | "prunedBefore">) =>
  JSON.stringify(["c360-prune", p.chain, p.lastEventId, p.lastHash, p.eventsPruned]);

/**
 * Registers a keyed chain before its first event, in that event's transaction: its key and the head
 * of the trail as it begins (the latest event of any chain), so that a chain removed whole is missed
 * by the chain after it.
 */
export async function registerChain(session: SqlSession, chain: string, key: TrailKey): Promise<void> {
  const [head] = await session.query<{ chain: string; id: string; hash: string }>(
    "SELECT chain, event_id::text AS id, hash FROM audit.access_events WHERE chain <> '' ORDER BY event_id DESC LIMIT 1",
  );
  const row = {
    chain,
    startedAt: new Date(),
    keyId: key.id,
    previousChain: head?.chain ?? null,
    previousEventId: head ? Number(head.id) : null,
    previousHash: head?.hash ?? null,
  };
  await insertRows(session, chains, [{ ...row, mac: key.mac(registrationText(row)) }]);
}

export interface ChainBreak {
  chain: string;
  /** The event at (or after) which the chain breaks; 0 when none of its events is left. */
  eventId: number;
  reason: string;
}

export interface TrailVerification {
  chains: number;
  events: number;
  /** Events from before chains (no hash), not verified. */
  unchained: number;
  /** Events of chains from before keys, verified with the plain hash they were written with. */
  unkeyed: number;
  /** Chains whose signed checkpoints were held against the trail. */
  checkpointed: number;
  /** The first break of each broken chain. */
  breaks: ChainBreak[];
  /** Stored documents checked against their hash (which the chained events cover). */
  documents: number;
  /** The hashes of stored documents whose text no longer has that hash (edited), at most 100. */
  alteredDocuments: string[];
  /** Events whose document was stored when they were written and is not there now (removed or re-keyed), at most 100. */
  missingDocuments: { eventId: number; documentHash: string }[];
}

export interface VerifyOptions {
  /** The trail's key: needed for keyed chains. */
  key?: TrailKey;
  /** The directory of the gateways' signed checkpoints (`C360_TRAIL_CHECKPOINTS`). */
  checkpoints?: string;
}

/** What walking one chain found: its events, its last event, and where the checkpointed head sits. */
interface Walked {
  events: number;
  lastEventId: number;
  /** The position (counting pruned events) of the event whose hash the last checkpoint names. */
  headAt?: number;
  broken: boolean;
}

/**
 * Recomputes every chain of the trail, from its prune checkpoint when it was pruned, and reports the
 * first break of each: an event whose hash no longer matches its fields (edited, or recomputed
 * without the key) or whose previous hash is not the hash of the event before it (one removed,
 * inserted or reordered); a keyed chain that is not registered, or whose registration or prune
 * checkpoint was edited; the event a chain began after, gone (a chain removed whole, or its tail);
 * and, against the gateways' signed checkpoints, a chain missing or shorter than its writer said (a
 * cut tail). Then every stored document against its hash.
 */
export async function verifyTrail(db: Database, options: VerifyOptions = {}): Promise<TrailVerification> {
  const { key } = options;
  const pruned = new Map((await db.drizzle.select().from(chainCheckpoints)).map((c) => [c.chain, c] as const));
  const registered = new Map((await db.drizzle.select().from(chains)).map((c) => [c.chain, c] as const));
  const checkpoints = options.checkpoints ? await readCheckpoints(options.checkpoints, key) : [];
  const signedHeads = new Map<string, Checkpoint>();
  for (const reading of checkpoints) if ("last" in reading) signedHeads.set(reading.chain, reading.last);
  const result: TrailVerification = {
    chains: 0,
    events: 0,
    unchained: 0,
    unkeyed: 0,
    checkpointed: 0,
    breaks: [],
    documents: 0,
    alteredDocuments: [],
    missingDocuments: [],
  };
  const brokenChains = new Set<string>();
  const broke = (b: ChainBreak) => {
    if (brokenChains.has(b.chain)) return;
    brokenChains.add(b.chain);
    result.breaks.push(b);
  };
  const walked = new Map<string, Walked>();
  const inTrail = await db.drizzle.selectDistinct({ chain: accessEvents.chain }).from(accessEvents);
  for (const { chain } of inTrail) {
    if (chain === "") {
      const [{ n } = { n: 0 }] = await db.drizzle
        .select({ n: sql<number>`count(*)::int` })
        .from(accessEvents)
        .where(eq(accessEvents.chain, ""));
      result.unchained += n;
      continue;
    }
    result.chains++;
    const keyed = registered.has(chain) || signedHeads.has(chain) || (pruned.get(chain)?.mac ?? "") !== "";
    const start = startOf(pruned.get(chain), registered.get(chain), keyed, key);
    if ("reason" in start) broke({ chain, eventId: 0, reason: start.reason });
    const walk = await walkChain(db, chain, start, keyed, key, signedHeads.get(chain)?.head, broke);
    walked.set(chain, walk);
    result.events += walk.events;
    if (!keyed) result.unkeyed += walk.events;
  }
  for (const registration of registered.values()) {
    const problem = await registrationProblem(db, registration, key, pruned, walked);
    if (problem) broke({ chain: registration.chain, eventId: 0, reason: problem });
  }
  for (const reading of checkpoints) {
    result.checkpointed++;
    if ("problem" in reading)
      broke({ chain: reading.chain, eventId: 0, reason: `its signed checkpoints: ${reading.problem}` });
    else {
      const problem = checkpointProblem(reading.last, walked.get(reading.chain), pruned.get(reading.chain));
      if (problem)
        broke({ chain: reading.chain, eventId: walked.get(reading.chain)?.lastEventId ?? 0, reason: problem });
    }
  }
  await verifyUnchained(db, result);
  await verifyDocuments(db, result);
  return result;
}

/** Where a chain's walk starts (the hash its first event kept must follow), or why it cannot. */
function startOf(
  prune: PruneRow | undefined,
  registration: ChainRow | undefined,
  keyed: boolean,
  key: TrailKey | undefined,
): { previous: string; position: number } | { reason: string } {
  if (keyed && !registration)
    return { reason: "it is keyed and not registered (audit.chains): its registration was removed" };
  if (!prune) return { previous: "", position: 0 };
  if (keyed) {
    if (!key || key.id !== registration?.keyId)
      return { reason: `it is keyed with key ${registration?.keyId}, which was not given` };
    if (key.mac(pruneText(prune)) !== prune.mac)
      return { reason: "its prune checkpoint (audit.chain_checkpoints) was edited" };
  }
  return { previous: prune.lastHash, position: prune.eventsPruned };
}

/** Walks a chain in event order, 5,000 events at a time, reporting its first break through `broke`. */
async function walkChain(
  db: Database,
  chain: string,
  start: { previous: string; position: number } | { reason: string },
  keyed: boolean,
  key: TrailKey | undefined,
  head: string | undefined,
  broke: (b: ChainBreak) => void,
): Promise<Walked> {
  const walked: Walked = { events: 0, lastEventId: 0, broken: "reason" in start };
  let previous = "reason" in start ? "" : start.previous;
  let position = "reason" in start ? 0 : start.position;
  for (;;) {
    const rows = await db.drizzle
      .select()
      .from(accessEvents)
      .where(and(eq(accessEvents.chain, chain), gt(accessEvents.eventId, walked.lastEventId)))
      .orderBy(asc(accessEvents.eventId))
      .limit(5_000);
    if (!rows.length) return walked;
    for (const row of rows) {
      walked.events++;
      walked.lastEventId = row.eventId;
      position++;
      if (walked.broken) continue;
      const reason = eventProblem(row, previous, keyed, key);
      if (reason) {
        walked.broken = true;
        broke({ chain, eventId: row.eventId, reason });
        continue;
      }
      previous = row.hash;
      if (row.hash === head) walked.headAt = position;
    }
  }
}

function eventProblem(row: EventRow, previous: string, keyed: boolean, key: TrailKey | undefined): string | undefined {
  if (keyed && row.keyId === "") return "it is unkeyed in a keyed chain (rewritten with the plain hash)";
  if (row.keyId !== "" && key?.id !== row.keyId) return `it is keyed with key ${row.keyId}, which was not given`;
  if (row.prevHash !== previous) return "its previous hash is not the hash of the event before it";
  if (chainHash(row, key) !== row.hash) return "its hash does not match its fields";
  return undefined;
}

/** What is wrong with a chain's registration: edited, or the event its chain began after gone. */
async function registrationProblem(
  db: Database,
  r: ChainRow,
  key: TrailKey | undefined,
  pruned: ReadonlyMap<string, PruneRow>,
  walked: ReadonlyMap<string, Walked>,
): Promise<string | undefined> {
  if (!key || key.id !== r.keyId) return `it is registered with key ${r.keyId}, which was not given`;
  if (key.mac(registrationText(r)) !== r.mac) return "its registration (audit.chains) was edited";
  if (!walked.has(r.chain) && !pruned.has(r.chain))
    return "it is registered and none of its events is in the trail: removed whole";
  if (r.previousChain === null || r.previousEventId === null) return undefined;
  const [before] = await db.query<{ hash: string }>(
    "SELECT hash FROM audit.access_events WHERE event_id = $1 AND chain = $2",
    [r.previousEventId, r.previousChain],
  );
  if (before?.hash === r.previousHash) return undefined;
  if (!before && (pruned.get(r.previousChain)?.lastEventId ?? 0) >= r.previousEventId) return undefined;
  return `the event the trail ended with when it began (event ${r.previousEventId} of chain ${r.previousChain}) is gone or changed: the chain before it was cut or removed`;
}

/** What is wrong with a chain against its writer's last signed checkpoint. */
function checkpointProblem(
  last: Checkpoint,
  walked: Walked | undefined,
  prune: PruneRow | undefined,
): string | undefined {
  const held = (walked?.events ?? 0) + (prune?.eventsPruned ?? 0);
  const said = `its writer signed for ${last.events} events at ${last.at}`;
  if (!walked && !prune) return `${said}, and none of them is in the trail: the chain was removed`;
  if (walked?.headAt === undefined) {
    if ((prune?.eventsPruned ?? 0) >= last.events) return undefined;
    return `${said}, and the last of them (hash ${last.head.slice(0, 12)}…) is not in the chain: its tail was cut`;
  }
  if (walked.headAt !== last.events) return `${said}, and the trail holds ${walked.headAt} up to that one`;
  if (last.closed && held > last.events)
    return `${said} when it closed the chain, and the trail holds ${held}: events were added`;
  return undefined;
}

/**
 * Events outside every chain are those from before chains, which all came first: one after the
 * first chained event (or checkpoint) was moved out of its chain, e.g. to cut a chain's end unseen.
 * Likewise unkeyed events came before keyed ones: an unkeyed event after the first keyed one was
 * rewritten with the plain hash by someone without the key.
 */
async function verifyUnchained(db: Database, result: TrailVerification): Promise<void> {
  const [found] = await db.query<{ moved: string | null; unkeyed: string | null; chain: string | null }>(
    `SELECT (SELECT min(event_id)::text FROM audit.access_events WHERE chain = '' AND event_id > least(
              (SELECT min(event_id) FROM audit.access_events WHERE chain <> ''),
              (SELECT min(last_event_id) FROM audit.chain_checkpoints))) AS moved,
            u.event_id::text AS unkeyed, u.chain
     FROM (SELECT 1) one LEFT JOIN LATERAL (
       SELECT event_id, chain FROM audit.access_events WHERE chain <> '' AND key_id = ''
         AND event_id > (SELECT min(event_id) FROM audit.access_events WHERE key_id <> '')
       ORDER BY event_id LIMIT 1) u ON true`,
  );
  if (found?.moved)
    result.breaks.push({
      chain: "",
      eventId: Number(found.moved),
      reason: "it is in no chain, though chains had begun before it (moved out of its chain)",
    });
  if (found?.unkeyed && !result.breaks.some((b) => b.chain === found.chain))
    result.breaks.push({
      chain: found.chain ?? "",
      eventId: Number(found.unkeyed),
      reason: "it is unkeyed, though keyed chains had begun before it (rewritten with the plain hash)",
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
 * events up to the last one before that instant), and records each chain's new starting point, keyed
 * for a keyed chain (so `key` is needed for those), so that the events kept still verify. In one
 * transaction.
 */
export async function pruneTrail(
  db: Database,
  before: Date,
  key?: TrailKey,
): Promise<{ chains: number; events: number }> {
  return db.transaction(async (session) => {
    const lasts = await session.query<{ chain: string; last_event_id: string; hash: string; key_id: string }>(
      `SELECT DISTINCT ON (chain) chain, event_id::text AS last_event_id, hash, key_id FROM audit.access_events
       WHERE occurred_at < $1 AND chain <> '' ORDER BY chain, event_id DESC`,
      [before.toISOString()],
    );
    let events = 0;
    for (const last of lasts) {
      if (last.key_id !== "" && key?.id !== last.key_id)
        throw new Error(
          `chain ${last.chain} is keyed with key ${last.key_id}: give that key (C360_TRAIL_KEY) to prune it`,
        );
      const deleted = await session.query<{ n: string }>(
        "WITH d AS (DELETE FROM audit.access_events WHERE chain = $1 AND event_id <= $2 RETURNING 1) SELECT count(*)::text AS n FROM d",
        [last.chain, last.last_event_id],
      );
      const n = Number(deleted[0]?.n ?? 0);
      events += n;
      const [earlier] = await session.query<{ n: string }>(
        "SELECT events_pruned::text AS n FROM audit.chain_checkpoints WHERE chain = $1",
        [last.chain],
      );
      const row = {
        chain: last.chain,
        lastEventId: Number(last.last_event_id),
        lastHash: last.hash,
        eventsPruned: Number(earlier?.n ?? 0) + n,
      };
      await session.query(
        `INSERT INTO audit.chain_checkpoints (chain, last_event_id, last_hash, pruned_before, events_pruned, mac)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (chain) DO UPDATE SET last_event_id = excluded.last_event_id, last_hash = excluded.last_hash,
           pruned_before = excluded.pruned_before, events_pruned = excluded.events_pruned, mac = excluded.mac`,
        [
          row.chain,
          row.lastEventId,
          row.lastHash,
          before.toISOString(),
          row.eventsPruned,
          last.key_id === "" ? "" : (key as TrailKey).mac(pruneText(row)),
        ],
      );
    }
    return { chains: lasts.length, events };
  });
}
