import { readFileSync } from "node:fs";
import { inventory, productSuppliers, products, suppliers } from "@c360/db/schema";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { InventoryLevel, Product, ProductSupplier, Supplier } from "./resolvers/Product";
import { Query } from "./resolvers/Query";

export type Context = SubgraphContext<Loaders>;

/** The product data product: catalog, suppliers and inventory levels. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "product",
  description: "The product catalog with costs, suppliers and their terms, and inventory levels per location.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Product, Supplier, ProductSupplier, InventoryLevel } satisfies Resolvers,
  tables: [{ table: products }, { table: suppliers }, { table: productSuppliers }, { table: inventory }],
  createLoaders,
};
