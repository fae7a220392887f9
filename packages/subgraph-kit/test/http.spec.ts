import { connect } from "node:net";
import { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READY_DEADLINE_MS, type RunningServer, serveHttp, telemetryOf } from "../src/http";

/** The kit's HTTP layer in front of a tiny schema whose `slow` field takes 300 ms; readiness takes 200 ms. */
let server: RunningServer;
let readinessChecks = 0;
beforeAll(async () => {
  const apollo = new ApolloServer({
    typeDefs: "type Query { fast: Int slow: Int }",
    resolvers: { Query: { fast: () => 1, slow: () => new Promise((r) => setTimeout(() => r(2), 300)) } },
  });
  server = await serveHttp(apollo, {
    port: 0,
    telemetry: telemetryOf("http-spec", { logLevel: "silent", production: false }),
    context: async () => ({}),
    subjectOf: () => null,
    metrics: "open",
    ready: async () => {
      readinessChecks++;
      await new Promise((r) => setTimeout(r, 200));
      return true;
    },
    requestTimeoutMs: 100,
    bodyTimeoutMs: 300,
  });
});
afterAll(() => server.stop());

const post = async (query: string) => {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
};

/** Sends headers for a 100-byte body, then trickles it a byte every 50 ms; resolves with what the server answered. */
function trickle(): Promise<{ answer: string; ms: number }> {
  const { port } = new URL(server.url);
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let answer = "";
    const timer = setInterval(() => socket.writable && socket.write("x"), 50);
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ answer, ms: performance.now() - started });
    });
    socket.write(
      "POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n",
    );
  });
}

describe("the HTTP layer", () => {
  it("runs one readiness check for the probes that arrive while it runs", async () => {
    const readyz = new URL("/readyz", server.url).href;
    const before = readinessChecks;
    const flood = await Promise.all(Array.from({ length: 30 }, () => fetch(readyz).then((r) => r.status)));
    expect(flood).toEqual(Array(30).fill(200));
    const during = readinessChecks - before;
    expect(during).toBeLessThanOrEqual(2);
    // A probe after it is answered by a check of its own, not by an old answer.
    expect((await fetch(readyz)).status).toBe(200);
    expect(readinessChecks - before).toBe(during + 1);
  });

  it("answers not ready when a readiness check does not settle, and checks anew at the next probe", async () => {
    let settles = false;
    const stuck = await serveHttp(new ApolloServer({ typeDefs: "type Query { fast: Int }" }), {
      port: 0,
      telemetry: telemetryOf("http-spec", { logLevel: "silent", production: false }),
      context: async () => ({}),
      subjectOf: () => null,
      ready: () => (settles ? Promise.resolve(true) : new Promise<boolean>(() => {})),
    });
    try {
      const readyz = new URL("/readyz", stuck.url).href;
      const started = performance.now();
      expect((await fetch(readyz)).status).toBe(503);
      expect(performance.now() - started).toBeGreaterThanOrEqual(READY_DEADLINE_MS - 50);
      settles = true;
      expect((await fetch(readyz)).status).toBe(200);
    } finally {
      await stuck.stop();
    }
  });

  it("answers a body trickled in slower than its budget with 408 REQUEST_TIMEOUT and closes the connection", async () => {
    const { answer, ms } = await trickle();
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain(
      '{"errors":[{"message":"the body did not arrive within 300 ms","extensions":{"code":"REQUEST_TIMEOUT"}}]}',
    );
    expect(ms).toBeLessThan(5_000);
  });

  it("answers within the request budget and refuses past it with 504 REQUEST_TIMEOUT", async () => {
    expect(await post("{ fast }")).toEqual({ status: 200, body: { data: { fast: 1 } } });
    expect(await post("{ slow }")).toEqual({
      status: 504,
      body: {
        errors: [{ message: "the request took longer than its time budget", extensions: { code: "REQUEST_TIMEOUT" } }],
      },
    });
  });

  it("answers with the client's request id when it is a plain token, and with a fresh one otherwise", async () => {
    const idOf = async (id: string) =>
      (
        await fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": id },
          body: JSON.stringify({ query: "{ fast }" }),
        })
      ).headers.get("x-request-id");
    expect(await idOf("checkout-42.a:b")).toBe("checkout-42.a:b");
    for (const hostile of ["a b", "x".repeat(129), "id\u0007bell", "__proto__{}", "é"]) {
      const answered = await idOf(hostile).catch(() => "rejected by fetch");
      expect(answered).not.toBe(hostile);
      if (answered !== "rejected by fetch") expect(answered).toMatch(/^[0-9a-f-]{36}$/);
    }
    const refused = await fetch(server.url, { method: "PUT", headers: { "x-request-id": "refused-1" } });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("x-request-id")).toBe("refused-1");
  });

  it("serves Prometheus metrics whose request counters follow the traffic", async () => {
    const scrape = async () => (await fetch(server.url.replace("/graphql", "/metrics"))).text();
    const count = (text: string, outcome: string, status: number) =>
      Number(
        text
          .split("\n")
          .find((line) =>
            line.startsWith(
              `c360_requests_total{service="http-spec",operation="anonymous",outcome="${outcome}",status="${status}"}`,
            ),
          )
          ?.split(" ")[1] ?? 0,
      );
    const before = await scrape();
    await post("{ fast }");
    await post("{ nope }");
    const after = await scrape();
    expect(count(after, "ok", 200) - count(before, "ok", 200)).toBe(1);
    expect(count(after, "refused", 400) - count(before, "refused", 400)).toBe(1);
    expect(after).toContain('c360_errors_total{service="http-spec",code="GRAPHQL_VALIDATION_FAILED"}');
    expect(after).toContain("process_cpu_seconds_total");
  });
});
