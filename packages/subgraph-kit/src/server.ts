import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { Database } from "@c360/db-client";
import type { DocumentNode, GraphQLSchema } from "graphql";
import { dataProductModule } from "./data-product";
import { scalarResolvers } from "./scalars";

/** What a subgraph's resolvers receive: the database and this request's DataLoaders. */
export interface SubgraphContext<Loaders> {
  db: Database;
  loaders: Loaders;
}

/** Everything that makes a subgraph; `buildSchema` and the servers are built from it. */
export interface SubgraphDefinition<Loaders = unknown> {
  /** The data product's name, also its federation subgraph name: `customer`, `cx-kpi`, ... */
  name: string;
  /** Its Postgres schema (`customer`, `cx`, ...): the only one its SQL touches. */
  domain: string;
  owner: string;
  description: string;
  typeDefs: DocumentNode;
  /** The resolver map, typed per subgraph by its generated `Resolvers` type. */
  resolvers: Record<string, unknown>;
  createLoaders(db: Database): Loaders;
}

/** The subgraph's executable federation schema: its own SDL plus the kit's shared types. */
export function buildSchema(definition: SubgraphDefinition): GraphQLSchema {
  const kit = dataProductModule(definition);
  return buildSubgraphSchema([
    { typeDefs: kit.typeDefs, resolvers: { ...scalarResolvers, ...kit.resolvers } as never },
    { typeDefs: definition.typeDefs, resolvers: definition.resolvers as never },
  ]);
}

/** The SDL modules to compose, in the same order `buildSchema` uses. */
export function subgraphTypeDefs(definition: SubgraphDefinition): DocumentNode[] {
  return [dataProductModule(definition).typeDefs, definition.typeDefs];
}

export function createSubgraphServer<L>(definition: SubgraphDefinition<L>): ApolloServer<SubgraphContext<L>> {
  return new ApolloServer<SubgraphContext<L>>({
    schema: buildSchema(definition),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the subgraph on 127.0.0.1:`port` (0 picks a free port) with fresh loaders per request. */
export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  db: Database,
  port: number,
): Promise<RunningServer> {
  const server = createSubgraphServer(definition);
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: "127.0.0.1" },
    context: async () => ({ db, loaders: definition.createLoaders(db) }),
  });
  return { url: `${url}graphql`, stop: () => server.stop() };
}
