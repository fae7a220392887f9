import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { personsLimitOf, type TokenVerifier, type Viewer, withShield } from "@c360/auth";
import type { Config } from "@c360/config";
import { migrationsCurrent } from "@c360/db";
import type { Cancellation, Database } from "@c360/db-client";
import type { PgTable } from "drizzle-orm/pg-core";
import { type DocumentNode, type GraphQLSchema, Kind } from "graphql";
import { dataProductModule } from "./data-product";
import { formatError } from "./errors";
import { executeOver, httpSettings, type RunningServer, serveHttp, type Telemetry, telemetryOf } from "./http";
import { fieldTypes } from "./limits";
import { extensionsPlugin, notingPersonalData, PersonsSeen, personsExtensions } from "./personal-data";
import { ROWS_EXTENSION, RowsListed } from "./row-limits";
import { scalarResolvers } from "./scalars";
import { subgraphSecret } from "./signature";

/** A table a data product owns; `byMarket` when its rows belong to a market (a `markets` claim narrows them). */
export interface OwnedTable {
  table: PgTable;
  byMarket?: boolean;
}

/**
 * What a subgraph's resolvers receive: the verified viewer, the database (its statements cancelled
 * when the request ends first), this request's DataLoaders, whose personal data the answer carries
 * (for the access trail) and the rows its limited lists took.
 */
export interface SubgraphContext<Loaders> {
  viewer: Viewer;
  db: Database;
  loaders: Loaders;
  persons: PersonsSeen;
  rows: RowsListed;
}

/** A request's context, for `viewer`; its statements end with `cancellation` when one is given. */
export const subgraphContext = <L>(
  definition: SubgraphDefinition<L>,
  database: Database,
  viewer: Viewer,
  cancellation?: Cancellation,
) => {
  const db = cancellation ? database.cancelledBy(cancellation) : database;
  return {
    viewer,
    db,
    loaders: definition.createLoaders(db, viewer),
    persons: new PersonsSeen(personsLimitOf(viewer.roles)),
    rows: new RowsListed(viewer.roles),
  };
};

/** The `extensions` of a subgraph's answer: whose personal data it carried, the rows its limited lists took. */
export function answerExtensions(context: Partial<SubgraphContext<unknown>>): Record<string, unknown> | undefined {
  const persons = personsExtensions(context);
  const rows = context.rows?.report();
  return rows ? { ...persons, [ROWS_EXTENSION]: rows } : persons;
}

/**
 * Everything that makes a subgraph; `buildSchema` and the servers are built from it. Its port, owned
 * Postgres schema and owner are its line in the registry (`@c360/registry`), found by `name`.
 */
export interface SubgraphDefinition<Loaders = unknown> {
  /** The data product's name, also its federation subgraph name and registry key: `customer`, `cx-kpi`, ... */
  name: string;
  description: string;
  /** The tables it owns (all in its registered Postgres schema), as `dataProducts` reports them. */
  tables: readonly OwnedTable[];
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
    { typeDefs: definition.typeDefs, resolvers: withExternalsUnanswered(definition) as never },
  ]);
}

/**
 * The subgraph's resolvers, plus one answering null for every `@external` field: such a field is
 * owned by another subgraph and arrives here only inside an entity representation, which anyone
 * calling `_entities` writes; a subgraph never echoes it back as if it were its data.
 */
function withExternalsUnanswered(definition: SubgraphDefinition): Record<string, unknown> {
  const resolvers = { ...definition.resolvers } as Record<string, Record<string, unknown>>;
  for (const type of definition.typeDefs.definitions) {
    if (type.kind !== Kind.OBJECT_TYPE_DEFINITION && type.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of type.fields ?? []) {
      if (!field.directives?.some((d) => d.name.value === "external")) continue;
      resolvers[type.name.value] = { ...resolvers[type.name.value], [field.name.value]: () => null };
    }
  }
  return resolvers;
}

/**
 * The subgraph's executable federation schema: its own SDL plus the kit's shared types, with
 * graphql-shield rules from the access policy on every field, and its personal fields noting whose
 * data they answered.
 */
export function buildSchema(definition: SubgraphDefinition): GraphQLSchema {
  return withShield(notingPersonalData(buildUnguardedSchema(definition)));
}

/** The SDL modules to compose, in the same order `buildSchema` uses. */
export function subgraphTypeDefs(definition: SubgraphDefinition): DocumentNode[] {
  return [dataProductModule(definition).typeDefs, definition.typeDefs];
}

/**
 * Settings every Apollo Server of the product shares: persisted queries off (a hash alone would run
 * a document the HTTP layer's limits never saw), and no signal handlers of Apollo's own (the
 * process drains and exits through `RunningServer.stop`, in every mode).
 */
export const apolloSettings = { persistedQueries: false, stopOnTerminationSignals: false } as const;

/** Production (`NODE_ENV=production`): no introspection, no suggestions; errors are masked in every mode. */
export function createSubgraphServer<L>(
  definition: SubgraphDefinition<L>,
  production: boolean,
  schema: GraphQLSchema = buildSchema(definition),
): ApolloServer<SubgraphContext<L>> {
  return new ApolloServer<SubgraphContext<L>>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(production),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      extensionsPlugin(answerExtensions),
    ],
    ...apolloSettings,
  });
}

/** Ready when the database answers and every committed migration is applied. */
export const databaseReady = (db: Database) => () => migrationsCurrent(db);

/** How a subgraph serves: where, who checks tokens, the process's configuration and, optionally, its telemetry. */
export interface ServeOptions {
  /** 0 picks a free port. */
  port: number;
  verify: TokenVerifier;
  config: Config;
  /** Default: the subgraph's name as the service, logging as the configuration says. */
  telemetry?: Telemetry;
}

/**
 * Starts the subgraph on 127.0.0.1:`port`. Every request's bearer token is verified here, whoever
 * sent it (the gateway, another router, a client calling directly). With `C360_SUBGRAPH_SECRET` set
 * (required in production), every request must also carry the gateway's signature.
 */
export function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  db: Database,
  options: ServeOptions,
): Promise<RunningServer> {
  return serveSubgraph(definition, buildSchema(definition), db, options);
}

/**
 * `startSubgraph` with the schema given: the one serving path, shared with the authorization
 * benchmark, which serves `buildUnguardedSchema` through it so that only authorization differs.
 */
export async function serveSubgraph<L>(
  definition: SubgraphDefinition<L>,
  schema: GraphQLSchema,
  db: Database,
  { port, verify, config, telemetry = telemetryOf(definition.name, config) }: ServeOptions,
): Promise<RunningServer> {
  return serveHttp<SubgraphContext<L>>(createSubgraphServer(definition, config.production, schema), {
    ...httpSettings(config),
    // What the Apollo Server above would do for a plain request, without its pipeline.
    direct: () => ({
      schema,
      introspection: !config.production,
      execute: executeOver(schema),
      formatError: formatError(config.production),
      extensions: answerExtensions,
    }),
    port,
    telemetry,
    typeOf: fieldTypes(schema),
    signatureSecret: subgraphSecret(config.subgraphSecret, definition.name),
    context: async (req, { cancellation }) =>
      subgraphContext(definition, db, await verify(req.headers.authorization), cancellation),
    subjectOf: (context) => context.viewer.subject,
    ready: databaseReady(db),
  });
}
