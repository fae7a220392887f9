import { describe, expect, it } from "vitest";
import { ExpiringStore } from "../src/expiring";

const store = (bounds: { ttlMs: number; maxEntries: number; maxBytes: number }) => {
  const clock = { now: 0 };
  return { clock, kept: new ExpiringStore<string>({ ...bounds, now: () => clock.now }) };
};

describe("the gateway caches' store", () => {
  it("serves a value for its lifetime only, and drops the expired ones when the next is stored", () => {
    const { clock, kept } = store({ ttlMs: 1_000, maxEntries: 100, maxBytes: 1_000 });
    kept.set("a", "1", 1);
    clock.now = 500;
    kept.set("b", "2", 2);
    expect([kept.get("a"), kept.get("b")]).toEqual(["1", "2"]);
    clock.now = 1_000;
    expect([kept.get("a"), kept.get("b")]).toEqual([undefined, "2"]);
    clock.now = 1_499;
    kept.set("c", "3", 3);
    expect(kept.size).toEqual({ entries: 2, bytes: 5 });
    clock.now = 1_500;
    kept.set("d", "4", 4);
    expect(kept.size).toEqual({ entries: 2, bytes: 7 });
    expect([kept.get("b"), kept.get("c"), kept.get("d")]).toEqual([undefined, "3", "4"]);
  });

  it("replaces a key's value and lifetime, counting its bytes once", () => {
    const { clock, kept } = store({ ttlMs: 1_000, maxEntries: 100, maxBytes: 1_000 });
    kept.set("a", "old", 10);
    clock.now = 900;
    kept.set("a", "new", 20);
    expect(kept.size).toEqual({ entries: 1, bytes: 20 });
    clock.now = 1_500;
    kept.set("b", "other", 1);
    expect([kept.get("a"), kept.get("b")]).toEqual(["new", "other"]);
    expect(kept.size).toEqual({ entries: 2, bytes: 21 });
  });

  it("keeps within its count and bytes by dropping the oldest, and never keeps a value over a tenth of its bytes", () => {
    const { kept } = store({ ttlMs: 60_000, maxEntries: 3, maxBytes: 100 });
    for (const key of ["a", "b", "c", "d"]) kept.set(key, key, 1);
    expect(["a", "b", "c", "d"].map((k) => kept.get(k))).toEqual([undefined, "b", "c", "d"]);
    kept.set("big", "x", 11);
    expect(kept.get("big")).toBeUndefined();
    kept.set("e", "e", 10);
    kept.set("f", "f", 10);
    expect(kept.size).toEqual({ entries: 3, bytes: 21 });
    const { kept: small } = store({ ttlMs: 60_000, maxEntries: 100, maxBytes: 100 });
    for (let i = 0; i < 20; i++) small.set(`k${i}`, "v", 10);
    expect(small.size).toEqual({ entries: 10, bytes: 100 });
    expect(small.get("k9")).toBeUndefined();
    expect(small.get("k10")).toBe("v");
  });

  it("holds exactly the last lifetime's values through a long sliding window of stores, replaced keys among them", () => {
    const { clock, kept } = store({ ttlMs: 1_000, maxEntries: 1_000_000, maxBytes: 1_000_000 });
    for (let i = 0; i < 100_000; i++) {
      clock.now = i;
      kept.set(`k${i}`, `v${i}`, 1);
      if (i % 7 === 0) kept.set(`k${i - 500}`, `again${i}`, 1);
    }
    // Stored within the last 1,000 ms: k99000..k99999, and older keys stored again then (from
    // i = 99,500 on, the key stored again is one of those 1,000: replaced, not added).
    const again = Array.from({ length: 500 }, (_, j) => 99_000 + j).filter((i) => i % 7 === 0);
    expect(kept.size).toEqual({ entries: 1_000 + again.length, bytes: 1_000 + again.length });
    expect(kept.get("k99000")).toBe("v99000");
    expect(kept.get("k98999")).toBeUndefined();
    expect(kept.get(`k${again[0] as number}`)).toBe(`v${again[0]}`);
    expect(kept.get(`k${(again[0] as number) - 500}`)).toBe(`again${again[0]}`);
  });
});
