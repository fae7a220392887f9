import { readFileSync } from "node:fs";
import { accessDocuments, accessEvents, chainCheckpoints } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import { byKey, loader, type SubgraphContext, type SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import { documentsByHashes } from "./data";
import type { Resolvers } from "./generated/resolvers-types";
import { AccessEvent } from "./resolvers/AccessEvent";
import { Query } from "./resolvers/Query";

/** Governance's one loader: the documents behind a page of events, in one statement. */
const createLoaders = (db: Database) => ({
  document: loader("governance.document", async (hashes: readonly string[]) =>
    byKey(hashes, await documentsByHashes(db, hashes), (r) => r.documentHash).map((r) => r?.document ?? null),
  ),
});

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;

/** The governance data product: the access policy and the access trail, for auditors. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "governance",
  description:
    "The access policy (who may read which field), explanations of what a role may read, and the access trail.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, AccessEvent } satisfies Resolvers,
  tables: [{ table: accessEvents }, { table: accessDocuments }, { table: chainCheckpoints }],
  createLoaders,
};
