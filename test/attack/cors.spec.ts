/**
 * Browser clients (C360_CORS_ORIGINS) against the stack in production mode: on Postgres the processes
 * as a deployment starts them, on PGlite the in-process stack. One origin is listed; the response
 * cache is on, so kept answers are served to several origins.
 */
import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, startProcessTestStack, type TestStack } from "../testkit/stack";

const APP = "https://app.example.com";
const METRICS_TOKEN = "metrics-scraper-token-of-the-cors-spec-0123456789";
const settings = {
  NODE_ENV: "production",
  C360_SUBGRAPH_SECRET: "the-gateway-signs-subgraph-requests-with-this-0123",
  C360_TRAIL_KEY: "the-trail-of-this-test-file-is-keyed-with-this-0123",
  C360_CORS_ORIGINS: `${APP},http://127.0.0.1:5173`,
  C360_RESPONSE_CACHE_MS: "60000",
  C360_METRICS_TOKEN: METRICS_TOKEN,
};

let t: TestStack<Endpoints>;
const saved = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
beforeAll(async () => {
  Object.assign(process.env, settings);
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
});
afterAll(async () => {
  await t?.dispose();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** Origins that differ from a listed one in some way, or are none. */
const hostile = [
  "null",
  "https://APP.example.com",
  "http://app.example.com",
  "https://app.example.com:443",
  "https://app.example.com/",
  "https://app.example.com/graphql",
  "https://app.example.com.evil.example",
  `${APP}, http://127.0.0.1:5173`,
  "*",
  `https://${"a".repeat(8_000)}.example.com`,
  "__proto__",
  "constructor",
];

/** The CORS headers and Vary of an answer, its status and the codes of its errors. */
async function seen(response: Response) {
  const cors = Object.fromEntries(
    [...response.headers].filter(([name]) => name.startsWith("access-control-") || name === "vary"),
  );
  const body = (await response.json().catch(() => null)) as { errors?: { extensions: { code: string } }[] } | null;
  return { status: response.status, cors, codes: (body?.errors ?? []).map((e) => e.extensions.code) };
}

const preflight = (url: string, origin: string, requestId: string) =>
  fetch(url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type, x-c360-purpose",
      "x-request-id": requestId,
    },
  });

const allowed = { "access-control-allow-origin": APP, "access-control-expose-headers": "x-request-id, retry-after" };

/** The gateway's response-cache hits so far, from its metrics. */
async function cacheHits(): Promise<number> {
  const text = await (
    await fetch(t.stack.gatewayUrl.replace(/\/graphql$/, "/metrics"), {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    })
  ).text();
  return Number(
    /c360_gateway_cache_lookups_total\{[^}]*cache="response",outcome="hit"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0,
  );
}

describe("browser clients in production", () => {
  it("answers the listed origin's preflight with what its page may send, and no credentials", async () => {
    expect(await seen(await preflight(t.stack.gatewayUrl, APP, "cors-preflight-listed"))).toEqual({
      status: 204,
      cors: {
        vary: "origin",
        ...allowed,
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers":
          "accept, authorization, content-encoding, content-type, x-request-id, traceparent, tracestate, x-c360-purpose",
        "access-control-max-age": "600",
      },
      codes: [],
    });
  });

  it("refuses any other origin's preflight with 403 FORBIDDEN and no allow header, and records it", async () => {
    for (const [i, origin] of hostile.entries())
      expect(await seen(await preflight(t.stack.gatewayUrl, origin, `cors-preflight-refused-${i}`)), origin).toEqual({
        status: 403,
        cors: { vary: "origin" },
        codes: ["FORBIDDEN"],
      });
    await (t.stack as { audit?: { flush(): Promise<void> } }).audit?.flush();
    await expect
      .poll(
        async () =>
          (
            await t.db.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM audit.access_events WHERE request_id LIKE 'cors-preflight-refused-%' AND status = 403 AND codes = ARRAY['FORBIDDEN']",
            )
          )[0]?.n,
        { timeout: 10_000, interval: 100 },
      )
      .toBe(hostile.length);
  });

  it("gives a kept answer the headers of whoever asks: the listed origin its own, any other none", async () => {
    const token = await tokenFor("c360_admin");
    const ask = (origin?: string) =>
      fetch(t.stack.gatewayUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          ...(origin === undefined ? {} : { origin }),
        },
        body: JSON.stringify({ query: "{ customers(first: 3) { edges { node { id } } } }" }),
      });
    const first = await ask(APP);
    const body = await first.clone().json();
    expect(body.data.customers.edges).toHaveLength(3);
    expect((await seen(first)).cors).toEqual({ vary: "origin", ...allowed });
    const before = await cacheHits();
    const asked = [undefined, APP, ...hostile, APP];
    for (const origin of asked) {
      const response = await ask(origin);
      expect(await response.clone().json()).toEqual(body);
      expect((await seen(response)).cors, String(origin)).toEqual(
        origin === APP ? { vary: "origin", ...allowed } : { vary: "origin" },
      );
    }
    expect((await cacheHits()) - before).toBe(asked.length);
  });

  it("keeps the subgraphs out of browsers' reach: a preflight is a method not allowed, with no CORS header", async () => {
    expect(await seen(await preflight(t.stack.subgraphUrls.customer as string, APP, "cors-subgraph"))).toEqual({
      status: 405,
      cors: {},
      codes: ["METHOD_NOT_ALLOWED"],
    });
  });
});
