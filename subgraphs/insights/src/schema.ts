import { readFileSync } from "node:fs";
import { customerPreferences, marketTransactions, productPairs, productTransactions } from "@c360/db/schema";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { Customer } from "./resolvers/Customer";
import { Product, ProductAffinity } from "./resolvers/Product";
import { BrandPreference, CategoryPreference, ProductPreferences } from "./resolvers/ProductPreferences";

export type Context = SubgraphContext<Loaders>;

/** The insights data product: curated cross-domain products, rebuilt from sales and product at every load. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "insights",
  description:
    "Curated from the sales and product domains at every load: each customer's preferred categories and brands, and the products bought together, over completed transactions per market.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: {
    Customer,
    ProductPreferences,
    CategoryPreference,
    BrandPreference,
    Product,
    ProductAffinity,
  } satisfies Resolvers,
  tables: [
    { table: customerPreferences, byMarket: true },
    { table: marketTransactions, byMarket: true },
    { table: productTransactions, byMarket: true },
    { table: productPairs, byMarket: true },
  ],
  createLoaders,
};
