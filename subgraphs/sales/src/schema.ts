import { readFileSync } from "node:fs";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { Customer } from "./resolvers/Customer";
import { Query } from "./resolvers/Query";
import { Transaction, TransactionItem } from "./resolvers/Transaction";

export type Context = SubgraphContext<Loaders>;

/** The sales data product: transactions, line items and regional sales. */
export const salesSubgraph: SubgraphDefinition<Loaders> = {
  name: "sales",
  domain: "sales",
  owner: "Sales Analytics team",
  description: "Transactions with their line items, customers' purchase summaries, and regional daily sales.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Customer, Transaction, TransactionItem } satisfies Resolvers,
  createLoaders,
};
