import { readFileSync } from "node:fs";
import { kpiDiscoverDaily, kpiFulfillmentDaily, kpiPurchaseDaily } from "@c360/db/schema";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { Marketplace } from "./resolvers/Marketplace";
import { Query } from "./resolvers/Query";

export type Context = SubgraphContext<Loaders>;

/** The cx-kpi data product: daily Discover / Purchase / Fulfillment KPIs and their rollups. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "cx-kpi",
  description:
    "Daily Discover, Purchase and Fulfillment KPIs by marketplace and Prime flag, with week and month rollups.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Marketplace } satisfies Resolvers,
  tables: [
    { table: kpiDiscoverDaily, byMarket: true },
    { table: kpiPurchaseDaily, byMarket: true },
    { table: kpiFulfillmentDaily, byMarket: true },
  ],
  createLoaders,
};
