import { readFileSync } from "node:fs";
import { accessEvents } from "@c360/db/schema";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { AccessEvent } from "./resolvers/AccessEvent";
import { Query } from "./resolvers/Query";

/** Governance needs no loaders: its fields are the policy (data in code) and pages of the trail. */
const createLoaders = () => ({});

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;

/** The governance data product: the access policy and the access trail, for auditors. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "governance",
  description:
    "The access policy (who may read which field), explanations of what a role may read, and the access trail.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, AccessEvent } satisfies Resolvers,
  tables: [{ table: accessEvents }],
  createLoaders,
};
