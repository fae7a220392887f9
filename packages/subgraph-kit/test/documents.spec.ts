import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { BYTES_PER_TOKEN, DocumentCache, documentBytes } from "../src/documents";
import { limits } from "../src/limits";

/** A document of `fields` root-level selections of `a` under `x<i>`, distinct per `i`. */
const document = (i: number, fields = 100) => `{ x${i} { ${"a ".repeat(fields)}} }`;

describe("the parsed-document cache", () => {
  it("keeps nothing it only read: a document is kept once the request is admitted", () => {
    const cache = new DocumentCache(1024 * 1024);
    const read = cache.read(document(1), limits, undefined);
    expect(read).not.toBeNull();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    expect(cache.read("{ x(", limits, undefined)).toBeNull();
    // A document a limit refuses throws, and is not kept either.
    expect(() => cache.read(`{ ${"a ".repeat(6)}}`, limits, undefined)).toThrow(/root fields/);
    expect(cache.size.entries).toBe(0);
    cache.keep(document(1), read as NonNullable<typeof read>);
    expect(cache.read(document(1), limits, undefined)).toBe(read);
    expect(cache.size).toEqual({ entries: 1, bytes: documentBytes(document(1), parse(document(1))) });
  });

  it("counts a document for its text and its tokens, and keeps at most its byte bound, the oldest going first", () => {
    // The text, twice its length (two bytes a character at most), and its 107 tokens (start and end included).
    expect(documentBytes(document(1), parse(document(1)))).toBe(document(1).length * 2 + 107 * BYTES_PER_TOKEN);
    const one = documentBytes(document(1), parse(document(1)));
    const cache = new DocumentCache(one * 10);
    for (let i = 0; i < 1_000; i++) {
      const query = document(i);
      cache.keep(query, cache.read(query, limits, undefined) as NonNullable<ReturnType<DocumentCache["read"]>>);
      expect(cache.size.bytes).toBeLessThanOrEqual(one * 10);
    }
    expect(cache.size.entries).toBeGreaterThanOrEqual(9);
    expect(cache.size.entries).toBeLessThanOrEqual(10);
    // The newest are kept; the first ones are gone.
    const latest = cache.read(document(999), limits, undefined);
    expect(cache.read(document(999), limits, undefined)).toBe(latest);
    expect(cache.read(document(0), limits, undefined)).not.toBe(cache.read(document(0), limits, undefined));
    // A document heavier than the whole bound is not kept at all.
    const small = new DocumentCache(100);
    small.keep(
      document(1),
      cache.read(document(1), limits, undefined) as NonNullable<ReturnType<DocumentCache["read"]>>,
    );
    expect(small.size).toEqual({ entries: 0, bytes: 0 });
  });
});
