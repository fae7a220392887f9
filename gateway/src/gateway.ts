import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { apiSchemaOf, type TokenVerifier } from "@c360/auth";
import type { RunningServer } from "@c360/subgraph-kit";
import { type AuditTrail, auditPlugin, type GatewayContext, hashDocument } from "./audit";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph URLs by name; a subgraph not named here is reached at the URL the supergraph records. */
  subgraphUrls?: Record<string, string>;
  port: number;
  verify: TokenVerifier;
  audit: AuditTrail;
}

/**
 * Serves the supergraph on 127.0.0.1:`port` (0 picks a free port) at /graphql. The bearer token is
 * verified here first (a bad one never reaches a subgraph) and then forwarded; no other client
 * header reaches the subgraphs, which verify the token again and enforce their own rules. Every
 * request, refused ones included, goes to the access trail.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls?.[name] ?? url,
        willSendRequest({ request, context }) {
          request.http?.headers.set("authorization", context.authorization);
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [auditPlugin(options.audit, apiSchemaOf(options.supergraphSdl))],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: "127.0.0.1" },
    context: async ({ req }) => {
      try {
        return {
          authorization: req.headers.authorization ?? "",
          viewer: await options.verify(req.headers.authorization),
        };
      } catch (error) {
        options.audit.record({
          occurredAt: new Date(),
          subject: null,
          roles: [],
          markets: null,
          operationName: null,
          documentHash: hashDocument(undefined),
          coordinates: [],
          denied: [],
          outcome: "unauthenticated",
        });
        throw error;
      }
    },
  });
  return { url: `${url}graphql`, stop: () => server.stop() };
}
