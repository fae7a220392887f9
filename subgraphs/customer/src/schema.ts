import { readFileSync } from "node:fs";
import type { SubgraphContext, SubgraphDefinition } from "@c360/subgraph-kit";
import { parse } from "graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { createLoaders, type Loaders } from "./loaders";
import { AppSession, Customer, SupportTicket, Transaction } from "./resolvers/Customer";
import { Query } from "./resolvers/Query";

export type Context = SubgraphContext<Loaders>;

/** The customer data product: CRM profile, loyalty, support tickets and app usage. */
export const customerSubgraph: SubgraphDefinition<Loaders> = {
  name: "customer",
  domain: "customer",
  owner: "CRM & Loyalty team",
  description: "Customer profiles, loyalty membership, support tickets and app sessions.",
  typeDefs: parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")),
  resolvers: { Query, Customer, SupportTicket, AppSession, Transaction } satisfies Resolvers,
  createLoaders,
};
