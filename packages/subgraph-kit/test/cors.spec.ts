import { request } from "node:http";
import { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listedOrigin } from "../src/cors";
import {
  type Answer,
  type AnswerCache,
  type HttpOptions,
  type RunningServer,
  serveHttp,
  telemetryOf,
} from "../src/http";

const APP = "https://app.example.com";
const LOCAL = "http://127.0.0.1:5173";

/** Origins no listing of APP and LOCAL may let through: each differs from them in some way. */
const hostile = [
  "null",
  "",
  "https://APP.example.com",
  "HTTPS://app.example.com",
  "http://app.example.com",
  "https://app.example.com:443",
  "https://app.example.com:8443",
  "https://app.example.com/",
  "https://app.example.com/path",
  "https://app.example.com.evil.example",
  "https://evilapp.example.com",
  `${APP}, ${LOCAL}`,
  "http://localhost:5173",
  "http://127.0.0.1",
  "*",
  `https://${"a".repeat(8_000)}.example.com`,
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
];

describe("the origin check", () => {
  const origins = new Set([APP, LOCAL]);

  it("lets through a single Origin header that is a listed origin exactly", () => {
    expect(listedOrigin(origins, [APP])).toBe(APP);
    expect(listedOrigin(origins, [LOCAL])).toBe(LOCAL);
  });

  it("lets through no other text, no missing origin and no repeated header", () => {
    for (const origin of hostile) expect(listedOrigin(origins, [origin]), origin).toBeUndefined();
    expect(listedOrigin(origins, undefined)).toBeUndefined();
    expect(listedOrigin(origins, [])).toBeUndefined();
    expect(listedOrigin(origins, [APP, APP])).toBeUndefined();
    expect(listedOrigin(origins, [APP, LOCAL])).toBeUndefined();
  });
});

/** What a test reads of an answer: status, the CORS headers and Vary, the error codes. */
type Seen = { status: number; cors: Record<string, string>; codes: string[] };

/** Sends a raw request (repeated headers included, which fetch would merge) and reads what `Seen` keeps. */
function send(url: string, method: string, headers: Record<string, string | string[]>, body = ""): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => {
        const cors = Object.fromEntries(
          Object.entries(res.headers).flatMap(([name, value]) =>
            name.startsWith("access-control-") || name === "vary" ? [[name, String(value)]] : [],
          ),
        );
        const codes = text
          ? ((JSON.parse(text) as { errors?: { extensions: { code: string } }[] }).errors ?? []).map(
              (e) => e.extensions.code,
            )
          : [];
        resolve({ status: res.statusCode ?? 0, cors, codes });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

const preflight = (url: string, origin: string | string[], method = "POST") =>
  send(url, "OPTIONS", {
    origin,
    "access-control-request-method": method,
    "access-control-request-headers": "authorization, content-type",
  });

const post = (url: string, origin?: string | string[]) =>
  send(
    url,
    "POST",
    { "content-type": "application/json", ...(origin === undefined ? {} : { origin }) },
    JSON.stringify({ query: "{ hello }" }),
  );

const allowed = (origin: string) => ({
  vary: "origin",
  "access-control-allow-origin": origin,
  "access-control-expose-headers": "x-request-id, retry-after",
});

/** The HTTP layer in front of a one-field schema, with CORS for APP and LOCAL and a cache of answers by document. */
let server: RunningServer;
let subgraph: RunningServer;
let hits = 0;
beforeAll(async () => {
  const kept = new Map<string, Answer>();
  const cache: AnswerCache<object> = {
    async lookup(_, { query }) {
      const answer = kept.get(query);
      if (answer) hits++;
      return answer ? { answer } : { key: query };
    },
    settle(key, answer) {
      if (answer) kept.set(key, answer);
    },
  };
  const serve = (options: Pick<HttpOptions<object>, "cors" | "cache">) =>
    serveHttp(
      new ApolloServer({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hi" } } }),
      {
        port: 0,
        telemetry: telemetryOf("cors-spec", { logLevel: "silent", production: false }),
        context: async () => ({}),
        subjectOf: () => null,
        ready: async () => true,
        ...options,
      },
    );
  server = await serve({ cors: { origins: [APP, LOCAL], requestHeaders: ["x-c360-purpose"] }, cache });
  subgraph = await serve({});
});
afterAll(async () => {
  await server?.stop();
  await subgraph?.stop();
});

describe("CORS in the HTTP layer", () => {
  it("answers a listed origin's preflight with what its page may send, never credentials", async () => {
    expect(await preflight(server.url, APP)).toEqual({
      status: 204,
      cors: {
        ...allowed(APP),
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers":
          "accept, authorization, content-encoding, content-type, x-request-id, traceparent, tracestate, x-c360-purpose",
        "access-control-max-age": "600",
      },
      codes: [],
    });
  });

  it("refuses, coded and with no allow header, a preflight from any other origin or for another method", async () => {
    for (const origin of [...hostile, [APP, APP], [APP, LOCAL]])
      expect(await preflight(server.url, origin), String(origin)).toEqual({
        status: 403,
        cors: { vary: "origin" },
        codes: ["FORBIDDEN"],
      });
    expect(await preflight(server.url, APP, "PUT")).toEqual({
      status: 405,
      cors: allowed(APP),
      codes: ["METHOD_NOT_ALLOWED"],
    });
    // An OPTIONS request that is no preflight is a method like any other.
    expect(await send(server.url, "OPTIONS", {})).toEqual({
      status: 405,
      cors: { vary: "origin" },
      codes: ["METHOD_NOT_ALLOWED"],
    });
  });

  it("gives a fresh and a kept answer the headers of whoever asks: the listed origin its own, anyone else none", async () => {
    const asked = [APP, "https://evil.example", LOCAL, undefined, APP, [APP, LOCAL], ...hostile];
    for (const origin of asked)
      expect(await post(server.url, origin), String(origin)).toEqual({
        status: 200,
        cors: typeof origin === "string" && [APP, LOCAL].includes(origin) ? allowed(origin) : { vary: "origin" },
        codes: [],
      });
    // Only the first was executed: every other answer came from the cache.
    expect(hits).toBe(asked.length - 1);
  });

  it("sends no CORS header where it is not configured (a subgraph): a preflight is a method not allowed", async () => {
    expect(await preflight(subgraph.url, APP)).toEqual({ status: 405, cors: {}, codes: ["METHOD_NOT_ALLOWED"] });
    expect(await post(subgraph.url, APP)).toEqual({ status: 200, cors: {}, codes: [] });
  });
});
