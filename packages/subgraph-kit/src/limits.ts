import { defaults, type Limits } from "@c360/config";
import { refusal } from "@c360/errors";
import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  Lexer,
  type SelectionSetNode,
  Source,
  TokenKind,
  visit,
} from "graphql";
import { MAX_PAGE_SIZE } from "./connection";

/**
 * The default request limits (the configuration's), the same at the gateway and in every subgraph (a
 * subgraph may be called directly). Sized from the deepest and heaviest real operations; see the README.
 */
export const limits: Limits = defaults.limits;

export type { Limits };

const badInput = (message: string) => refusal("BAD_USER_INPUT", message);

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
 * The field types of `schema` for the cost measure, looked up once per coordinate. Read through
 * `String()` and field maps only: the schema may come from another graphql build.
 */
export function fieldTypes(schema: GraphQLSchema): FieldTypeOf {
  const cache = new Map<string, ReturnType<FieldTypeOf>>();
  return (parent, field) => {
    const key = `${parent}.${field}`;
    if (cache.has(key)) return cache.get(key);
    const definition = (
      schema.getType(parent) as
        | { getFields?: () => Record<string, { type: unknown; args: readonly { name: string }[] }> }
        | undefined
    )?.getFields?.()[field];
    const typed = definition
      ? { type: String(definition.type), hasFirst: definition.args.some((a) => a.name === "first") }
      : undefined;
    cache.set(key, typed);
    return typed;
  };
}

/**
 * Depth and static cost of selection sets, following fragments. Each fragment is measured once
 * (its type condition fixes its parent type) and remembered, so the work is linear in the document
 * whatever its spreads expand to; a fragment met again while it is being measured is a cycle.
 * Every field costs 1, plus what it holds times its size: `first` for a paginated field (50 when
 * absent), UNPAGED_LIST_SIZE for another list, 1 for an object.
 */
class Measurer {
  private readonly memo = new Map<string, Measure>();
  private readonly open = new Set<string>();
  /** Whether a size came from a variable: then the measure holds for these variables only. */
  readVariables = false;

  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly typeOf: FieldTypeOf,
  ) {}

  selectionSet(set: SelectionSetNode, parentType: string): Measure {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        // Costs like any field (a router must still plan it) but adds no depth.
        if (selection.name.value === "__typename") {
          cost += 1;
          continue;
        }
        const field = this.typeOf(parentType, selection.name.value);
        const below = selection.selectionSet
          ? this.selectionSet(selection.selectionSet, namedType(field?.type ?? ""))
          : { depth: 0, cost: 0 };
        depth = Math.max(depth, 1 + below.depth);
        cost += 1 + this.sizeOf(selection, field, parentType) * below.cost;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT)
        inner = this.selectionSet(selection.selectionSet, selection.typeCondition?.name.value ?? parentType);
      else inner = this.fragment(selection.name.value);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    return { depth, cost };
  }

  private fragment(name: string): Measure {
    const known = this.memo.get(name);
    if (known) return known;
    if (this.open.has(name)) throw refusal("GRAPHQL_VALIDATION_FAILED", `fragment cycle through "${name}"`);
    const fragment = this.fragments.get(name);
    // An unknown fragment is reported by validation; it adds nothing here.
    if (!fragment) return { depth: 0, cost: 0 };
    this.open.add(name);
    const measure = this.selectionSet(fragment.selectionSet, fragment.typeCondition.name.value);
    this.open.delete(name);
    this.memo.set(name, measure);
    return measure;
  }

  /** A variable's number; anything else (validation refuses it later) measures as unknown: NaN. */
  private variable(name: string): number {
    this.readVariables = true;
    const value = Object.hasOwn(this.variables, name) ? this.variables[name] : undefined;
    return typeof value === "number" ? value : Number.NaN;
  }

  private sizeOf(
    selection: { arguments?: readonly ArgumentNode[] },
    field: ReturnType<FieldTypeOf>,
    parentType: string,
  ): number {
    if (field?.hasFirst) {
      const first = selection.arguments?.find((a) => a.name.value === "first")?.value;
      const given =
        first?.kind === Kind.INT
          ? Number(first.value)
          : first?.kind === Kind.VARIABLE
            ? this.variable(first.name.value)
            : Number.NaN;
      return Math.min(Math.max(Number.isFinite(given) ? given : 50, 1), MAX_PAGE_SIZE);
    }
    // A connection's `first` already sized its page: its `edges` list adds nothing more.
    return field?.type.startsWith("[") && !parentType.endsWith("Connection") ? UNPAGED_LIST_SIZE : 1;
  }
}

/** Checks the raw source before parsing: length and token count (a lexer pass, no AST). */
export function checkSource(source: string, l: Limits = limits): void {
  if (source.length > l.characters) {
    throw refusal("QUERY_TOO_LONG", `the document has ${source.length} characters; at most ${l.characters}`);
  }
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > l.tokens) throw refusal("TOKEN_LIMIT_EXCEEDED", `the document has more than ${l.tokens} tokens`);
    }
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === "TOKEN_LIMIT_EXCEEDED") throw error;
    // a syntax error: the parser reports it properly
  }
}

/** Postgres text cannot hold NUL: a string with one is refused as the client's mistake, not a crash. */
const nulError = () => badInput("strings may not contain NUL characters");

/**
 * Checks variables without recursion (a deeply nested value cannot exhaust the stack): nesting depth,
 * number of values, and no NUL character in any string or object key.
 */
export function checkVariables(variables: unknown, l: Limits = limits): void {
  const stack: [unknown, number][] = [[variables, 0]];
  let values = 0;
  while (stack.length) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (++values > l.variableValues) throw badInput(`the variables hold more than ${l.variableValues} values`);
    if (typeof value === "string") {
      if (value.includes("\0")) throw nulError();
    } else if (value !== null && typeof value === "object") {
      if (depth >= l.variableDepth) throw badInput(`the variables are nested deeper than ${l.variableDepth} levels`);
      if (Array.isArray(value)) for (const item of value) stack.push([item, depth + 1]);
      else
        for (const [key, item] of Object.entries(value)) {
          if (key.includes("\0")) throw nulError();
          stack.push([item, depth + 1]);
        }
    }
  }
}

/**
 * Checks a parsed document before validation and before anything costly (the token check
 * included): aliases, directives, NUL in string literals, `_entities` representations, then per
 * operation its root fields, depth and static cost (field types from `typeOf`, see `fieldTypes`).
 * Linear in the document: fragments are measured once each. Returns the heaviest operation's cost.
 */
export function checkDocument(
  document: DocumentNode,
  variables: Record<string, unknown>,
  typeOf: FieldTypeOf = () => undefined,
  l: Limits = limits,
): number {
  return documentCheck(document, typeOf, l)(variables);
}

/**
 * `checkDocument` in two steps, for a document met again and again (the gateway's plans to each
 * subgraph, a client's operations): what depends on the document alone is read once here (it throws
 * the refusals that depend on nothing else); the check returned counts what depends on the variables
 * (representations given as one, page sizes given as variables) and is only that when they play no part.
 */
export function documentCheck(
  document: DocumentNode,
  typeOf: FieldTypeOf = () => undefined,
  l: Limits = limits,
): (variables: Record<string, unknown>) => number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let aliases = 0;
  let directives = 0;
  let listedRepresentations = 0;
  const representationVariables: string[] = [];
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
      if (node.value.kind === Kind.VARIABLE) representationVariables.push(node.value.name.value);
      else listedRepresentations += node.value.kind === Kind.LIST ? node.value.values.length : 1;
    },
  });
  if (aliases > l.aliases)
    throw refusal("ALIAS_LIMIT_EXCEEDED", `the document has ${aliases} aliases; at most ${l.aliases}`);
  if (directives > l.directives)
    throw refusal("DIRECTIVE_LIMIT_EXCEEDED", `the document has ${directives} directives; at most ${l.directives}`);
  const representationsOf = (variables: Record<string, unknown>) => {
    let representations = listedRepresentations;
    for (const name of representationVariables) {
      const value = variables[name];
      representations += Array.isArray(value) ? value.length : 1;
    }
    if (representations > l.entities)
      throw refusal("ENTITY_LIMIT_EXCEEDED", `${representations} entity representations; at most ${l.entities}`);
  };
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const measure = (measurer: Measurer) => {
    let heaviest = 0;
    for (const definition of operations) {
      const roots = definition.selectionSet.selections.length;
      if (roots > l.rootFields) {
        throw refusal(
          "ROOT_FIELD_LIMIT_EXCEEDED",
          `the operation selects ${roots} root fields; at most ${l.rootFields}`,
        );
      }
      const root =
        definition.operation === "mutation"
          ? "Mutation"
          : definition.operation === "subscription"
            ? "Subscription"
            : "Query";
      const { depth, cost } = measurer.selectionSet(definition.selectionSet, root);
      if (depth > l.depth)
        throw refusal("DEPTH_LIMIT_EXCEEDED", `the operation is ${depth} levels deep; at most ${l.depth}`);
      if (cost > l.cost)
        throw refusal("COST_LIMIT_EXCEEDED", `the operation's estimated cost is ${cost}; at most ${l.cost}`);
      heaviest = Math.max(heaviest, cost);
    }
    return heaviest;
  };
  // Measured once without variables: unless a size came from one, that is every request's measure.
  // A refusal here is final unless a variable played a part, or representations (whose limit a
  // request hears of first) are counted per request.
  const once = new Measurer(fragments, {}, typeOf);
  let fixed: number | undefined;
  try {
    const heaviest = measure(once);
    if (!once.readVariables) fixed = heaviest;
  } catch (error) {
    if (!once.readVariables && !representationVariables.length && !listedRepresentations) throw error;
  }
  return (variables) => {
    representationsOf(variables);
    return fixed ?? measure(new Measurer(fragments, variables, typeOf));
  };
}
