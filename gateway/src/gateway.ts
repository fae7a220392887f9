import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import type { RunningServer } from "@c360/subgraph-kit";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph URLs by name; a subgraph not named here is reached at the URL the supergraph records. */
  subgraphUrls?: Record<string, string>;
  port: number;
}

/** Serves the supergraph on 127.0.0.1:`port` (0 picks a free port) at /graphql. */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: options.subgraphUrls?.[name] ?? url }),
  });
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, { listen: { port: options.port, host: "127.0.0.1" } });
  return { url: `${url}graphql`, stop: () => server.stop() };
}
