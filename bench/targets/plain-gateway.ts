/**
 * A plain @apollo/gateway, set up as Apollo's documentation shows (supergraph SDL, a data source that
 * forwards the Authorization header, Apollo Server's standalone HTTP server), over the same subgraph
 * processes: the reference the bench compares c360's gateway with. Our subgraphs run in production
 * mode and require the gateway's signature, so its fetcher signs like ours; nothing else is added
 * (no limits, budget, trail or breaker). It is Apollo's package as published (`@apollo/gateway-upstream`,
 * 2.14.3): pnpm applies c360's patch of `@apollo/gateway@2.14.4` (result shaping, one-fetch answers
 * passed on) to every copy of that version, which credited c360's own work to the reference. Settings
 * from the environment: BENCH_PORT, BENCH_URLS (JSON, subgraph URLs by name), C360_SUBGRAPH_SECRET.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway-upstream";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { SIGNATURE_HEADER, sign, subgraphSecret } from "@c360/subgraph-kit";
import { supergraphSdl } from "@c360/supergraph";

const urls = JSON.parse(process.env.BENCH_URLS ?? "{}") as Record<string, string>;
const root = process.env.C360_SUBGRAPH_SECRET;

const gateway = new ApolloGateway({
  supergraphSdl: supergraphSdl(),
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource<{ authorization: string }>({
      url: urls[name] ?? url,
      fetcher: (async (input: string, init: RequestInit) => {
        const headers = new Headers(init.headers as HeadersInit);
        const secret = subgraphSecret(root, name);
        if (secret)
          headers.set(
            SIGNATURE_HEADER,
            sign(secret, {
              method: init.method ?? "POST",
              target: new URL(input).pathname,
              authorization: headers.get("authorization") ?? "",
              body: String(init.body ?? ""),
            }),
          );
        return fetch(input, { ...init, headers });
      }) as never,
      willSendRequest({ request, context }) {
        request.http?.headers.set("authorization", context.authorization);
      },
    }),
});
const server = new ApolloServer<{ authorization: string }>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.BENCH_PORT ?? 0), host: "127.0.0.1" },
  context: async ({ req }) => ({ authorization: req.headers.authorization ?? "" }),
});
// The standalone server answers on every path.
console.log(`plain gateway ready at ${url}graphql`);
