import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Viewer } from "@c360/auth";
import { loadConfig } from "@c360/config";
import {
  PERSONS_EXTENSION,
  SIGNATURE_HEADER,
  subgraphSecret,
  UnavailableError,
  verifySignature,
} from "@c360/subgraph-kit";
import { GraphQLError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayContext } from "../src/audit";
import { CircuitBreaker } from "../src/breaker";
import { createSubgraphClient, subgraphSource } from "../src/fetch";

/**
 * The gateway's data source against a real HTTP server playing the subgraph: what it sends (only the
 * token, the request id, the signature and the trace), and what it makes of every kind of answer.
 */
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handle: Handler = () => {};
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => handle(req, Buffer.concat(chunks).toString(), res));
});
let url = "";
const client = createSubgraphClient();
const config = { ...loadConfig(), subgraphSecret: "test-root-secret" };
config.timeouts = { ...config.timeouts, subgraphMs: 300 };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql?v=1`;
});
afterAll(async () => {
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const viewer: Viewer = { subject: "u1", roles: [], claimedRoles: [], entitlements: new Set(), markets: null };
const context = () => gatewayContext("Bearer a.b.c", viewer, "req-1");
const options = (ctx = context()) =>
  ({
    kind: "incoming operation",
    request: { query: "{ a }", variables: { x: 1 }, operationName: undefined },
    context: ctx,
    incomingRequestContext: {},
  }) as unknown as GraphQLDataSourceProcessOptions;
const answer =
  (status: number, body: string, type = "application/json"): Handler =>
  (_req, _body, res) => {
    res.writeHead(status, { "content-type": type });
    res.end(body);
  };
const source = (breaker = new CircuitBreaker("sales")) => subgraphSource("sales", url, breaker, config, client);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable(),
    (e: unknown) => e,
  );

describe("the gateway's data source for a subgraph", () => {
  it("sends the operation with the token, the request id and a signature over exactly what it sends, and nothing else", async () => {
    let seen: { headers: IncomingMessage["headers"]; body: string; target: string } | undefined;
    handle = (req, body, res) => {
      seen = { headers: req.headers, body, target: req.url ?? "" };
      answer(200, '{"data":{"a":1}}')(req, body, res);
    };
    expect(await source().process(options())).toEqual({ data: { a: 1 } });
    expect(JSON.parse(seen?.body ?? "")).toEqual({ query: "{ a }", variables: { x: 1 } });
    expect(seen?.headers).toMatchObject({
      authorization: "Bearer a.b.c",
      "x-request-id": "req-1",
      "content-type": "application/json",
    });
    const secret = subgraphSecret(config.subgraphSecret, "sales") as Buffer;
    const parts = { method: "POST", target: "/graphql?v=1", authorization: "Bearer a.b.c", body: seen?.body ?? "" };
    expect(seen?.target).toBe("/graphql?v=1");
    expect(verifySignature(secret, seen?.headers[SIGNATURE_HEADER] as string, parts)).toBe(true);
    expect(Object.keys(seen?.headers ?? {}).sort()).toEqual(
      ["authorization", "connection", "content-length", "content-type", "host", "x-request-id", SIGNATURE_HEADER]
        .concat(seen?.headers.traceparent ? ["traceparent"] : [])
        .sort(),
    );
  });

  it("notes the personal data the answer reports for the request's access event", async () => {
    const ctx = context();
    handle = answer(200, JSON.stringify({ data: { a: 1 }, extensions: { [PERSONS_EXTENSION]: { keys: ["CUST1"] } } }));
    await source().process(options(ctx));
    expect(ctx.access.customerIds).toEqual(["CUST1"]);
  });

  it("relays a subgraph's coded client refusal with its message, and makes a draining subgraph's 503 SERVICE_UNAVAILABLE", async () => {
    handle = answer(400, '{"errors":[{"message":"$from: not a day","extensions":{"code":"BAD_USER_INPUT"}}]}');
    const refused = (await failure(source().process(options()))) as GraphQLError;
    expect([refused.message, refused.extensions.code]).toEqual(["$from: not a day", "BAD_USER_INPUT"]);
    handle = answer(503, '{"errors":[{"message":"shutting down"}]}');
    const draining = (await failure(source().process(options()))) as GraphQLError;
    expect(draining.extensions.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("keeps anything else a failure with its status, whatever the body: an uncoded 4xx, a 500 page, a code it does not know", async () => {
    for (const [status, body, type] of [
      [400, '{"errors":[{"message":"x","extensions":{"code":"__proto__"}}]}', "application/json"],
      [401, '{"errors":"constructor"}', "application/json"],
      [500, "<html>oops</html>", "text/html"],
      [502, "{not json", "application/json"],
    ] as const) {
      handle = answer(status, body, type);
      const error = (await failure(source().process(options()))) as GraphQLError;
      expect(error, `${status} ${body}`).toBeInstanceOf(GraphQLError);
      expect(error.message).toMatch(new RegExp(`^${status}: `));
      expect(error.extensions.code).toBeUndefined();
    }
  });

  it("reads an answer whose content type comes twice by the first, and one without any as text", async () => {
    handle = (_req, _body, res) => {
      res.setHeader("content-type", ["application/json", "text/plain"]);
      res.end('{"data":{"a":1}}');
    };
    expect(await source().process(options())).toEqual({ data: { a: 1 } });
    handle = (_req, _body, res) => {
      res.removeHeader("content-type");
      res.end('{"data":{"a":1}}');
    };
    await expect(source().process(options())).rejects.toThrow(/expected a JSON object/);
  });

  it("refuses a successful answer that is not a JSON object", async () => {
    for (const [body, type] of [
      ["[1,2]", "application/json"],
      ["ok", "text/plain"],
      ["null", "application/json"],
    ] as const) {
      handle = answer(200, body, type);
      await expect(source().process(options()), body).rejects.toThrow(/expected a JSON object/);
    }
  });

  it("gives up after its time budget without retrying, and opens the breaker after timeouts of several subjects", async () => {
    let calls = 0;
    handle = () => {
      calls++;
    };
    const breaker = new CircuitBreaker("sales", { threshold: 2, openMs: 60_000 });
    const slow = source(breaker);
    const timedOut = await failure(slow.process(options()));
    expect(timedOut).toBeInstanceOf(UnavailableError);
    expect((timedOut as Error).message).toMatch(/no answer within 300 ms/);
    expect(calls).toBe(1);
    // The same subject's slow requests are its own: they do not take the subgraph from others.
    await failure(slow.process(options()));
    expect(breaker.state).toBe("closed");
    const other = gatewayContext("Bearer a.b.c", { ...viewer, subject: "u2" }, "req-2");
    await failure(slow.process(options(other)));
    expect(breaker.state).toBe("open");
    const open = await failure(slow.process(options()));
    expect((open as Error).message).toMatch(/circuit open/);
    expect(calls).toBe(3);
  });

  it("reads an answer no further than the response limit: RESPONSE_TOO_LARGE, not retried, no breaker failure", async () => {
    let calls = 0;
    const big = `{"data":{"a":"${"x".repeat(config.limits.responseBytes)}"}}`;
    for (const chunked of [false, true]) {
      handle = (_req, _body, res) => {
        calls++;
        res.writeHead(200, {
          "content-type": "application/json",
          ...(chunked ? {} : { "content-length": big.length }),
        });
        if (chunked) res.write(big.slice(0, 1_000));
        res.end(chunked ? big.slice(1_000) : big);
      };
      const breaker = new CircuitBreaker("sales", { threshold: 1 });
      const refused = await failure(source(breaker).process(options()));
      expect([(refused as GraphQLError).extensions?.code, breaker.state]).toEqual(["RESPONSE_TOO_LARGE", "closed"]);
    }
    expect(calls).toBe(2);
  });

  it("counts the rows a viewer's limited lists took across the fetches of one request", async () => {
    const care: Viewer = { ...viewer, roles: ["customer_care"], claimedRoles: ["customer_care"] };
    const ctx = gatewayContext("Bearer a.b.c", care, "req-3");
    handle = answer(200, '{"data":{"a":1},"extensions":{"rowsListed":{"Query.customers":15}}}');
    expect(await source().process(options(ctx))).toMatchObject({ data: { a: 1 } });
    const refused = await failure(source().process(options(ctx)));
    expect((refused as GraphQLError).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      coordinate: "Query.customers",
      limit: 20,
    });
    // Another request starts from nothing.
    expect(await source().process(options(gatewayContext("Bearer a.b.c", care, "req-4")))).toMatchObject({
      data: { a: 1 },
    });
  });

  it("is unavailable, after one retry, when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = subgraphSource(
      "sales",
      `http://127.0.0.1:${port}/graphql`,
      new CircuitBreaker("sales"),
      config,
      client,
    );
    const error = await failure(gone.process(options()));
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
