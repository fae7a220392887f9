import { createHash, randomUUID } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { policyVersion, requestedFields, type Viewer } from "@c360/auth";
import { type Config, ConfigError } from "@c360/config";
import { CheckpointLog, chainHash, registerChain, type TrailKey, trailKey } from "@c360/db";
import { accessDocuments, accessEvents } from "@c360/db/schema";
import { type Database, insertRows } from "@c360/db-client";
import { type Logger, metrics, printable } from "@c360/observability";
import { describeError, MAX_PERSONS, type PersonsReport, type RequestEnd } from "@c360/subgraph-kit";
import type { DocumentNode, GraphQLSchema } from "graphql";

export type AccessOutcome = "ok" | "denied" | "invalid" | "unauthenticated" | "limited" | "error";

/** One request through the gateway, as the access trail keeps it. */
export interface AccessEvent {
  occurredAt: Date;
  subject: string | null;
  /** The roles the token claimed, known to the policy or not. */
  roles: string[];
  markets: string[] | null;
  operationName: string | null;
  /** SHA-256 of the document's text as the trail keeps it (`documentText`), hex. */
  documentHash: string;
  coordinates: string[];
  denied: string[];
  outcome: AccessOutcome;
  /** The HTTP status answered (0: the connection ended before an answer). */
  status: number;
  /** The distinct error codes of the response. */
  codes: string[];
  /** The access policy's version in force. */
  policyVersion: string;
  /** Whose personal data the answer carried (customer ids, at most MAX_PERSONS), and whether there were more. */
  customerIds: string[];
  customerIdsTruncated: boolean;
  /** The request's variables as the trail keeps them (`variablesOfTrail`); null when none, or not run. */
  variables: string | null;
  /** The request's id, as its log lines name it. */
  requestId: string;
  /** Why the request read, as the client said it (`x-c360-purpose`). */
  purpose: string | null;
  /**
   * The document's text as the trail keeps it (`documentText`, whose hash `documentHash` is), when the
   * request's token was verified: stored once per hash, beside the events.
   */
  document?: string | null;
}

export interface AuditStats {
  /**
   * Statements sent through the database handle (failed ones included), as `Database.statements`
   * counts them: the first write, in a transaction with the chain's registration, is counted by neither.
   */
  statements: number;
  written: number;
  pending: number;
  failures: number;
  dropped: number;
  /** Events the database refused on their own (a data error), after the rest of their batch was written. */
  rejected: number;
  /** Document texts not kept because too many distinct ones were waiting (their events are kept). */
  documentsDropped: number;
}

/** Bounds of what one event may hold: nothing a client sends is stored unbounded. */
const MAX_DOCUMENT = 64 * 1024;
const MAX_PENDING_DOCUMENTS = 1_000;
const MAX_REMEMBERED_DOCUMENTS = 50_000;
const MAX_TEXT = 256;
const MAX_LIST = 64;
const MAX_COORDINATES = 1_000;

const printableList = (values: readonly string[], max: number) => {
  const kept = values.slice(0, max).map((v) => printable(v, 128));
  return values.length > max ? [...kept, `…[+${values.length - max} more]`] : kept;
};

/**
 * A document's text as the trail keeps it: NUL, control characters other than line breaks and tabs,
 * and format characters (bidi overrides, zero-width ones) replaced, at most MAX_DOCUMENT characters,
 * a longer one cut with a note of what was left out.
 */
export function documentText(source: string): string {
  const clean = source
    .slice(0, MAX_DOCUMENT)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cf}/gu, "\ufffd");
  return source.length > MAX_DOCUMENT ? `${clean}\n# …[+${source.length - MAX_DOCUMENT} characters]` : clean;
}

/** The event made safe to store: every text bounded and printable, every list bounded. */
function bounded(event: AccessEvent): AccessEvent {
  return {
    ...event,
    subject: event.subject === null ? null : printable(event.subject, MAX_TEXT),
    roles: printableList(event.roles, MAX_LIST),
    markets: event.markets === null ? null : printableList(event.markets, MAX_LIST),
    operationName: event.operationName === null ? null : printable(event.operationName, MAX_TEXT),
    coordinates: printableList(event.coordinates, MAX_COORDINATES),
    denied: printableList(event.denied, MAX_COORDINATES),
    codes: printableList([...new Set(event.codes)], MAX_LIST),
    requestId: printable(event.requestId, MAX_TEXT),
  };
}

/** A data error (SQLSTATE class 22 or 23) is about the rows written, not about the database. */
const isDataError = (error: unknown) => {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^2[23]/.test(code)) return true;
  }
  return false;
};

/**
 * The access trail writer: events are bounded and queued on the request path and written in
 * batches off it (every `flushMs`, or at once when a batch is full), one INSERT per batch of the
 * Drizzle table's columns, its rows one JSON parameter (`insertRows`). A write the database cannot
 * take now (down, table missing) is logged and counted, and the batch stays queued for the next
 * try, so nothing is lost while the database comes back; only past `maxPending` queued events are
 * the oldest dropped (and counted). A batch refused for its data is written event by event, so one
 * bad event never holds back the others.
 */
export class AuditTrail {
  private queue: AccessEvent[] = [];
  /**
   * This writer's hash chain: its own name (one chain per gateway process, so that concurrent
   * gateways never interleave a chain) and the hash of the last event it stored.
   */
  private readonly chain = randomUUID();
  private lastHash = "";
  /** Events this chain holds; whether it is registered (with its first events). */
  private length = 0;
  private registered = false;
  private readonly checkpoints: CheckpointLog | undefined;
  /** Documents waiting to be written, by hash (one copy each), and the hashes already written. */
  private readonly documents = new Map<string, string>();
  private readonly written = new Set<string>();
  private writing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  readonly stats: AuditStats = {
    statements: 0,
    written: 0,
    pending: 0,
    failures: 0,
    dropped: 0,
    rejected: 0,
    documentsDropped: 0,
  };

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly options: {
      /** The trail's key: every chain is keyed with it. */
      key: TrailKey;
      /** Where this writer appends a signed checkpoint after every write (none kept when absent). */
      checkpoints?: string;
      flushMs?: number;
      batchSize?: number;
      maxPending?: number;
    },
  ) {
    this.checkpoints = options.checkpoints
      ? new CheckpointLog(options.checkpoints, this.chain, options.key)
      : undefined;
    this.timer = setInterval(() => void this.flush(), options.flushMs ?? 200);
    this.timer.unref();
  }

  record({ document, ...event }: AccessEvent): void {
    if (
      typeof document === "string" &&
      !this.written.has(event.documentHash) &&
      !this.documents.has(event.documentHash)
    ) {
      if (this.documents.size < MAX_PENDING_DOCUMENTS) this.documents.set(event.documentHash, document);
      else this.stats.documentsDropped++;
    }
    this.queue.push(bounded(event));
    const overflow = this.queue.length - (this.options.maxPending ?? 100_000);
    if (overflow > 0) {
      this.queue.splice(0, overflow);
      this.stats.dropped += overflow;
      metrics.auditDropped.inc(overflow);
    }
    this.stats.pending = this.queue.length;
    metrics.auditBacklog.set(this.queue.length);
    if (this.queue.length >= (this.options.batchSize ?? 500)) void this.flush();
  }

  /** Writes everything queued so far (one write at a time); resolves when done or when a write failed. */
  flush(): Promise<void> {
    this.writing ??= this.drain().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  /**
   * Inserts `events` chained after the last event stored (each row's hash, keyed, covers the previous
   * one's), the first ones with the chain's registration; the chain moves on only once the insert
   * succeeded, so an event refused is never a link. Each notes whether its document is stored
   * (documents are written first), so its removal can be told later. Then the chain's new length and
   * head are signed outside the database.
   */
  private async insert(events: AccessEvent[]) {
    const { key } = this.options;
    let prevHash = this.lastHash;
    const rows = events.map((event) => {
      const documentStored = this.written.has(event.documentHash);
      const fields = { ...event, documentStored, chain: this.chain, prevHash, keyId: key.id };
      prevHash = chainHash(fields, key);
      return { ...fields, hash: prevHash };
    });
    if (this.registered) {
      this.stats.statements++;
      await insertRows(this.db, accessEvents, rows);
    } else
      await this.db.transaction(async (session) => {
        await registerChain(session, this.chain, key);
        await insertRows(session, accessEvents, rows);
      });
    this.registered = true;
    this.lastHash = prevHash;
    this.length += rows.length;
    await this.checkpoint(false);
  }

  /**
   * Signs the chain's length and head outside the database. A checkpoint that cannot be written is
   * logged and counted; the next write signs a later one.
   */
  private async checkpoint(closed: boolean) {
    if (!this.checkpoints || !this.length) return;
    try {
      await this.checkpoints.append(this.length, this.lastHash, closed);
    } catch (error) {
      metrics.auditFailures.inc();
      this.log.error({ err: describeError(error) }, "access trail: a signed checkpoint was not written");
    }
  }

  /**
   * Writes `documents` (once per hash; a hash already stored is left as it is). When the database
   * refuses them for their data, they are written one by one and those refused are set aside and
   * counted; false, with the documents kept for the next try, when the database itself failed.
   */
  private async writeDocuments(documents = [...this.documents]): Promise<boolean> {
    try {
      this.stats.statements++;
      await this.db.drizzle
        .insert(accessDocuments)
        .values(documents.map(([documentHash, document]) => ({ documentHash, document, firstSeenAt: new Date() })))
        .onConflictDoNothing();
    } catch (error) {
      if (isDataError(error) && documents.length > 1) {
        for (const document of documents) if (!(await this.writeDocuments([document]))) return false;
        return true;
      }
      this.stats.failures++;
      metrics.auditFailures.inc();
      if (!isDataError(error)) {
        this.log.error(
          { err: describeError(error) },
          "access trail: documents not written, kept for the next try; their events are written",
        );
        return false;
      }
      for (const [hash] of documents) this.documents.delete(hash);
      this.stats.documentsDropped += documents.length;
      this.log.error(
        { err: describeError(error) },
        "access trail: a document was refused for its data and set aside; its events are written",
      );
      return true;
    }
    if (this.written.size + documents.length > MAX_REMEMBERED_DOCUMENTS) this.written.clear();
    for (const [hash] of documents) {
      this.documents.delete(hash);
      this.written.add(hash);
    }
    return true;
  }

  /**
   * Writes until nothing is waiting, documents before the events that cite them. Events and
   * documents recorded while a write is under way are taken by the next turn of the loop, so a
   * `flush()` that joins a write already started still returns only once they are stored. Documents
   * are the text beside the events: when the database fails to take them, the events are still written
   * and the documents kept for the next flush.
   */
  private async drain(): Promise<void> {
    let documentsFailed = false;
    while (this.queue.length || (this.documents.size && !documentsFailed)) {
      if (this.documents.size && !documentsFailed) documentsFailed = !(await this.writeDocuments());
      if (!this.queue.length) continue;
      const batch = this.queue.slice(0, this.options.batchSize ?? 500);
      try {
        await this.insert(batch);
        this.taken(batch.length, batch.length);
      } catch (error) {
        if (!isDataError(error) || !(await this.writeOneByOne(batch))) {
          this.stats.failures++;
          metrics.auditFailures.inc();
          this.log.error(
            { events: batch.length, err: describeError(error) },
            "access trail: write failed; the events stay queued for the next try",
          );
          return;
        }
      }
    }
  }

  /** The first `count` queued events are done with, `written` of them stored. */
  private taken(count: number, written: number): void {
    this.queue.splice(0, count);
    this.stats.written += written;
    this.stats.pending = this.queue.length;
    metrics.auditBacklog.set(this.queue.length);
  }

  /**
   * Writes `batch` (the head of the queue) event by event, setting aside and counting those refused
   * for their data; false, with the rest still queued, when the database itself failed.
   */
  private async writeOneByOne(batch: AccessEvent[]): Promise<boolean> {
    for (const event of batch) {
      try {
        await this.insert([event]);
        this.taken(1, 1);
      } catch (error) {
        if (!isDataError(error)) return false;
        this.taken(1, 0);
        this.stats.rejected++;
        this.log.error(
          { occurredAt: event.occurredAt.toISOString(), err: describeError(error) },
          "access trail: an event was refused for its data and set aside",
        );
      }
    }
    return true;
  }

  /** Writes what is queued and closes the chain with a last signed checkpoint. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    await this.checkpoint(true);
  }
}

/**
 * The trail writer of a gateway run with `config`: keyed with the trail's key, signing its checkpoints
 * where the configuration says. A production gateway needs both, given (never the development key).
 */
export function auditTrailFor(db: Database, log: Logger, config: Config): AuditTrail {
  const missing = [
    ...(config.trail.keyGiven ? [] : ["C360_TRAIL_KEY: required by the gateway in production"]),
    ...(config.trail.checkpoints ? [] : ["C360_TRAIL_CHECKPOINTS: required by the gateway in production"]),
  ];
  if (config.production && missing.length) throw new ConfigError(missing);
  return new AuditTrail(db, log, {
    key: trailKey(config.trail.key),
    ...(config.trail.checkpoints ? { checkpoints: config.trail.checkpoints } : {}),
  });
}

export const hashDocument = (source: unknown) =>
  createHash("sha256")
    .update(typeof source === "string" ? source : "")
    .digest("hex");

/**
 * What the trail notes on a request Apollo ran: the coordinates it selected (by the audit plugin) and
 * whose personal data the subgraphs' answers carried (as each subgraph reports it).
 */
export interface RequestAccess {
  coordinates: string[];
  customerIds: string[];
  customerIdsTruncated: boolean;
  /** The request's variables as the trail keeps them (`variablesOfTrail`). */
  variables: string | null;
}

/**
 * Adds the persons a subgraph's answer reports (`extensions.personalData`) to the request's, keeping at
 * most MAX_PERSONS, each id printable and bounded; a report of another shape is ignored.
 */
export function notePersons(access: RequestAccess, report: unknown): void {
  if (typeof report !== "object" || report === null) return;
  const { keys, truncated } = report as Partial<Record<keyof PersonsReport, unknown>>;
  if (truncated === true) access.customerIdsTruncated = true;
  if (!Array.isArray(keys)) return;
  const ids = new Set(access.customerIds);
  for (const key of keys) {
    if (typeof key !== "string") continue;
    const id = printable(key, 128);
    if (ids.size < MAX_PERSONS) ids.add(id);
    else if (!ids.has(id)) access.customerIdsTruncated = true;
  }
  access.customerIds = [...ids];
}

/**
 * What the gateway keeps per request: the verified viewer, the token to forward, the request's id
 * (sent on to every subgraph), and what the trail notes (an object made with the context: Apollo
 * hands plugins a shallow copy of the context).
 */
export interface GatewayContext {
  authorization: string;
  viewer: Viewer;
  requestId: string;
  /** Why the request reads, as the client said it (`x-c360-purpose`, checked); null when it said nothing. */
  purpose: string | null;
  access: RequestAccess;
}

/** The context of a request whose token was verified. */
export const gatewayContext = (
  authorization: string,
  viewer: Viewer,
  requestId: string,
  purpose: string | null = null,
): GatewayContext => ({
  authorization,
  viewer,
  requestId,
  purpose,
  access: { coordinates: [], customerIds: [], customerIdsTruncated: false, variables: null },
});

/** The outcome of a request from its status and codes. */
export function outcomeOf(status: number, codes: readonly string[]): AccessOutcome {
  if (status === 401) return "unauthenticated";
  if (status === 429) return "limited";
  if (status === 0 || status >= 500) return "error";
  if (status >= 400) return "invalid";
  if (!codes.length) return "ok";
  if (codes.every((c) => c === "FORBIDDEN")) return "denied";
  if (codes.some((c) => ["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_USER_INPUT"].includes(c)))
    return "invalid";
  return "error";
}

/** The access event of a request that ended, however it ended (refused before Apollo, or answered by it). */
export function accessEventOf(end: RequestEnd<GatewayContext>): AccessEvent {
  const viewer = end.context?.viewer;
  const codes = [...new Set(end.codes)];
  // The hash is of the text kept, so `c360 audit verify` can tell a stored document was edited.
  const text = documentText(typeof end.query === "string" ? end.query : "");
  return {
    occurredAt: new Date(),
    subject: viewer?.subject ?? null,
    roles: viewer ? [...viewer.claimedRoles] : [],
    markets: viewer?.markets ? [...viewer.markets] : null,
    operationName: typeof end.operationName === "string" ? end.operationName : null,
    documentHash: hashDocument(text),
    coordinates: end.context?.access.coordinates ?? [],
    denied: [...new Set(end.denied)].sort(),
    outcome: outcomeOf(end.status, codes),
    status: end.status,
    codes,
    // The text only of a request whose token was verified (it passed the document limits first):
    // anyone can send text, and the trail keeps of an anonymous one only its hash.
    document: end.context && typeof end.query === "string" ? text : null,
    policyVersion,
    customerIds: [...(end.context?.access.customerIds ?? [])].sort(),
    customerIdsTruncated: end.context?.access.customerIdsTruncated ?? false,
    variables: end.context?.access.variables ?? null,
    requestId: end.requestId,
    purpose: end.context?.purpose ?? null,
  };
}

/**
 * The coordinates a document selects (through aliases and fragments), sorted, for the access trail:
 * worked out once per parsed document (Apollo hands every request of one document text the same one,
 * and so does the HTTP layer), not per request.
 */
export function documentCoordinates(apiSchema: GraphQLSchema): (document: DocumentNode) => string[] {
  const known = new WeakMap<DocumentNode, string[]>();
  return (document) => {
    let coordinates = known.get(document);
    if (!coordinates) {
      coordinates = [...new Set(requestedFields(apiSchema, document).map((f) => f.coordinate))].sort();
      known.set(document, coordinates);
    }
    return coordinates;
  };
}

/** Notes on a request's trail what it runs: the coordinates it selects, its variables as the trail keeps them. */
export type NoteRequest = (access: RequestAccess, document: DocumentNode, variables: unknown) => void;

export function requestNotes(
  coordinatesOf: (document: DocumentNode) => string[],
  variablesOf: (document: DocumentNode, variables: unknown) => string | null,
): NoteRequest {
  return (access, document, variables) => {
    access.coordinates = coordinatesOf(document);
    access.variables = variablesOf(document, variables);
  };
}

/**
 * Notes on the request's context what an operation Apollo Server runs reads (`NoteRequest`); the
 * HTTP layer reports the answer's codes and denied coordinates. (The requests the HTTP layer runs
 * itself are noted in the gateway's `DirectExecution`.)
 */
export function auditPlugin(note: NoteRequest): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue: { access } }) {
      return {
        async didResolveOperation({ document, request }) {
          note(access, document, request.variables);
        },
      };
    },
  };
}
