/**
 * Faults with real processes: the five subgraphs and the gateway each run as their own process
 * (as `pnpm --filter ... start` runs them) over Postgres, and the faults are real too: SIGKILL,
 * SIGSTOP, a lock queue that exhausts a pool, a Postgres server stopped and started, SIGTERM with
 * requests in flight. Separate processes need a database server (PGlite serves one process only),
 * so this file runs on the Postgres pass of the suite.
 */
import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind } from "../testkit/database";
import { tokenFor } from "../testkit/identity";
import { type PrivatePostgres, startPrivatePostgres } from "../testkit/postgres";
import { type ServiceProcess, startService } from "../testkit/processes";
import { type Endpoints, type GraphQLResponse, send, startProcessTestStack, type TestStack } from "../testkit/stack";

interface Reply {
  status: number;
  body: GraphQLResponse<{ customer: { id: string; purchaseSummary?: unknown } | null }>;
  ms: number;
}

let token: string;
let endpoints: Endpoints;
/** POSTs `query` as the admin `as` (a subgraph called directly gets the gateway's signature). */
async function post(url: string, query: string, as = token): Promise<Reply> {
  const started = performance.now();
  const response = await send(endpoints, url, {
    headers: { "content-type": "application/json", authorization: `Bearer ${as}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Reply["body"], ms: performance.now() - started };
}

/**
 * `concurrency` clients, each a user of its own (the gateway budgets requests per subject), sending
 * `query` back to back until stopped, each at most 50 a second (half a subject's default share, so a
 * fast machine gets no 429); every reply is kept.
 */
function startLoad(url: string, query: string, concurrency = 4) {
  const replies: Reply[] = [];
  const failures: string[] = [];
  let running = true;
  const clients = Array.from({ length: concurrency }, async (_, i) => {
    const own = await tokenFor("c360_admin", { subject: `load-client-${i}`, ttlSeconds: 3_600 });
    while (running) {
      const next = performance.now() + 20;
      try {
        replies.push(await post(url, query, own));
      } catch (error) {
        failures.push((error as Error).message);
      }
      await wait(next - performance.now());
    }
  });
  return {
    replies,
    failures,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

/** Polls `query` until it answers without errors (a recovery), failing after `ms`. */
async function recovered(url: string, query: string, ms = 30_000): Promise<Reply> {
  const deadline = Date.now() + ms;
  for (;;) {
    const reply = await post(url, query).catch(() => undefined);
    if (reply?.status === 200 && !reply.body.errors) return reply;
    if (Date.now() > deadline) throw new Error(`no recovery in ${ms} ms: ${JSON.stringify(reply?.body)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const alive = (service: ServiceProcess) => service.child.exitCode === null && service.child.signalCode === null;
const codes = (replies: Reply[]) => [
  ...new Set(replies.flatMap((r) => r.body.errors?.map((e) => e.extensions?.code) ?? [])),
];
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const customerOnly = '{ customer(id: "CUST001") { id firstName } }';
const customerAndSales = '{ customer(id: "CUST001") { id firstName purchaseSummary { transactionCount } } }';

/**
 * For the calling describe: the six processes over a fresh database (on DATABASE_URL's server, or
 * on `server()` when given), seeded at scale 0.01; the getter returns them once ready.
 */
function useProcessStack(server?: () => Promise<string>) {
  let t: TestStack<Endpoints> | undefined;
  beforeAll(async () => {
    token = await tokenFor("c360_admin", { ttlSeconds: 3_600 });
    t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }), await server?.());
    endpoints = t.stack;
  });
  afterAll(() => t?.dispose());
  return () => {
    const stack = t?.stack.processes;
    if (!t?.url || !stack) throw new Error("the process stack is not ready: call it inside a test");
    return { db: t.db, stack, databaseUrl: t.url };
  };
}

describe.runIf(databaseKind === "postgres")("faults with real processes", () => {
  const get = useProcessStack();

  it("SIGKILL of a subgraph mid-load: its fields go null with a retryable error, the rest arrives, it comes back", async () => {
    const { stack } = get();
    const gateway = stack.gateway.url;
    const load = startLoad(gateway, customerAndSales);
    const other = startLoad(gateway, customerOnly, 2);
    await wait(500);
    const sales = stack.subgraphs.sales as ServiceProcess;
    sales.child.kill("SIGKILL");
    expect(await sales.exited).toBe("SIGKILL");
    const killedAt = load.replies.length;
    await wait(1_500);
    const during = load.replies.slice(killedAt);
    await stack.restart("sales");
    const back = await recovered(gateway, customerAndSales);
    await Promise.all([load.stop(), other.stop()]);

    expect(back.body.data?.customer?.purchaseSummary).toEqual({ transactionCount: expect.any(Number) });
    expect({ failures: load.failures.length + other.failures.length }).toEqual({ failures: 0 });
    expect(new Set([...load.replies, ...other.replies].map((r) => r.status))).toEqual(new Set([200]));
    // While sales was down: the customer arrived every time, its sales field null with SERVICE_UNAVAILABLE.
    expect(during.length).toBeGreaterThan(0);
    for (const reply of during) expect(reply.body.data?.customer?.id).toBe("CUST001");
    const partial = during.filter((r) => r.body.errors);
    expect(partial.length).toBeGreaterThan(0);
    for (const reply of partial) {
      expect(reply.body).toEqual({
        data: { customer: { id: "CUST001", firstName: expect.any(String), purchaseSummary: null } },
        errors: [{ message: "Temporarily unavailable; retry shortly", extensions: { code: "SERVICE_UNAVAILABLE" } }],
      });
    }
    // Queries that never touch sales were not affected at all.
    expect(other.replies.length).toBeGreaterThan(0);
    expect(codes(other.replies)).toEqual([]);
  });

  it("a subgraph that stops answering (SIGSTOP) costs its fields after the 3 s fetch timeout, not the request", async () => {
    const { stack } = get();
    const sales = stack.subgraphs.sales as ServiceProcess;
    sales.child.kill("SIGSTOP");
    try {
      const reply = await post(stack.gateway.url, customerAndSales);
      expect(reply.status).toBe(200);
      expect(reply.body.data?.customer).toMatchObject({ id: "CUST001", purchaseSummary: null });
      expect(codes([reply])).toEqual(["SERVICE_UNAVAILABLE"]);
      // Waited for the subgraph's fetch timeout, and answered well inside the request's 10 s budget.
      expect(reply.ms).toBeGreaterThanOrEqual(2_900);
      expect(reply.ms).toBeLessThan(10_000);
    } finally {
      sales.child.kill("SIGCONT");
    }
    await recovered(stack.gateway.url, customerAndSales);
  });

  it("a burst beyond the pool fails fast with a retryable SERVICE_UNAVAILABLE and leaks no session", async () => {
    const { db, stack } = get();
    const customer = stack.subgraphs.customer as ServiceProcess;
    // Every statement on customer.customers queues behind this lock: the lookups pool's 10 connections
    // wait (up to lock_timeout), the other requests wait for a connection (up to connectionTimeoutMillis).
    const burst = await db.transaction(async (session) => {
      await session.query("LOCK TABLE customer.customers IN ACCESS EXCLUSIVE MODE");
      return Promise.all(Array.from({ length: 40 }, () => post(customer.url, customerOnly)));
    });
    expect(new Set(burst.map((r) => r.status))).toEqual(new Set([200]));
    for (const reply of burst) {
      expect(reply.body).toEqual({
        data: { customer: null },
        errors: [
          {
            message: "Temporarily unavailable; retry shortly",
            path: ["customer"],
            locations: expect.any(Array),
            extensions: { code: "SERVICE_UNAVAILABLE" },
          },
        ],
      });
      expect(reply.ms).toBeLessThan(10_000);
    }
    // The lock is gone: the same request now succeeds, directly and through the gateway.
    expect((await post(customer.url, customerOnly)).body.errors).toBeUndefined();
    expect((await post(stack.gateway.url, customerOnly)).body.errors).toBeUndefined();
    // Both of the subgraph's pools (keyed lookups and the rest): every session idle, at most 10 each.
    const sessions = await db.query<{ pool: string; state: string; n: number }>(
      `SELECT application_name AS pool, coalesce(state, 'none') AS state, count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name IN ('c360-customer', 'c360-customer.lookups')
        GROUP BY 1, 2`,
    );
    expect(new Set(sessions.map((s) => s.state))).toEqual(new Set(["idle"]));
    expect(sessions.map((s) => s.pool)).toContain("c360-customer.lookups");
    for (const { n } of sessions) expect(n).toBeLessThanOrEqual(10);
    expect(alive(customer)).toBe(true);
  });
});

describe.runIf(databaseKind === "postgres")("faults of the database server itself", () => {
  let server: PrivatePostgres | undefined;
  // Registered first so that it runs last (after hooks run in reverse), once the stack is gone.
  afterAll(() => server?.destroy());
  const get = useProcessStack(async () => {
    server = await startPrivatePostgres();
    return server.url;
  });

  it("Postgres restarted mid-load: clean retryable errors, then recovery without restarting any process", async () => {
    const { db, stack } = get();
    const gateway = stack.gateway.url;
    const [{ before }] = (await db.query("SELECT count(*)::int AS before FROM audit.access_events")) as [
      { before: number },
    ];
    const load = startLoad(gateway, customerAndSales);
    await wait(500);
    await server?.stop();
    await wait(1_500);
    await server?.start();
    await recovered(gateway, customerAndSales);
    await wait(500);
    await load.stop();

    const everyone = [stack.gateway, ...Object.values(stack.subgraphs)];
    expect(everyone.filter((s) => !alive(s)).map((s) => s.name)).toEqual([]);
    expect(load.failures).toEqual([]);
    expect(new Set(load.replies.map((r) => r.status))).toEqual(new Set([200]));
    const failed = load.replies.filter((r) => r.body.errors);
    expect(failed.length).toBeGreaterThan(0);
    expect(codes(failed)).toEqual(["SERVICE_UNAVAILABLE"]);
    const text = JSON.stringify(failed);
    for (const secret of ["127.0.0.1", "postgres", "SELECT", "ECONNREFUSED", "terminat"]) {
      expect(text).not.toContain(secret);
    }
    expect(load.replies.at(-1)?.body.errors).toBeUndefined();
    // The access trail kept what it could not write while the server was down, and wrote it after.
    const deadline = Date.now() + 10_000;
    let recorded = 0;
    while (Date.now() < deadline) {
      [{ recorded }] = (await db.query("SELECT count(*)::int - $1::int AS recorded FROM audit.access_events", [
        before,
      ])) as [{ recorded: number }];
      if (recorded >= load.replies.length) break;
      await wait(250);
    }
    expect(recorded).toBeGreaterThanOrEqual(load.replies.length);
  });

  it("SIGTERM with requests in flight: they all complete, new ones get 503, both processes exit 0", async () => {
    const { db, stack } = get();
    const gateway = stack.gateway;
    const customer = stack.subgraphs.customer as ServiceProcess;
    // Five requests queued behind a table lock are in flight in both processes. They must be seen
    // waiting well inside lock_timeout (2 s); on a machine too busy for that, the set-up is let go
    // (the lock released, those requests answered) and tried again before any signal is sent.
    let held: readonly [Promise<Reply>[], Reply] | undefined;
    for (let attempt = 1; !held; attempt++) {
      if (attempt > 5) throw new Error("five requests never queued in Postgres within 1 s");
      let requests: Promise<Reply>[] = [];
      held = await db.transaction(async (session) => {
        await session.query("LOCK TABLE customer.customers IN ACCESS EXCLUSIVE MODE");
        requests = Array.from({ length: 5 }, () => post(gateway.url, customerOnly));
        // (Asked on another connection: inside a transaction pg_stat_activity is a snapshot.)
        const deadline = Date.now() + 1_000;
        for (;;) {
          const [{ waiting }] = (await db.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE application_name = 'c360-customer.lookups' AND wait_event_type = 'Lock'`,
          )) as [{ waiting: number }];
          if (waiting === 5) break;
          if (Date.now() > deadline) return undefined;
          await wait(20);
        }
        gateway.child.kill("SIGTERM");
        customer.child.kill("SIGTERM");
        await wait(100);
        return [requests, await post(gateway.url, customerOnly)] as const;
      });
      if (!held) await Promise.all(requests);
    }
    const [inFlight, refused] = held;
    expect(refused).toMatchObject({
      status: 503,
      body: { errors: [{ message: "shutting down", extensions: { code: "SERVICE_UNAVAILABLE" } }] },
    });
    for (const reply of await Promise.all(inFlight)) {
      expect(reply).toMatchObject({
        status: 200,
        body: { data: { customer: { id: "CUST001", firstName: expect.any(String) } } },
      });
      expect(reply.body.errors).toBeUndefined();
    }
    expect({ gateway: await gateway.exited, customer: await customer.exited }).toEqual({ gateway: 0, customer: 0 });
  });

  it("SIGTERM to `pnpm --filter ... start` reaches the server: it drains, exits 0, and leaves nothing listening", async () => {
    const { databaseUrl } = get();
    const service = await startService("customer via pnpm", ["pnpm", "--filter", "@c360/customer", "start"], {
      NODE_ENV: "production",
      C360_SUBGRAPH_SECRET: "x".repeat(64),
      C360_CUSTOMER_PORT: "0",
      DATABASE_URL: databaseUrl,
    });
    const health = service.url.replace(/\/graphql$/, "/healthz");
    expect((await fetch(health)).status).toBe(200);
    service.child.kill("SIGTERM");
    expect(await service.exited).toBe(0);
    await expect(fetch(health)).rejects.toThrow();
  });
});
