import { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, serveHttp } from "../src/http";

/** The kit's HTTP layer in front of a tiny schema whose `slow` field takes 300 ms. */
let server: RunningServer;
beforeAll(async () => {
  const apollo = new ApolloServer({
    typeDefs: "type Query { fast: Int slow: Int }",
    resolvers: { Query: { fast: () => 1, slow: () => new Promise((r) => setTimeout(() => r(2), 300)) } },
  });
  server = await serveHttp(apollo, {
    port: 0,
    context: async () => ({}),
    ready: async () => true,
    requestTimeoutMs: 100,
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

describe("the HTTP layer", () => {
  it("answers within the request budget and refuses past it with 504 REQUEST_TIMEOUT", async () => {
    expect(await post("{ fast }")).toEqual({ status: 200, body: { data: { fast: 1 } } });
    expect(await post("{ slow }")).toEqual({
      status: 504,
      body: {
        errors: [{ message: "the request took longer than its time budget", extensions: { code: "REQUEST_TIMEOUT" } }],
      },
    });
  });
});
