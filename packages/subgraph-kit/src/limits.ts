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
  type OperationDefinitionNode,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValueNode,
  visit,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./connection";
import { MAX_LIST_ROWS } from "./periods";

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
  /** The fewest bytes the answer takes with every list at its size (keys, punctuation, one character per value). */
  bytes: number;
}

/** What a key takes besides its name in JSON (`"name":` and a comma), plus one character of value. */
const KEY_BYTES = 5;

/** What the cost measure reads of a field of the schema. */
export interface FieldShape {
  /** Its type as `String(type)` prints it (`[Customer!]!`). */
  type: string;
  /** Whether it takes `first`, and that argument's default in the schema (when it has one). */
  hasFirst: boolean;
  firstDefault?: number;
  /** Whether it takes any argument (a list that does is a filtered query, not an entity's children). */
  hasArguments: boolean;
}

/** How a field is shaped, or undefined when unknown. */
export type FieldTypeOf = (parentType: string, field: string) => FieldShape | undefined;

/**
 * List size assumed for a list without arguments: an entity's children (items of a transaction,
 * events of a shipment), a handful each. A list that takes arguments without `first` is a query over
 * a filter (KPI series, regional sales, summaries): the kit's `boundedList` lets it answer up to
 * MAX_LIST_ROWS rows, so that is its size.
 */
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
        | {
            getFields?: () => Record<
              string,
              { type: unknown; args: readonly { name: string; defaultValue?: unknown }[] }
            >;
          }
        | undefined
    )?.getFields?.()[field];
    const first = definition?.args.find((a) => a.name === "first");
    const typed = definition
      ? {
          type: String(definition.type),
          hasFirst: first !== undefined,
          ...(typeof first?.defaultValue === "number" ? { firstDefault: first.defaultValue } : {}),
          hasArguments: definition.args.length > 0,
        }
      : undefined;
    cache.set(key, typed);
    return typed;
  };
}

/**
 * Depth and static cost of selection sets, following fragments. Each fragment is measured once
 * (its type condition fixes its parent type) and remembered, so the work is linear in the document
 * whatever its spreads expand to; a fragment met again while it is being measured is a cycle.
 * Every field costs 1, plus what it holds times its size: `first` for a paginated field (from a
 * literal, a variable or the variable's default; else the argument's default in the schema, else 50),
 * MAX_LIST_ROWS for another list that takes arguments, UNPAGED_LIST_SIZE for one that takes none, 1
 * for an object. One measurer per operation: its variables' defaults are that operation's.
 */
class Measurer {
  private readonly memo = new Map<string, Measure>();
  private readonly open = new Set<string>();

  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly given: { variables: Record<string, unknown>; defaults?: ReadonlyMap<string, ValueNode> },
    private readonly typeOf: FieldTypeOf,
    /** Set when a size came from a variable: then the measure holds for these variables only. */
    private readonly measured: { readVariables: boolean },
  ) {}

  selectionSet(set: SelectionSetNode, parentType: string): Measure {
    let depth = 0;
    let cost = 0;
    let bytes = 0;
    for (const selection of set.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        const key = (selection.alias ?? selection.name).value.length + KEY_BYTES;
        // Costs like any field (a router must still plan it) but adds no depth.
        if (selection.name.value === "__typename") {
          cost += 1;
          bytes += key;
          continue;
        }
        const field = this.typeOf(parentType, selection.name.value);
        const below = selection.selectionSet
          ? this.selectionSet(selection.selectionSet, namedType(field?.type ?? ""))
          : { depth: 0, cost: 0, bytes: 0 };
        const size = this.sizeOf(selection, field, parentType);
        depth = Math.max(depth, 1 + below.depth);
        cost += 1 + size * below.cost;
        bytes += key + size * below.bytes;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT)
        inner = this.selectionSet(selection.selectionSet, selection.typeCondition?.name.value ?? parentType);
      else inner = this.fragment(selection.name.value);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      bytes += inner.bytes;
    }
    return { depth, cost, bytes };
  }

  private fragment(name: string): Measure {
    const known = this.memo.get(name);
    if (known) return known;
    if (this.open.has(name)) throw refusal("GRAPHQL_VALIDATION_FAILED", `fragment cycle through "${name}"`);
    const fragment = this.fragments.get(name);
    // An unknown fragment is reported by validation; it adds nothing here.
    if (!fragment) return { depth: 0, cost: 0, bytes: 0 };
    this.open.add(name);
    const measure = this.selectionSet(fragment.selectionSet, fragment.typeCondition.name.value);
    this.open.delete(name);
    this.memo.set(name, measure);
    return measure;
  }

  /**
   * A variable's number, or its definition's default when the request does not give it (as
   * execution will); anything else (validation refuses it later) measures as unknown: NaN.
   */
  private variable(name: string): number {
    this.measured.readVariables = true;
    const { variables, defaults } = this.given;
    if (Object.hasOwn(variables, name)) {
      const value = variables[name];
      return typeof value === "number" ? value : Number.NaN;
    }
    const fallback = defaults?.get(name);
    return fallback?.kind === Kind.INT ? Number(fallback.value) : Number.NaN;
  }

  private sizeOf(
    selection: { name: { value: string }; arguments?: readonly ArgumentNode[] },
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
      const size = Number.isFinite(given) ? given : (field.firstDefault ?? DEFAULT_PAGE_SIZE);
      return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
    }
    // A connection's `first` already sized its page: its `edges` list adds nothing more. The
    // representations of `_entities` are counted apart (ENTITY_LIMIT_EXCEEDED).
    if (!field?.type.startsWith("[") || parentType.endsWith("Connection")) return 1;
    return field.hasArguments && selection.name.value !== "_entities" ? MAX_LIST_ROWS : UNPAGED_LIST_SIZE;
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

/**
 * Refuses an answer past the size limit (RESPONSE_TOO_LARGE): one client's export must not hold a
 * process's memory and event loop, nor the gateway's, for everyone. Its UTF-8 bytes are counted only
 * when its length could pass the limit (a UTF-16 unit is at most 3 bytes), so small answers cost nothing.
 */
export function checkAnswerSize(body: string, l: Limits = limits): void {
  if (body.length * 3 <= l.responseBytes) return;
  const bytes = Buffer.byteLength(body);
  if (bytes > l.responseBytes)
    throw refusal(
      "RESPONSE_TOO_LARGE",
      `the answer has ${bytes} bytes; at most ${l.responseBytes}: ask for fewer rows, fields or aliases`,
    );
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
  const defaultsOf = new Map(operations.map((o) => [o, variableDefaults(o)]));
  /** The heaviest operation's cost; `measured` learns whether a size came from a variable. */
  const measure = (variables: Record<string, unknown>, measured: { readVariables: boolean }) => {
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
      const measurer = new Measurer(fragments, { variables, defaults: defaultsOf.get(definition) }, typeOf, measured);
      const { depth, cost, bytes } = measurer.selectionSet(definition.selectionSet, root);
      if (depth > l.depth)
        throw refusal("DEPTH_LIMIT_EXCEEDED", `the operation is ${depth} levels deep; at most ${l.depth}`);
      if (cost > l.cost)
        throw refusal("COST_LIMIT_EXCEEDED", `the operation's estimated cost is ${cost}; at most ${l.cost}`);
      // Refused before it runs: the work of an answer that cannot be sent is everyone's loss.
      if (bytes > l.responseBytes)
        throw refusal(
          "RESPONSE_TOO_LARGE",
          `the answer takes at least ${bytes} bytes with its lists at their largest; at most ${l.responseBytes}: ask for fewer rows, fields or aliases`,
        );
      heaviest = Math.max(heaviest, cost);
    }
    return heaviest;
  };
  // Measured once without variables: unless a size came from one, that is every request's measure.
  // A refusal here is final unless a variable played a part, or representations (whose limit a
  // request hears of first) are counted per request.
  const once = { readVariables: false };
  let fixed: number | undefined;
  try {
    const heaviest = measure({}, once);
    if (!once.readVariables) fixed = heaviest;
  } catch (error) {
    if (!once.readVariables && !representationVariables.length && !listedRepresentations) throw error;
  }
  return (variables) => {
    representationsOf(variables);
    return fixed ?? measure(variables, { readVariables: false });
  };
}

/** The default values an operation declares for its variables, by name. */
function variableDefaults(operation: OperationDefinitionNode): Map<string, ValueNode> {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  return defaults;
}
