import { createHash } from "node:crypto";
import { policyVersion } from "@c360/auth";
import type { Answer, AnswerCache, CacheableRequest } from "@c360/subgraph-kit";
import type { GatewayContext, RequestAccess } from "./audit";

/** Variables with their object keys sorted, so that two clients' spellings of one request share a key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

interface Entry {
  answer: Answer;
  /** What the access trail keeps of the request that computed it (a hit is recorded the same). */
  access: RequestAccess;
  expires: number;
  bytes: number;
}

export interface ResponseCacheOptions {
  /** How long an answer is kept, in ms. */
  ttlMs: number;
  maxEntries: number;
  /** The most bytes of answers kept in all (a single answer over a tenth of it is not kept). */
  maxBytes: number;
  /** The data's version (the latest load): answers of another version are never served. */
  dataVersion(): number;
  now?: () => number;
}

/**
 * Answers of the gateway kept for a short while for requests that repeat (dashboards do), and
 * requests in flight shared by identical ones. The key is the caller's identity scope (the policy's
 * roles it holds and its markets, never its name: users of one scope share answers), the policy's
 * version, the data's version, the document, its variables and operation name. Only complete,
 * error-free answers are kept. Every request, a hit included, still passes the limits, the token
 * check and the subject's share before it gets here, and still leaves its event in the trail.
 */
export class ResponseCache implements AnswerCache<GatewayContext> {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry | undefined>>();
  private readonly resolvers = new Map<string, (entry: Entry | undefined) => void>();
  private bytes = 0;
  readonly stats = { hits: 0, misses: 0, shared: 0 };

  constructor(private readonly options: ResponseCacheOptions) {}

  private keyOf({ viewer }: GatewayContext, request: CacheableRequest): string {
    const scope = [[...viewer.roles].sort(), viewer.markets === null ? null : [...viewer.markets].sort()];
    return createHash("sha256")
      .update(
        JSON.stringify([
          scope,
          policyVersion,
          this.options.dataVersion(),
          request.query,
          canonical(request.variables),
          request.operationName,
        ]),
      )
      .digest("hex");
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }

  async lookup(context: GatewayContext, request: CacheableRequest): Promise<{ key?: string; answer?: Answer }> {
    const key = this.keyOf(context, request);
    const entry = this.entries.get(key);
    if (entry && entry.expires > this.now()) return this.hit(context, entry, "hits");
    if (entry) this.forget(key);
    const running = this.pending.get(key);
    if (running) {
      const shared = await running;
      if (shared) return this.hit(context, shared, "shared");
      return {};
    }
    this.stats.misses++;
    this.pending.set(key, new Promise((resolve) => this.resolvers.set(key, resolve)));
    return { key };
  }

  settle(key: string, answer: Answer | undefined, context: GatewayContext): void {
    const keep = answer && answer.status === 200 && answer.codes.length === 0;
    const entry = keep
      ? {
          answer,
          access: { ...context.access },
          expires: this.now() + this.options.ttlMs,
          bytes: answer.body.length,
        }
      : undefined;
    if (entry && entry.bytes <= this.options.maxBytes / 10) this.store(key, entry);
    this.resolvers.get(key)?.(entry);
    this.resolvers.delete(key);
    this.pending.delete(key);
  }

  private hit(context: GatewayContext, entry: Entry, kind: "hits" | "shared") {
    this.stats[kind]++;
    Object.assign(context.access, entry.access);
    return { answer: entry.answer };
  }

  /**
   * Keeps `entry`, after dropping every expired one (entries are kept in the order they expire: one
   * lifetime for all), then the oldest while over the bounds: memory holds the answers of the last
   * `ttlMs`, not the bounds' worth of answers nobody may be served any more.
   */
  private store(key: string, entry: Entry) {
    this.forget(key);
    const now = this.now();
    for (const [oldest, kept] of this.entries) {
      if (kept.expires > now) break;
      this.forget(oldest);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.forget(oldest);
    }
  }

  /** How many answers are kept, and their bytes. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private forget(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}
