import { readFileSync } from "node:fs";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { Query } from "./resolvers/Query";
import { Location, Shipment, TrackingEvent, Transaction } from "./resolvers/Shipment";

export type Context = SubgraphContext<Loaders>;

/** The logistics data product: shipments, tracking events and locations. */
export const logisticsSubgraph: SubgraphDefinition<Loaders> = {
  name: "logistics",
  domain: "logistics",
  owner: "Fulfillment Operations team",
  description: "Shipments with their carrier tracking events, and the warehouses and stores they leave from.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Shipment, TrackingEvent, Location, Transaction } satisfies Resolvers,
  createLoaders,
};
