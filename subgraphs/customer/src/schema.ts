import { readFileSync } from "node:fs";
import { appUsage, customers, loyaltyProgram, supportTickets } from "@c360/db/schema";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { AppSession, Customer, Loyalty, SupportTicket, Transaction } from "./resolvers/Customer";
import { Query } from "./resolvers/Query";

export type Context = SubgraphContext<Loaders>;

/** The customer data product: CRM profile, loyalty, support tickets and app usage. */
export const subgraph: SubgraphDefinition<Loaders> = {
  name: "customer",
  description: "Customer profiles, loyalty membership, support tickets and app sessions.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Customer, Loyalty, SupportTicket, AppSession, Transaction } satisfies Resolvers,
  tables: [
    { table: customers, byMarket: true },
    { table: loyaltyProgram, byMarket: true },
    { table: supportTickets, byMarket: true },
    { table: appUsage, byMarket: true },
  ],
  createLoaders,
};
