import {
  entitlements,
  explainAccess,
  openedBy,
  policyVersion,
  type RoleName,
  roleNames,
  roles,
  rolesFor,
} from "@c360/auth";
import { type ErrorCode, fieldError } from "@c360/errors";
import {
  badUserInput,
  checkDocument,
  checkSource,
  keysetConnection,
  keysetPage,
  rangeInOrder,
} from "@c360/subgraph-kit";
import { apiSchemaOf, supergraphSdl } from "@c360/supergraph";
import { GraphQLError, type GraphQLSchema, parse } from "graphql";
import { accessEventsPage } from "../data";
import type { QueryResolvers } from "../generated/resolvers-types";

/** The supergraph the explanations are checked against: the committed one, read once. */
let apiSchema: GraphQLSchema | undefined;
const supergraphSchema = () => {
  apiSchema ??= apiSchemaOf(supergraphSdl());
  return apiSchema;
};

/** The document to explain is client input like any other: the document limits apply to it. */
function checkExplained(document: string): void {
  try {
    checkSource(document);
    checkDocument(parse(document), {});
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.http)
      throw fieldError(error.extensions.code as ErrorCode, `document: ${error.message}`, { argumentName: "document" });
  }
}

export const Query: QueryResolvers = {
  accessPolicy: () => ({
    version: policyVersion,
    roles: roleNames.map((name) => ({ name, entitlements: [...roles[name as RoleName]] })),
    entitlements: Object.entries(entitlements).map(([name, e]) => ({
      name,
      description: e.description,
      coordinates: [...e.coordinates],
    })),
    fields: [...openedBy.keys()].sort().map((coordinate) => ({
      coordinate,
      roles: rolesFor(coordinate),
      entitlements: [...(openedBy.get(coordinate) ?? [])],
    })),
  }),
  explainAccess: (_, { role, document }) => {
    checkExplained(document);
    let denied: ReturnType<typeof explainAccess>;
    try {
      denied = explainAccess(supergraphSchema(), role, document);
    } catch (error) {
      const { message } = error as Error;
      throw badUserInput(message.startsWith("unknown role") ? "role" : "document", message);
    }
    return { role, allowed: denied.length === 0, denied };
  },
  accessEvents: async (_, { filter, first, after }, { db }, info) => {
    rangeInOrder(filter);
    const page = keysetPage(first, after, info);
    if (page.afterKey !== null && !/^\d{1,18}$/.test(page.afterKey))
      throw badUserInput("after", "not a cursor of this list");
    const { rows, totalCount } = await accessEventsPage(db, filter, page);
    return keysetConnection(rows, totalCount, page, (row) => String(row.eventId));
  },
};
