import { createRequire } from "node:module";
import type { ErrorCode } from "@c360/errors";
import type * as GraphQL from "graphql";
import type { GraphQLSchema } from "graphql";
import type * as Middleware from "graphql-middleware";
import type * as Shield from "graphql-shield";
import type { Viewer } from "./identity";
import { mayRead, openedBy } from "./policy";

/**
 * @apollo/subgraph builds schemas with the CommonJS build of graphql; graphql ships an ES module
 * build too, and graphql checks refuse types of one build in the other ("from another module or
 * realm"). So shield, its middleware and the types it checks are all loaded as CommonJS here.
 */
const require = createRequire(import.meta.url);
const { GraphQLError, isObjectType } = require("graphql") as typeof GraphQL;
const { applyMiddleware } = require("graphql-middleware") as typeof Middleware;
const { allow, rule, shield } = require("graphql-shield") as typeof Shield;

type Rule = typeof allow | ReturnType<ReturnType<typeof rule>>;

/** `FORBIDDEN`, naming the coordinate and the entitlements that would open it; never a data value. */
export function forbidden(coordinate: string): GraphQL.GraphQLError {
  const needed = openedBy.get(coordinate) ?? [];
  const message = needed.length
    ? `Forbidden: ${coordinate} requires ${needed.join(" or ")}`
    : `Forbidden: ${coordinate} is open to no role`;
  return new GraphQLError(message, {
    extensions: { code: "FORBIDDEN" satisfies ErrorCode, coordinate, requires: needed },
  });
}

/**
 * `FORBIDDEN` for a personal field of a person past the viewer's limit (`personsLimitOf`): the answer
 * already carries personal data of `limit` others.
 */
export function personsLimitReached(coordinate: string, limit: number): GraphQL.GraphQLError {
  return new GraphQLError(
    `Forbidden: ${coordinate} of more than ${limit} customers per request; your role reads personal data of at most ${limit} (look one up by id)`,
    { extensions: { code: "FORBIDDEN" satisfies ErrorCode, coordinate, limit } },
  );
}

/**
 * `FORBIDDEN` for `totalCount` of a search or order by personal data (`coordinate`) to a viewer whose
 * persons are limited: it would count persons it does not name, past the limit.
 */
export function personsCountRefused(coordinate: string): GraphQL.GraphQLError {
  return new GraphQLError(
    `Forbidden: totalCount of a list searched or ordered by ${coordinate}; your role reads personal data of a limited number of customers (page through the results)`,
    { extensions: { code: "FORBIDDEN" satisfies ErrorCode, coordinate } },
  );
}

/** Federation fields, handled on purpose: entities are guarded field by field; the SDL is not served. */
const federation: Record<string, "allow" | "deny"> = {
  "Query._entities": "allow",
  "Query._service": "deny",
  "_Service.sdl": "deny",
};

/**
 * Applies graphql-shield to a subgraph schema: one rule per field of every object type, generated
 * from the policy (role rules are `contextual`: they depend on the viewer only), deny as fallback.
 * Errors thrown by resolvers pass through unchanged (`allowExternalErrors`).
 */
export function withShield(schema: GraphQLSchema): GraphQLSchema {
  const rules: Record<string, Record<string, Rule>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const fields: Record<string, Rule> = {};
    for (const field of Object.keys(type.getFields())) {
      const coordinate = `${type.name}.${field}`;
      const special = federation[coordinate];
      fields[field] =
        special === "allow"
          ? allow
          : rule(coordinate, { cache: "contextual" })((_parent, _args, context: { viewer: Viewer }) =>
              special !== "deny" && mayRead(context.viewer.entitlements, coordinate) ? true : forbidden(coordinate),
            );
    }
    rules[type.name] = fields;
  }
  const middleware = shield(rules as Parameters<typeof shield>[0], {
    fallbackRule: rule("fallback", { cache: "no_cache" })(() => forbidden("(unnamed)")),
    allowExternalErrors: true,
    debug: false,
  });
  return applyMiddleware(schema, middleware);
}
