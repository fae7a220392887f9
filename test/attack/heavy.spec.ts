/**
 * One client's heavy work must stay that client's: lists are measured at the rows they may answer,
 * answers have a byte limit, a subgraph stops its statement once the gateway gave up, and a breaker
 * opens for a failing subgraph, not for one client's slow requests. Six production-mode processes on
 * Postgres, with the manifests' heap cap (the statements and the processes' memory are the point).
 */
import { seed } from "@c360/db";
import { apiSchemaOf, supergraphSdl } from "@c360/supergraph";
import type { GraphQLObjectType } from "graphql";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, type TestDatabase } from "../testkit/database";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, send, startProcessTestStack, type TestStack } from "../testkit/stack";

/** A subgraph container's heap: two thirds of its 512 MiB memory limit (`deploy/manifests.ts`). */
const MANIFEST_HEAP = { NODE_OPTIONS: "--max-old-space-size=341" };

/** Seeds, then extends the purchase KPIs to 227 days (the seed at this scale has a week). */
async function seedWithLongKpis({ db }: TestDatabase) {
  await seed(db, { scale: 0.01, seed: 1 });
  const columns = (
    await db.query<{ name: string }>(
      "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'cx' AND table_name = 'kpi_purchase_daily' AND column_name <> 'dt' ORDER BY ordinal_position",
    )
  ).map((c) => `"${c.name}"`);
  await db.query(
    `INSERT INTO cx.kpi_purchase_daily (dt, ${columns.join(", ")})
     SELECT (t.dt + k)::date, ${columns.map((c) => `t.${c}`).join(", ")}
     FROM cx.kpi_purchase_daily t CROSS JOIN generate_series(8, 232, 8) AS k ON CONFLICT DO NOTHING`,
  );
}

const purchaseFields = Object.keys(
  (apiSchemaOf(supergraphSdl()).getType("PurchaseKpi") as GraphQLObjectType).getFields(),
).join(" ");
const from = "2025-04-01";
const to = "2025-11-14"; // from + 226 days

/** `n` aliased exports of every purchase KPI, daily, over the 227 days (22 rows a day: 4,994 rows each). */
const exports = (n: number) =>
  `{ ${Array.from(
    { length: n },
    (_, i) => `a${i}: purchaseKpis(filter: { from: "${from}", to: "${to}" }, grain: DAY) { ${purchaseFields} }`,
  ).join(" ")} }`;

interface Reply {
  status: number;
  codes: string[];
  ms: number;
}

async function post(endpoints: Endpoints, token: string, query: string): Promise<Reply> {
  const started = performance.now();
  const response = await send(endpoints, endpoints.gatewayUrl, {
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    codes: [...new Set((body.errors ?? []).map((e) => String(e.extensions?.code)))],
    ms: performance.now() - started,
  };
}

describe.runIf(databaseKind === "postgres")("one client's heavy work", () => {
  let t: TestStack<Endpoints>;
  beforeAll(async () => {
    t = await startProcessTestStack(seedWithLongKpis, undefined, MANIFEST_HEAP);
  }, 120_000);
  afterAll(() => t?.dispose());

  it("an analyst's aliased KPI exports are refused before they run, and another user's requests are answered", async () => {
    const analyst = await tokenFor("cx_purchase_analyst", { subject: "greedy-analyst" });
    const bystander = await tokenFor("c360_admin", { subject: "bystander" });
    const heavy = exports(5);
    let attacking = true;
    const attack = (async () => {
      const replies: Reply[] = [];
      for (let wave = 0; wave < 3; wave++)
        replies.push(...(await Promise.all(Array.from({ length: 6 }, () => post(t.stack, analyst, heavy)))));
      attacking = false;
      return replies;
    })();
    const served: Reply[] = [];
    while (attacking) {
      served.push(await post(t.stack, bystander, '{ marketplace(code: "DE") { code } }'));
      await new Promise((r) => setTimeout(r, 100));
    }
    const replies = await attack;
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((r) => r.status !== 200 || r.codes.length)).toEqual([]);
    // Every heavy request was refused before it ran: its keys alone, 5 x 5,000 rows, pass the byte limit.
    expect(replies.map((r) => [r.status, r.codes])).toEqual(Array(18).fill([400, ["RESPONSE_TOO_LARGE"]]));
    // One export of the series still fits.
    expect(await post(t.stack, analyst, exports(1))).toMatchObject({ status: 200, codes: [] });
  });

  it("an admin's KPI series under 200 customers is refused by cost before anything runs", async () => {
    const admin = await tokenFor("c360_admin", { subject: "admin-exporter" });
    const reply = await post(
      t.stack,
      admin,
      `{ customers(first: 200) { edges { node { marketplace { purchaseKpis(from: "${from}", to: "${to}", grain: DAY) { ${purchaseFields} } } } } } }`,
    );
    expect(reply).toMatchObject({ status: 400, codes: ["COST_LIMIT_EXCEEDED"] });
  });
});

describe.runIf(databaseKind === "postgres")("an answer past the byte limit", () => {
  let t: TestStack<Endpoints>;
  // 3,000 bytes: a page of 100 emails passes them, though its keys alone measure about 2,000.
  beforeAll(async () => {
    t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }), undefined, {
      ...MANIFEST_HEAP,
      C360_MAX_RESPONSE_BYTES: "3000",
    });
  }, 120_000);
  afterAll(() => t?.dispose());

  it("is cut by bytes an answer larger than its static measure, at the subgraph and through the gateway", async () => {
    const admin = await tokenFor("c360_admin", { subject: "email-collector" });
    const emails = (n: number) => `{ customers(first: ${n}) { edges { node { email } } } }`;
    expect(await post(t.stack, admin, emails(10))).toMatchObject({ status: 200, codes: [] });
    expect(await post(t.stack, admin, emails(100))).toMatchObject({ status: 200, codes: ["RESPONSE_TOO_LARGE"] });
    const direct = await send(t.stack, t.stack.subgraphUrls.customer as string, {
      headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: emails(100) }),
    });
    const body = (await direct.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect([direct.status, body.errors?.map((e) => e.extensions?.code)]).toEqual([400, ["RESPONSE_TOO_LARGE"]]);
  });
});

describe.runIf(databaseKind === "postgres")("a fetch the gateway gave up on", () => {
  let t: TestStack<Endpoints>;
  // The gateway gives a fetch 500 ms: less than the 2 s lock_timeout the statement would otherwise wait.
  beforeAll(async () => {
    t = await startProcessTestStack(seedWithLongKpis, undefined, { ...MANIFEST_HEAP, C360_SUBGRAPH_TIMEOUT_MS: "500" });
  }, 120_000);
  afterAll(() => t?.dispose());

  it("has its statement cancelled in Postgres, not left waiting until its own timeout", async () => {
    const locker = new pg.Client({ connectionString: t.url });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE cx.kpi_purchase_daily IN ACCESS EXCLUSIVE MODE");
      const analyst = await tokenFor("cx_purchase_analyst", { subject: "waiting-analyst" });
      const reply = post(
        t.stack,
        analyst,
        `{ purchaseKpis(filter: { from: "${from}", to: "${to}" }, grain: MONTH) { periodStart orders } }`,
      );
      const waiting = () =>
        locker
          .query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'c360-cx-kpi' AND state = 'active' AND wait_event_type = 'Lock'",
          )
          .then((r) => r.rows[0]?.n);
      await new Promise((r) => setTimeout(r, 250));
      const before = await waiting();
      expect(await reply).toMatchObject({ status: 200, codes: ["SERVICE_UNAVAILABLE"] });
      // The gateway gave up at 500 ms; the statement's lock_timeout would end it at 2 s.
      await new Promise((r) => setTimeout(r, 700));
      expect({ before, after: await waiting() }).toEqual({ before: 1, after: 0 });
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
  });
});
