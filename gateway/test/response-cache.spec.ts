import type { Viewer } from "@c360/auth";
import { describe, expect, it } from "vitest";
import { type GatewayContext, gatewayContext } from "../src/audit";
import { ResponseCache } from "../src/response-cache";

const viewer = { subject: "u", roles: ["cx_lead"], claimedRoles: ["cx_lead"], markets: null } as unknown as Viewer;
const context = (): GatewayContext => gatewayContext("", viewer, "r");
const answer = (body: string) => ({ status: 200, headers: [], body, codes: [], denied: [] });

/** Asks for `query` and, on a miss, computes `body`; the answer served. */
async function ask(cache: ResponseCache, query: string, body: string) {
  const request = { query, variables: {}, operationName: null };
  const found = await cache.lookup(context(), request);
  if (found.answer) return found.answer.body;
  cache.settle(found.key as string, answer(body), context());
  return body;
}

describe("the response cache's memory", () => {
  it("holds the answers of the last ttl only: expired ones go when the next answer is kept", async () => {
    let now = 0;
    const cache = new ResponseCache({
      ttlMs: 2_000,
      maxEntries: 10_000,
      maxBytes: 64 * 1024 * 1024,
      dataVersion: () => 1,
      now: () => now,
    });
    for (let i = 0; i < 100; i++) await ask(cache, `{ a${i} }`, "x".repeat(1_000));
    expect(cache.size).toEqual({ entries: 100, bytes: 100_000 });
    expect(await ask(cache, "{ a5 }", "recomputed")).toBe("x".repeat(1_000));
    now = 2_500;
    await ask(cache, "{ fresh }", "y");
    expect(cache.size).toEqual({ entries: 1, bytes: 1 });
    expect(await ask(cache, "{ a5 }", "recomputed")).toBe("recomputed");
  });

  it("stays within its bounds while answers are all fresh", async () => {
    const cache = new ResponseCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 5_000, dataVersion: () => 1 });
    for (let i = 0; i < 50; i++) await ask(cache, `{ b${i} }`, "z".repeat(400));
    expect(cache.size.entries).toBeLessThanOrEqual(10);
    expect(cache.size.bytes).toBeLessThanOrEqual(5_000);
  });
});
