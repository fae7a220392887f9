import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { seed } from "@c360/db";
import { recordedOperations } from "@c360/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind } from "../testkit/database";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, send, startProcessTestStack, type TestStack } from "../testkit/stack";

/**
 * What an operator sees of the running product: Prometheus metrics on every process, one JSON log
 * line per request in every process carrying the request's id, and OpenTelemetry traces exported to
 * a collector (here an OTLP/HTTP receiver in the test process). On Postgres the product runs as its
 * six production processes; on PGlite, in one process (there the log and trace tests, which are
 * about several processes, have nothing to observe).
 */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}
const spans: ReceivedSpan[] = [];
let collector: Server;
let t: TestStack<Endpoints>;
/** Every process answers /metrics to this token only (set for the in-process stack and the processes alike). */
const METRICS_TOKEN = "observability-spec-scrapes-with-this-0123456789";
const savedMetricsToken = process.env.C360_METRICS_TOKEN;

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      type Export = {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: Omit<ReceivedSpan, "service">[] }[];
        }[];
      };
      for (const r of (JSON.parse(body) as Export).resourceSpans) {
        const service = r.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "";
        for (const s of r.scopeSpans) for (const span of s.spans) spans.push({ ...span, service });
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const { port } = collector.address() as AddressInfo;
  process.env.C360_METRICS_TOKEN = METRICS_TOKEN;
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }), undefined, {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
  });
});
afterAll(async () => {
  await t?.dispose();
  collector?.close();
  if (savedMetricsToken === undefined) delete process.env.C360_METRICS_TOKEN;
  else process.env.C360_METRICS_TOKEN = savedMetricsToken;
});

/** A process's /metrics, as the scraper holding the metrics token reads it. */
const scrape = async (graphqlUrl: string) =>
  (
    await fetch(graphqlUrl.replace(/\/graphql$/, "/metrics"), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();

/** The sum of a metric's samples whose labels include `labels`, from Prometheus' text format. */
async function sampled(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await scrape(url);
  let sum = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const has = Object.entries(labels).every(([k, v]) => (match[2] ?? "").includes(`${k}="${v}"`));
    if (has) sum += Number(match[3]);
  }
  return sum;
}

/** The recorded Customer 360 (customer care is held to trusted documents in production): customer, sales, logistics. */
const customer360 = recordedOperations().find((op) => op.name === "Customer360")?.query as string;

async function ask(query: string, role: Parameters<typeof tokenFor>[0], requestId?: string) {
  const response = await send(t.stack, t.stack.gatewayUrl, {
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await tokenFor(role)}`,
      ...(requestId ? { "x-request-id": requestId } : {}),
    },
    body: JSON.stringify({ query, variables: { id: "CUST001" } }),
  });
  return { id: response.headers.get("x-request-id"), body: (await response.json()) as { errors?: unknown[] } };
}

describe("metrics", () => {
  it("/metrics of the gateway and of a subgraph move with traffic: requests, denials, SQL statements", async () => {
    const gateway = t.stack.gatewayUrl;
    const customer = t.stack.subgraphUrls.customer as string;
    /** The counters this test moves, read from the two processes' /metrics. */
    const counters = async () => ({
      requests: await sampled(gateway, "c360_requests_total", { service: "gateway", operation: "Customer360" }),
      denied: await sampled(gateway, "c360_denials_total", { service: "gateway", coordinate: "Customer.email" }),
      customerRequests: await sampled(customer, "c360_requests_total", { service: "customer" }),
      customerDenied: await sampled(customer, "c360_denials_total", {
        service: "customer",
        coordinate: "Customer.email",
      }),
      sql: await sampled(customer, "c360_sql_statements_total"),
      fetches: await sampled(gateway, "c360_subgraph_fetch_duration_seconds_count", { subgraph: "sales" }),
    });
    const before = await counters();
    expect((await ask(customer360, "customer_care")).body.errors).toBeUndefined();
    expect(JSON.stringify((await ask(customer360, "marketing_analyst")).body.errors)).toContain("FORBIDDEN");
    const after = await counters();
    expect(after.requests - before.requests).toBe(2);
    expect(after.denied - before.denied).toBe(1);
    expect(after.customerRequests - before.customerRequests).toBeGreaterThanOrEqual(2);
    expect(after.customerDenied - before.customerDenied).toBe(1);
    expect(after.sql).toBeGreaterThan(before.sql);
    expect(after.fetches).toBeGreaterThan(before.fetches);
    const text = await scrape(gateway);
    // PGlite is one connection, without a pool to report.
    const gauges = ["c360_audit_backlog", "c360_subgraph_circuit_open"];
    if (databaseKind === "postgres") gauges.push("c360_db_pool_connections");
    for (const name of gauges) expect(text, name).toContain(`\n${name}`);
  });

  it("labels only a verified caller's operation names: requests without a token take none of them", async () => {
    const gateway = t.stack.gatewayUrl;
    for (const name of ["JunkOne", "JunkTwo"]) {
      const response = await send(t.stack, gateway, {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `query ${name} { __typename }` }),
      });
      expect(response.status).toBe(401);
    }
    const text = await scrape(gateway);
    expect(text).not.toContain('operation="JunkOne"');
    expect(
      await sampled(gateway, "c360_requests_total", { operation: "unverified", status: "401" }),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe.runIf(databaseKind === "postgres")("logs and traces across the six processes", () => {
  it("one request id finds the request's line in the gateway and in every subgraph it called; no token is logged", async () => {
    const id = `obs-${Date.now()}`;
    const reply = await ask(customer360, "customer_care", id);
    expect(reply.id).toBe(id);
    const processes = t.stack.processes;
    if (!processes) throw new Error("the six processes are not running");
    const linesOf = (output: string) =>
      output
        .split("\n")
        .filter((l) => l.includes(id))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    await expect.poll(() => linesOf(processes.gateway.output()).length).toBe(1);
    const [gatewayLine] = linesOf(processes.gateway.output());
    expect(gatewayLine).toMatchObject({
      level: "info",
      service: "gateway",
      requestId: id,
      operation: "Customer360",
      subject: "test-customer_care",
      status: 200,
      outcome: "ok",
    });
    expect(typeof gatewayLine?.durationMs).toBe("number");
    expect(typeof gatewayLine?.time).toBe("string");
    for (const name of ["customer", "sales"]) {
      const lines = () => linesOf(processes.subgraphs[name]?.output() ?? "");
      await expect.poll(() => lines().length, { message: name }).toBeGreaterThanOrEqual(1);
      expect(lines()[0]).toMatchObject({ service: name, requestId: id, status: 200 });
    }
    const everything = [processes.gateway, ...Object.values(processes.subgraphs)].map((p) => p.output()).join("\n");
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(everything).not.toContain("@example");
  });

  it("one trace spans the gateway, the subgraphs it called and their SQL", async () => {
    await ask(customer360, "customer_care", `trace-${Date.now()}`);
    const trace = async () => {
      const roots = spans.filter((s) => s.service === "c360-gateway" && !s.parentSpanId);
      for (const root of roots.reverse()) {
        const inTrace = spans.filter((s) => s.traceId === root.traceId);
        const services = new Set(inTrace.map((s) => s.service));
        if (services.has("c360-customer") && services.has("c360-sales")) return inTrace;
      }
      return [];
    };
    await expect.poll(async () => (await trace()).length, { timeout: 15_000, interval: 500 }).toBeGreaterThan(0);
    const inTrace = await trace();
    const byId = new Map(inTrace.map((s) => [s.spanId, s]));
    const customerServer = inTrace.find((s) => s.service === "c360-customer" && s.name.includes("/graphql"));
    expect(customerServer?.parentSpanId).toBeDefined();
    // The customer subgraph's server span is the child of the gateway's fetch span to it.
    expect(byId.get(customerServer?.parentSpanId as string)).toMatchObject({
      service: "c360-gateway",
      name: "subgraph customer",
    });
    expect(inTrace.some((s) => s.service === "c360-customer" && s.name === "sql")).toBe(true);
  });
});
