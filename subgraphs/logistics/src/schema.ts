import { readFileSync } from "node:fs";
import { shipments, trackingEvents, warehouseLocations } from "@c360/db/schema";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { Query } from "./resolvers/Query";
import { Location, Shipment, TrackingEvent, Transaction } from "./resolvers/Shipment";

export type Context = SubgraphContext<Loaders>;

/** The logistics data product: shipments, tracking events and locations. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "logistics",
  description: "Shipments with their carrier tracking events, and the warehouses and stores they leave from.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Shipment, TrackingEvent, Location, Transaction } satisfies Resolvers,
  tables: [
    { table: shipments, byMarket: true },
    { table: trackingEvents, byMarket: true },
    { table: warehouseLocations },
  ],
  createLoaders,
};
