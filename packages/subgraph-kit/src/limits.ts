import type { ApolloServerPlugin } from "@apollo/server";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  type SelectionSetNode,
  Source,
  TokenKind,
  visit,
} from "graphql";
import { MAX_PAGE_SIZE } from "./connection";

/**
 * Request limits, the same at the gateway and in every subgraph (a subgraph may be called directly).
 * Sized from the deepest real operation of the product: the Customer 360 (customer → transactions →
 * edges → node → items → product → inventoryLevels → location) is 9 levels deep; see the README.
 */
export const limits = {
  depth: 12,
  aliases: 15,
  rootFields: 5,
  directives: 10,
  tokens: 2_000,
  characters: 15_000,
  bodyBytes: 256 * 1024,
  cost: 2_000_000,
  entities: 1_000,
};

export type Limits = typeof limits;

/** A rejected request: its own `extensions.code`, HTTP 400, raised before any subgraph or SQL work. */
export function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
}

interface Measure {
  depth: number;
  cost: number;
}

/** How a field is typed, as `String(type)` prints it (`[Customer!]!`), or undefined when unknown. */
export type FieldTypeOf = (parentType: string, field: string) => { type: string; hasFirst: boolean } | undefined;

/** List size assumed for a list field without `first` (items of a transaction, events of a shipment). */
const UNPAGED_LIST_SIZE = 10;

const namedType = (printed: string) => printed.replace(/[[\]!]/g, "");

/**
 * Depth and static cost of a selection set, following fragments (a cycle is refused at once).
 * Every field costs 1, plus what it holds times its size: `first` for a paginated field (its default,
 * 50, when absent), UNPAGED_LIST_SIZE for another list, 1 for an object.
 */
function measure(
  set: SelectionSetNode,
  parentType: string,
  context: { fragments: Map<string, FragmentDefinitionNode>; variables: Record<string, unknown>; typeOf: FieldTypeOf },
  seen: readonly string[],
): Measure {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === "__typename") continue;
      const field = context.typeOf(parentType, selection.name.value);
      const first = selection.arguments?.find((a) => a.name.value === "first")?.value;
      const given =
        first?.kind === Kind.INT
          ? Number(first.value)
          : first?.kind === Kind.VARIABLE
            ? Number(context.variables[first.name.value])
            : NaN;
      // A connection's `first` already sized its page: its `edges` list adds nothing more.
      const size = field?.hasFirst
        ? Number.isFinite(given)
          ? given
          : 50
        : field?.type.startsWith("[") && !parentType.endsWith("Connection")
          ? UNPAGED_LIST_SIZE
          : 1;
      const inner = selection.selectionSet
        ? measure(selection.selectionSet, namedType(field?.type ?? ""), context, seen)
        : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + inner.depth);
      cost += 1 + Math.min(Math.max(size, 1), MAX_PAGE_SIZE) * inner.cost;
    } else {
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (name && seen.includes(name))
        throw limitError("GRAPHQL_VALIDATION_FAILED", `fragment cycle through "${name}"`);
      const fragment = name ? context.fragments.get(name) : undefined;
      const target = name
        ? fragment?.selectionSet
        : selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : undefined;
      if (!target) continue;
      const condition = (
        name ? fragment?.typeCondition : selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : undefined
      )?.name.value;
      const inner = measure(target, condition ?? parentType, context, name ? [...seen, name] : seen);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

/** Checks the raw source before parsing: length and token count (a lexer pass, no AST). */
export function checkSource(source: string, l: Limits = limits): void {
  if (source.length > l.characters) {
    throw limitError("QUERY_TOO_LONG", `the document has ${source.length} characters; at most ${l.characters}`);
  }
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > l.tokens)
        throw limitError("TOKEN_LIMIT_EXCEEDED", `the document has more than ${l.tokens} tokens`);
    }
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "TOKEN_LIMIT_EXCEEDED") throw error;
    // a syntax error: the parser reports it properly
  }
}

/** Postgres text cannot hold NUL: a string with one is refused as the client's mistake, not a crash. */
const nulError = () =>
  new GraphQLError("strings may not contain NUL characters", {
    extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
  });

function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\0");
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === "object") return Object.values(value).some(hasNul);
  return false;
}

/**
 * Checks a parsed document before validation: depth (through fragments; a cycle is refused),
 * aliases, directives, root fields of each operation, and `_entities` representations.
 */
export function checkDocument(document: DocumentNode, variables: Record<string, unknown>, l: Limits = limits): void {
  if (hasNul(variables)) throw nulError();
  const fragments = fragmentsOf(document);
  const untyped: FieldTypeOf = () => undefined;
  let aliases = 0;
  let directives = 0;
  let representations = 0;
  visit(document, {
    StringValue: (node) => {
      if (node.value.includes("\0")) throw nulError();
    },
    Field: (node) => {
      if (node.alias) aliases++;
    },
    Directive: () => {
      directives++;
    },
    Argument: (node) => {
      if (node.name.value !== "representations") return;
      representations +=
        node.value.kind === Kind.LIST
          ? node.value.values.length
          : node.value.kind === Kind.VARIABLE
            ? ((variables[node.value.name.value] as unknown[] | undefined)?.length ?? 0)
            : 1;
    },
  });
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const { depth } = measure(definition.selectionSet, "", { fragments, variables, typeOf: untyped }, []);
    if (depth > l.depth)
      throw limitError("DEPTH_LIMIT_EXCEEDED", `the operation is ${depth} levels deep; at most ${l.depth}`);
    const roots = definition.selectionSet.selections.length;
    if (roots > l.rootFields) {
      throw limitError(
        "ROOT_FIELD_LIMIT_EXCEEDED",
        `the operation selects ${roots} root fields; at most ${l.rootFields}`,
      );
    }
  }
  if (aliases > l.aliases)
    throw limitError("ALIAS_LIMIT_EXCEEDED", `the document has ${aliases} aliases; at most ${l.aliases}`);
  if (directives > l.directives) {
    throw limitError("DIRECTIVE_LIMIT_EXCEEDED", `the document has ${directives} directives; at most ${l.directives}`);
  }
  if (representations > l.entities) {
    throw limitError("ENTITY_LIMIT_EXCEEDED", `${representations} entity representations; at most ${l.entities}`);
  }
}

/** The static cost of the operation to run, with list sizes from `first` (needs the schema's field types). */
export function checkCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  typeOf: FieldTypeOf,
  l: Limits = limits,
): void {
  const root =
    operation.operation === "mutation" ? "Mutation" : operation.operation === "subscription" ? "Subscription" : "Query";
  const { cost } = measure(operation.selectionSet, root, { fragments: fragmentsOf(document), variables, typeOf }, []);
  if (cost > l.cost)
    throw limitError("COST_LIMIT_EXCEEDED", `the operation's estimated cost is ${cost}; at most ${l.cost}`);
}

/**
 * The cost limit as an Apollo Server plugin: checked once the operation is resolved, before
 * execution, so nothing downstream runs. (Size, length, tokens and the document limits are checked
 * by the HTTP layer before parsing and validation.)
 */
export function limitsPlugin<C extends object>(l: Limits = limits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request: { variables } }) {
          if (!operation) return;
          // Read through String() and field maps only: the schema may come from another graphql build.
          const typeOf: FieldTypeOf = (parent, field) => {
            const definition = (
              schema.getType(parent) as
                | { getFields?: () => Record<string, { type: unknown; args: { name: string }[] }> }
                | undefined
            )?.getFields?.()[field];
            return definition
              ? { type: String(definition.type), hasFirst: definition.args.some((a) => a.name === "first") }
              : undefined;
          };
          checkCost(document, operation, variables ?? {}, typeOf, l);
        },
      };
    },
  };
}
