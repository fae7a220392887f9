import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { type TokenVerifier, type Viewer, withShield } from "@c360/auth";
import { migrationsCurrent } from "@c360/db";
import type { Database } from "@c360/db-client";
import type { DocumentNode, GraphQLSchema } from "graphql";
import { dataProductModule } from "./data-product";
import { formatError } from "./errors";
import { type RunningServer, serveHttp } from "./http";
import { limitsPlugin } from "./limits";
import { scalarResolvers } from "./scalars";
import { subgraphSecret } from "./signature";

/** What a subgraph's resolvers receive: the verified viewer, the database and this request's DataLoaders. */
export interface SubgraphContext<Loaders> {
  viewer: Viewer;
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
  /** Per-request loaders; row scope (the viewer's markets) goes into their SQL. */
  createLoaders(db: Database, viewer: Viewer): Loaders;
}

/**
 * The federation schema with its resolvers and no access rules. Nothing the product starts serves it:
 * it exists so that the authorization benchmark can measure what `buildSchema`'s rules cost.
 */
export function buildUnguardedSchema(definition: SubgraphDefinition): GraphQLSchema {
  const kit = dataProductModule(definition);
  return buildSubgraphSchema([
    { typeDefs: kit.typeDefs, resolvers: { ...scalarResolvers, ...kit.resolvers } as never },
    { typeDefs: definition.typeDefs, resolvers: definition.resolvers as never },
  ]);
}

/**
 * The subgraph's executable federation schema: its own SDL plus the kit's shared types, with
 * graphql-shield rules from the access policy on every field.
 */
export function buildSchema(definition: SubgraphDefinition): GraphQLSchema {
  return withShield(buildUnguardedSchema(definition));
}

/** The SDL modules to compose, in the same order `buildSchema` uses. */
export function subgraphTypeDefs(definition: SubgraphDefinition): DocumentNode[] {
  return [dataProductModule(definition).typeDefs, definition.typeDefs];
}

/** `NODE_ENV=production`: no introspection, no suggestions; errors are masked in every mode. */
export const isProduction = () => process.env.NODE_ENV === "production";

export function createSubgraphServer<L>(
  definition: SubgraphDefinition<L>,
  schema: GraphQLSchema = buildSchema(definition),
): ApolloServer<SubgraphContext<L>> {
  const production = isProduction();
  return new ApolloServer<SubgraphContext<L>>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(production),
    plugins: [ApolloServerPluginInlineTraceDisabled(), limitsPlugin()],
  });
}

/** Ready when the database answers and every committed migration is applied. */
export const databaseReady = (db: Database) => () => migrationsCurrent(db);

/**
 * Starts the subgraph on 127.0.0.1:`port` (0 picks a free port). Every request's bearer token is
 * verified here, whoever sent it (the gateway, another router, a client calling directly).
 */
export function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  db: Database,
  port: number,
  verify: TokenVerifier,
): Promise<RunningServer> {
  return serveSubgraph(definition, buildSchema(definition), db, port, verify);
}

/**
 * `startSubgraph` with the schema given: the one serving path, shared with the authorization
 * benchmark, which serves `buildUnguardedSchema` through it so that only authorization differs.
 */
export async function serveSubgraph<L>(
  definition: SubgraphDefinition<L>,
  schema: GraphQLSchema,
  db: Database,
  port: number,
  verify: TokenVerifier,
): Promise<RunningServer> {
  const signatureSecret = subgraphSecret(definition.name);
  if (isProduction() && !signatureSecret) throw new Error("C360_SUBGRAPH_SECRET is required in production");
  return serveHttp(createSubgraphServer(definition, schema), {
    port,
    signatureSecret: isProduction() ? signatureSecret : undefined,
    context: async (req) => {
      const viewer = await verify(req.headers.authorization);
      return { viewer, db, loaders: definition.createLoaders(db, viewer) };
    },
    ready: databaseReady(db),
  });
}
