import { readFileSync } from "node:fs";
import { regionalSales, transactionItems, transactions } from "@c360/db/schema";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { Customer } from "./resolvers/Customer";
import { Product } from "./resolvers/Product";
import { Query } from "./resolvers/Query";
import { Transaction, TransactionItem } from "./resolvers/Transaction";

export type Context = SubgraphContext<Loaders>;

/** The sales data product: transactions, line items and regional sales. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "sales",
  description:
    "Transactions with their line items, customers' purchase summaries, and regional daily sales. Every amount, in every market, is in US dollars (USD), the group's reporting currency.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Customer, Product, Transaction, TransactionItem } satisfies Resolvers,
  tables: [
    { table: transactions, byMarket: true },
    { table: transactionItems, byMarket: true },
    { table: regionalSales, byMarket: true },
  ],
  createLoaders,
};
