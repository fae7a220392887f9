/**
 * What a client may make the processes keep, answer or reveal (issue 30, "trust"), against the stack in
 * production mode: on Postgres the processes as a deployment starts them (`NODE_ENV=production`, real
 * secrets, the gateway's heap cap from its manifest), on PGlite the in-process stack. Here the response
 * cache, the metrics token and the explorer are on, and each subject's share is small.
 */
import { execFileSync } from "node:child_process";
import { seed } from "@c360/db";
import { recordedOperations } from "@c360/gateway";
import { BYTES_PER_TOKEN } from "@c360/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind } from "../testkit/database";
import { tokenFor } from "../testkit/identity";
import { manifestNodeOptions } from "../testkit/manifests";
import { type Endpoints, send, startProcessTestStack, type TestStack } from "../testkit/stack";

const METRICS_TOKEN = "metrics-scraper-token-0123456789abcdef";
const settings = {
  NODE_ENV: "production",
  C360_SUBGRAPH_SECRET: "the-gateway-signs-subgraph-requests-with-this-0123",
  C360_TRAIL_KEY: "the-trail-of-this-test-file-is-keyed-with-this-0123",
  C360_RESPONSE_CACHE_MS: "60000",
  C360_METRICS_TOKEN: METRICS_TOKEN,
  C360_EXPLORER: "on",
  // A token back every 10 s: the explorer's test sends a request past its share only after 60
  // concurrent sessions (each answering a schema) were served, and a faster refill could admit it.
  C360_SUBJECT_RATE: "0.1",
  C360_SUBJECT_BURST: "20",
};

let t: TestStack<Endpoints>;
const saved = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
beforeAll(async () => {
  Object.assign(process.env, settings);
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }), undefined, {
    // Every process gets the gateway's cap here: the gateway is the process under test.
    NODE_OPTIONS: manifestNodeOptions("gateway"),
  });
});
afterAll(async () => {
  await t?.dispose();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const reply = async (response: Response) => ({ status: response.status, body: (await response.json()) as Body });
const codeOf = (body: Body) => body.errors?.[0]?.extensions?.code;

/** The access events the trail holds so far that match `where` (flushed first in one process). */
async function eventCount(where: string): Promise<number> {
  await (t.stack as { audit?: { flush(): Promise<void> } }).audit?.flush();
  const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.access_events WHERE ${where}`);
  return row?.n ?? 0;
}

/** Polls `eventCount(where)` until it reaches `at least` (the gateway writes its trail in batches). */
async function eventsReach(where: string, atLeast: number): Promise<number> {
  await expect.poll(() => eventCount(where), { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(atLeast);
  await new Promise((r) => setTimeout(r, 300));
  return eventCount(where);
}

const metricsOf = (graphqlUrl: string, authorization?: string) =>
  fetch(graphqlUrl.replace(/\/graphql$/, "/metrics"), { headers: authorization ? { authorization } : {} });

describe("the explorer's session", () => {
  const session = (token?: string) =>
    fetch(new URL("/explorer/session", t.stack.gatewayUrl), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it("is recorded in the trail, refused or not, and taken from the subject's share", async () => {
    const unauthenticated = "status = 401 AND subject IS NULL";
    const before = await eventCount(unauthenticated);
    expect((await reply(await session())).status).toBe(401);
    expect(await eventsReach(unauthenticated, before + 1)).toBe(before + 1);

    const token = await tokenFor("cx_lead", { subject: "explorer-user" });
    const statuses = await Promise.all(Array.from({ length: 60 }, async () => (await session(token)).status));
    expect(new Set(statuses)).toEqual(new Set([200, 429]));
    const limited = await session(token);
    expect(await reply(limited)).toMatchObject({
      status: 429,
      body: { errors: [{ extensions: { code: "RATE_LIMITED" } }] },
    });
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    // The share is the one /graphql takes from.
    const graphql = await send(t.stack, t.stack.gatewayUrl, {
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(graphql.status).toBe(429);
    expect(await eventsReach("subject = 'explorer-user'", 62)).toBe(62);
    expect(await eventCount("subject = 'explorer-user' AND status = 429 AND outcome = 'limited'")).toBe(
      statuses.filter((s) => s === 429).length + 2,
    );
  });
});

describe("the response cache", () => {
  const kpis =
    '{ purchaseKpis(filter: { from: "2025-02-01", to: "2025-03-31" }, grain: MONTH) { periodStart orders } }';

  it("gives a kept answer only to a request that passes every check a computed one does (CSRF)", async () => {
    const authorization = `Bearer ${await tokenFor("cx_lead", { subject: "csrf-victim" })}`;
    const body = JSON.stringify({ query: kpis });
    for (let i = 0; i < 2; i++) {
      const answered = await reply(
        await send(t.stack, t.stack.gatewayUrl, {
          headers: { "content-type": "application/json", authorization },
          body,
        }),
      );
      expect(answered.status).toBe(200);
      expect(answered.body.errors).toBeUndefined();
    }
    // What a page of another origin can send without a preflight: a text/plain POST, a plain GET.
    const get = new URL(t.stack.gatewayUrl);
    get.searchParams.set("query", kpis);
    for (const forged of [
      send(t.stack, t.stack.gatewayUrl, { headers: { "content-type": "text/plain", authorization }, body }),
      send(t.stack, get.href, { method: "GET", headers: { authorization } }),
    ]) {
      const { status, body: refused } = await reply(await forged);
      expect({ status, code: codeOf(refused) }).toEqual({ status: 400, code: "BAD_REQUEST" });
      expect(refused.errors?.[0]?.message).toContain("Cross-Site Request Forgery");
      expect(refused.data ?? null).toBeNull();
    }
  });
});

describe("/metrics", () => {
  it("answers only the holder of the metrics token, at the gateway and at a subgraph", async () => {
    for (const url of [t.stack.gatewayUrl, t.stack.subgraphUrls.customer as string]) {
      for (const authorization of [
        undefined,
        "Bearer wrong-token",
        METRICS_TOKEN,
        `Bearer ${await tokenFor("c360_admin")}`,
      ]) {
        const response = await metricsOf(url, authorization);
        expect(response.status, `${url} ${authorization}`).toBe(401);
        expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
        expect(codeOf((await response.json()) as Body)).toBe("UNAUTHENTICATED");
      }
      const response = await metricsOf(url, `Bearer ${METRICS_TOKEN}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("c360_requests_total");
    }
  });

  it("labels operations only with the recorded operations' names: junk names count as other", async () => {
    const ask = async (query: string, subject: string) =>
      send(t.stack, t.stack.gatewayUrl, {
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${await tokenFor("auditor", { subject })}`,
        },
        body: JSON.stringify({ query }),
      });
    const count = async (operation: string) => {
      const text = await (await metricsOf(t.stack.gatewayUrl, `Bearer ${METRICS_TOKEN}`)).text();
      return text
        .split("\n")
        .filter((l) => l.startsWith("c360_requests_total{") && l.includes(`service="gateway",operation="${operation}"`))
        .reduce((sum, l) => sum + Number(l.split(" ").at(-1)), 0);
    };
    const otherBefore = await count("other");
    // More junk names than the metrics ever had room for, each from a user of its own.
    for (let i = 0; i < 210; i++) expect((await ask(`query Junk${i} { __typename }`, `junk-${i}`)).status).toBe(200);
    const accessPolicy = recordedOperations().find((op) => op.name === "AccessPolicy")?.query as string;
    const policyBefore = await count("AccessPolicy");
    expect((await ask(accessPolicy, "auditor-1")).status).toBe(200);
    // A recorded name over another text is not the recorded operation.
    expect((await ask("query AccessPolicy { __typename }", "auditor-2")).status).toBe(200);
    expect(await count("AccessPolicy")).toBe(policyBefore + 1);
    expect(await count("other")).toBe(otherBefore + 211);
    const text = await (await metricsOf(t.stack.gatewayUrl, `Bearer ${METRICS_TOKEN}`)).text();
    expect(text).not.toContain('operation="Junk');
  });
});

/** The resident memory of a process, in MiB (`ps`: Linux and macOS alike). */
const residentMiB = (pid: number) => Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)]).toString()) / 1024;

describe.runIf(databaseKind === "postgres")("a flood of distinct documents, with the gateway's heap cap", () => {
  it("keeps nothing of what unauthenticated or refused requests send: the gateway stays alive and small", async () => {
    const gateway = t.stack.processes?.gateway;
    if (!gateway?.child.pid) throw new Error("the gateway process is not running");
    expect(manifestNodeOptions("gateway")).toMatch(/--max-old-space-size=\d+/);
    const pid = gateway.child.pid;
    const authorization = `Bearer ${await tokenFor("c360_admin", { subject: "flooder" })}`;
    const tokens = 1_990;
    const documents = 1_000;
    // 1,990 root fields (5 allowed), within the token limit, padded with a comment to the longest
    // document accepted: every one answered ROOT_FIELD_LIMIT_EXCEEDED, each distinct.
    const documentOf = (i: number) => {
      const fields = `{ x${i} ${"a ".repeat(tokens - 3)}}`;
      return `${fields}\n# ${"c".repeat(15_000 - fields.length - 3)}`;
    };
    expect(documentOf(999).length).toBeLessThanOrEqual(15_000);
    const before = residentMiB(pid);
    let next = 0;
    const codes = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < documents; i = next++) {
          const headers: Record<string, string> = { "content-type": "application/json" };
          // Half without a token, half with one: a refused document is not kept whoever sent it.
          if (i % 2) headers.authorization = authorization;
          const { status, body } = await reply(
            await send(t.stack, t.stack.gatewayUrl, { headers, body: JSON.stringify({ query: documentOf(i) }) }),
          );
          const key = `${status} ${codeOf(body)}`;
          codes.set(key, (codes.get(key) ?? 0) + 1);
        }
      }),
    );
    const after = residentMiB(pid);
    expect(Object.fromEntries(codes)).toEqual({ "400 ROOT_FIELD_LIMIT_EXCEEDED": documents });
    expect({ alive: gateway.child.exitCode === null && gateway.child.signalCode === null }).toEqual({ alive: true });
    // Kept, the parsed documents would take about a megabyte each (BYTES_PER_TOKEN a token): a
    // tenth of that is more than the gateway may grow by.
    const kept = (documents * tokens * BYTES_PER_TOKEN) / 1024 / 1024;
    console.log(`gateway RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MiB over ${documents} refused documents`);
    expect(after - before).toBeLessThan(kept / 10);
    expect((await t.query('{ customer(id: "CUST001") { id } }')).data).toEqual({ customer: { id: "CUST001" } });
  });
});
