import { readFileSync } from "node:fs";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { Marketplace } from "./resolvers/Marketplace";
import { Query } from "./resolvers/Query";

export type Context = SubgraphContext<Loaders>;

/** The cx-kpi data product: daily Discover / Purchase / Fulfillment KPIs and their rollups. */
export const cxKpiSubgraph: SubgraphDefinition<Loaders> = {
  name: "cx-kpi",
  domain: "cx",
  owner: "CX Analytics team",
  description:
    "Daily Discover, Purchase and Fulfillment KPIs by marketplace and Prime flag, with week and month rollups.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Marketplace } satisfies Resolvers,
  createLoaders,
};
