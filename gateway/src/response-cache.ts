import { createHash } from "node:crypto";
import { policyVersion } from "@c360/auth";
import { metrics } from "@c360/observability";
import type { Answer, AnswerCache, CacheableRequest } from "@c360/subgraph-kit";
import type { GatewayContext, RequestAccess } from "./audit";
import { canonical, type ExpiringBounds, ExpiringStore, identityScope } from "./expiring";

interface Entry {
  answer: Answer;
  /** What the access trail keeps of the request that computed it (a hit is recorded the same). */
  access: RequestAccess;
}

export interface ResponseCacheOptions extends ExpiringBounds {
  /** The data's version (the latest load): answers of another version are never served. */
  dataVersion(): number;
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
  private readonly entries: ExpiringStore<Entry>;
  private readonly pending = new Map<string, Promise<Entry | undefined>>();
  private readonly resolvers = new Map<string, (entry: Entry | undefined) => void>();
  readonly stats = { hits: 0, misses: 0, shared: 0 };

  constructor(private readonly options: ResponseCacheOptions) {
    this.entries = new ExpiringStore(options);
  }

  private keyOf({ viewer }: GatewayContext, request: CacheableRequest): string {
    return createHash("sha256")
      .update(
        JSON.stringify([
          identityScope(viewer),
          policyVersion,
          this.options.dataVersion(),
          request.query,
          canonical(request.variables),
          request.operationName,
        ]),
      )
      .digest("hex");
  }

  async lookup(context: GatewayContext, request: CacheableRequest): Promise<{ key?: string; answer?: Answer }> {
    const key = this.keyOf(context, request);
    const entry = this.entries.get(key);
    if (entry) return this.hit(context, entry, "hits");
    const running = this.pending.get(key);
    if (running) {
      const shared = await running;
      if (shared) return this.hit(context, shared, "shared");
      return {};
    }
    this.count("misses");
    this.pending.set(key, new Promise((resolve) => this.resolvers.set(key, resolve)));
    return { key };
  }

  settle(key: string, answer: Answer | undefined, context: GatewayContext): void {
    const keep = answer && answer.status === 200 && answer.codes.length === 0;
    const entry = keep ? { answer, access: { ...context.access } } : undefined;
    if (entry) this.entries.set(key, entry, entry.answer.body.length);
    this.resolvers.get(key)?.(entry);
    this.resolvers.delete(key);
    this.pending.delete(key);
  }

  private hit(context: GatewayContext, entry: Entry, kind: "hits" | "shared") {
    this.count(kind);
    Object.assign(context.access, entry.access);
    return { answer: entry.answer };
  }

  private count(outcome: "hits" | "misses" | "shared") {
    this.stats[outcome]++;
    metrics.cacheLookups.inc({
      cache: "response",
      outcome: { hits: "hit", misses: "miss", shared: "shared" }[outcome],
    });
  }

  /** How many answers are kept, and their bytes. */
  get size(): { entries: number; bytes: number } {
    return this.entries.size;
  }
}
