import type { Viewer } from "@c360/auth";

/** Variables with their object keys sorted, so that two clients' spellings of one request share a key. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * What a caller's answers may be shared by: the policy's roles it holds and its markets, never its
 * name (users of one scope share answers, users of two never do).
 */
export function identityScope(viewer: Viewer): unknown {
  return [[...viewer.roles].sort(), viewer.markets === null ? null : [...viewer.markets].sort()];
}

export interface ExpiringBounds {
  /** How long a value is kept, in ms (one lifetime for all). */
  ttlMs: number;
  maxEntries: number;
  /** The most bytes of values kept in all (a single value over a tenth of it is not kept). */
  maxBytes: number;
  now?: () => number;
}

/**
 * Values kept for `ttlMs` within a count and a byte bound: the gateway's caches. Entries are kept in
 * the order they expire; storing one first drops every expired one, then the oldest while over the
 * bounds, so memory holds the values of the last `ttlMs`, not the bounds' worth of values nobody
 * may be served any more.
 */
export class ExpiringStore<V> {
  private readonly entries = new Map<string, { value: V; expires: number; bytes: number }>();
  private bytes = 0;

  constructor(private readonly bounds: ExpiringBounds) {}

  now(): number {
    return (this.bounds.now ?? Date.now)();
  }

  /** The value kept under `key`, unless it has expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.value;
    this.forget(key);
    return undefined;
  }

  set(key: string, value: V, bytes: number): void {
    if (bytes > this.bounds.maxBytes / 10) return;
    this.forget(key);
    const now = this.now();
    for (const [oldest, kept] of this.entries) {
      if (kept.expires > now) break;
      this.forget(oldest);
    }
    this.entries.set(key, { value, expires: now + this.bounds.ttlMs, bytes });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.bounds.maxEntries && this.bytes <= this.bounds.maxBytes) break;
      this.forget(oldest);
    }
  }

  /** How many values are kept, and their bytes. */
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
