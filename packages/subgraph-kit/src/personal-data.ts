import { createRequire } from "node:module";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { personalData, personsLimitReached } from "@c360/auth";
import type * as GraphQL from "graphql";
import type { GraphQLField, GraphQLFieldResolver, GraphQLSchema } from "graphql";

// Subgraph schemas are built with graphql's CommonJS build (see @c360/auth's shield): its checks too.
const { defaultFieldResolver, isObjectType } = createRequire(import.meta.url)("graphql") as typeof GraphQL;

/** The most persons one answer names; past it the answer says only that there were more. */
export const MAX_PERSONS = 1_000;

/** The response extension naming the persons whose personal data an answer carried. */
export const PERSONS_EXTENSION = "personalData";

/** What a subgraph's answer reports under `extensions.personalData`. */
export interface PersonsReport {
  /** The persons' keys (customer ids), at most MAX_PERSONS. */
  keys: string[];
  /** Whether more persons were answered than `keys` names. */
  truncated: boolean;
}

/**
 * Whose personal data one request's answer carried, bounded; and, for a viewer whose roles limit it
 * (`limit`: `personsLimitOf`), the gate past which no other person's personal data is answered.
 */
export class PersonsSeen {
  private readonly keys = new Set<string>();
  private truncated = false;

  constructor(readonly limit: number | null = null) {}

  /**
   * Notes that `key`'s personal data is answered; false when that would pass the limit (it may not be).
   * Without a key (a shipment whose buyer is not known) the person cannot be counted: refused to a
   * viewer with a limit, and for the others noted as a person not named (the event is then found by
   * every customer id, like one whose list was cut).
   */
  note(key: unknown): boolean {
    if (typeof key !== "string" && typeof key !== "number") {
      if (this.limit !== null) return false;
      this.truncated = true;
      return true;
    }
    const text = String(key);
    if (this.keys.has(text)) return true;
    if (this.limit !== null && this.keys.size >= this.limit) return false;
    if (this.keys.size < MAX_PERSONS) this.keys.add(text);
    else this.truncated = true;
    return true;
  }

  report(): PersonsReport | null {
    return this.keys.size || this.truncated ? { keys: [...this.keys], truncated: this.truncated } : null;
  }
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as Promise<unknown> | null)?.then === "function";

interface NotingContext {
  persons: PersonsSeen;
}

/**
 * Makes every personal field of the policy (`personalData`) that `schema` answers itself note, when it
 * answers a value, the key of the person it belongs to. Applied inside the access rules, so a denied
 * field is never resolved and never noted; an `@external` field is not this subgraph's answer. A
 * person past the viewer's limit gets `FORBIDDEN` in place of the value. A type that answers personal
 * fields without a key field of its own fails here, at build: its persons could not be named.
 */
export function notingPersonalData(schema: GraphQLSchema): GraphQLSchema {
  for (const { type: typeName, key, coordinates } of personalData) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    const answered = coordinates.filter((c) => answers(fields[c.slice(typeName.length + 1)]));
    if (!answered.length) continue;
    const keyField = fields[key];
    if (!answers(keyField))
      throw new Error(
        `${answered[0]} is personal data, but ${typeName} has no field ${key} of its own to name its customer by: add it to the subgraph's schema (the policy's personalRecords)`,
      );
    const keyOf: GraphQLFieldResolver<unknown, NotingContext> = keyField.resolve ?? defaultFieldResolver;
    for (const coordinate of answered) {
      const field = fields[coordinate.slice(typeName.length + 1)] as GraphQLField<unknown, NotingContext>;
      field.resolve = noting(field.resolve ?? defaultFieldResolver, coordinate, keyOf, key);
    }
  }
  return schema;
}

/** Whether the schema has `field` and answers it itself (not an `@external` field, owned elsewhere). */
const answers = (field: GraphQLField<unknown, unknown> | undefined): field is GraphQLField<unknown, unknown> =>
  field !== undefined && !field.astNode?.directives?.some((d) => d.name.value === "external");

/** `resolve`, noting the person (`keyOf` the parent) whose personal data (`coordinate`) it answers. */
function noting(
  resolve: GraphQLFieldResolver<unknown, NotingContext>,
  coordinate: string,
  keyOf: GraphQLFieldResolver<unknown, NotingContext>,
  key: string,
): GraphQLFieldResolver<unknown, NotingContext> {
  return (parent, args, context, info) => {
    // Synchronous where the resolvers are (plain row fields): no promise per personal field.
    const noted = (value: unknown) => {
      if (value === null || value === undefined) return value;
      // The key field's own resolver, or the default one reading the key's property (not this field's).
      const person = keyOf(parent, {}, context, { ...info, fieldName: key });
      const answered = (k: unknown) => {
        if (context.persons.note(k)) return value;
        throw personsLimitReached(coordinate, context.persons.limit as number);
      };
      return isPromise(person) ? person.then(answered) : answered(person);
    };
    const value = resolve(parent, args, context, info);
    return isPromise(value) ? value.then(noted) : noted(value);
  };
}

/**
 * The rows of a record of one customer's (a transaction's items, a shipment's tracking scans), each
 * with that customer's id: the key their personal fields are noted under, which their own table
 * does not hold; and with `parent`'s other fields given (a shipment's marketplace for its scans' local
 * time). Copies: a loader's rows are shared by every field of the request that reads them.
 */
export const ofCustomer = <R extends object, P extends object = object>(
  rows: readonly R[],
  customerId: string | null,
  parent?: P,
) => rows.map((row) => ({ ...row, ...parent, customerId }));

/** The `extensions` an answer carries for the gateway's trail: the persons it carried personal data of. */
export function personsExtensions(context: Partial<NotingContext>): Record<string, unknown> | undefined {
  const report = context.persons?.report();
  return report ? { [PERSONS_EXTENSION]: report } : undefined;
}

/** Puts the `extensions` of a request's context (`DirectExecution.extensions`) into an answer Apollo Server executed. */
export const extensionsPlugin = <C extends BaseContext>(
  extensionsOf: (context: C) => Record<string, unknown> | undefined,
): ApolloServerPlugin<C> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const extensions = extensionsOf(contextValue);
        if (!extensions || response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, ...extensions };
      },
    };
  },
});
