import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, send, startProcessTestStack, type TestStack } from "../testkit/stack";

/**
 * One user's load must not become everyone's outage: the gateway gives each subject a share of
 * requests, cost and rate, and answers past it with 429 `RATE_LIMITED` and `Retry-After`, before any
 * subgraph is asked (six production-mode processes on Postgres; in process on PGlite).
 */
let t: TestStack<Endpoints>;
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
});
afterAll(() => t.dispose());

/** The heaviest real shape: 100 customers with 20 transactions each, their items, products, suppliers and shipments. */
const heavy = `{ customers(first: 100) { edges { node { id transactions(first: 20) { edges { node { id
  items { product { id suppliers { supplier { id } } } } shipments { id trackingEvents { id } } } } } } } } }`;

async function post(token: string, query: string) {
  const response = await send(t.stack, t.stack.gatewayUrl, {
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    codes: (body.errors ?? []).map((e) => e.extensions?.code),
  };
}

describe("each subject's share of the gateway", () => {
  it("answers 20 concurrent heavy queries of one user with 429s past its share, while others are served", async () => {
    const greedy = await tokenFor("c360_admin", { subject: "greedy" });
    const others = await Promise.all(
      Array.from({ length: 5 }, (_, i) => tokenFor("c360_admin", { subject: `care-${i}` })),
    );
    const [burst, served] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => post(greedy, heavy))),
      Promise.all(
        others.flatMap((token) =>
          Array.from({ length: 4 }, () =>
            post(token, '{ customer(id: "CUST001") { id email loyalty { loyaltyTier } } }'),
          ),
        ),
      ),
    ]);
    const limited = burst.filter((r) => r.status === 429);
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(burst.filter((r) => r.status !== 200 && r.status !== 429)).toEqual([]);
    for (const reply of limited) expect(reply).toEqual({ status: 429, retryAfter: "1", codes: ["RATE_LIMITED"] });
    for (const reply of burst.filter((r) => r.status === 200)) expect(reply.codes).toEqual([]);
    expect(served).toEqual(Array(20).fill({ status: 200, retryAfter: null, codes: [] }));
  });
});
