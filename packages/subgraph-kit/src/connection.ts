import { createRequire } from "node:module";
import type * as GraphQL from "graphql";
import { type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import { badUserInput } from "./errors";

/** The schema a resolver sees is built with graphql's CommonJS build (see personal-data.ts): its helpers come from there. */
const { getArgumentValues } = createRequire(import.meta.url)("graphql") as typeof GraphQL;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A keyset cursor (`k` the row's key; `s` the order it was made in) or an offset. */
type Cursor = { k: string; s?: string } | { o: number };

/** Bounds of what a cursor may carry: a key as long as any id, an offset no list of one parent reaches. */
const MAX_KEY_LENGTH = 256;
const MAX_OFFSET = 1_000_000;

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

/** A cursor this API made, or `BAD_USER_INPUT`: a forged one (a huge offset, a NUL in a key) never reaches SQL. */
function decode(after: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as Record<string, unknown>;
    const { k, o, s } = value;
    const text = (x: unknown) => typeof x === "string" && x.length <= MAX_KEY_LENGTH && !x.includes("\0");
    if (text(k) && s === undefined) return { k: k as string };
    if (text(k) && text(s)) return { k: k as string, s: s as string };
    if (typeof o === "number" && Number.isSafeInteger(o) && o >= 0 && o <= MAX_OFFSET) return { o };
  } catch {
    // falls through to the error below
  }
  throw badUserInput("after", "not a cursor returned by this API");
}

/** Validated `first` (default 50, at most 500). */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput("first", `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/**
 * Keyset page over a unique key (root lists), in key order or in another `order` (ties broken by the
 * key): rows after `after`'s key, or after that row's (value, key) in that order. The cursor carries
 * the key only: the value is read again from the row, so a forged cursor can make no bad SQL value.
 */
export interface KeysetPage {
  limit: number;
  afterKey: string | null;
  /** The order's name (`LAST_NAME:DESC`), when the list is not in key order; cursors carry it. */
  order?: string;
  /** Whether the client selected `totalCount`: counting every matching row is paid only when asked for. */
  counted: boolean;
  /** Whether the client selected `pageInfo`, whose `hasNextPage` tells of the row past the page. */
  peeks: boolean;
}

type Lookahead = Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">;

/** Calls `visit` with every field of `sets`, through inline and named fragments (each fragment once). */
function eachField(
  info: Lookahead,
  sets: readonly (SelectionSetNode | undefined)[],
  visit: (field: FieldNode) => void,
) {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) visit(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const set of sets) walk(set);
}

/**
 * The names of the fields selected directly below the field being resolved (through inline and
 * named fragments), so that SQL reads only what a client asked for.
 */
export function selectedFields(info: Lookahead): Set<string> {
  const names = new Set<string>();
  eachField(
    info,
    info.fieldNodes.map((node) => node.selectionSet),
    (field) => names.add(field.name.value),
  );
  return names;
}

/**
 * The arguments (defaults applied, variables resolved) of each field named `name` selected directly
 * below the field being resolved, through fragments; `type` is the object type that field belongs to.
 * A loader uses them to read a child list's page with its parent (see `nestedPage`).
 */
export function selectedArguments(
  info: Lookahead & Pick<GraphQLResolveInfo, "schema" | "variableValues">,
  type: string,
  name: string,
): Record<string, unknown>[] {
  const definition = (info.schema.getType(type) as GraphQLObjectType | undefined)?.getFields()[name];
  if (!definition) return [];
  const found: Record<string, unknown>[] = [];
  eachField(
    info,
    info.fieldNodes.map((node) => node.selectionSet),
    (field) => {
      if (field.name.value === name) found.push(getArgumentValues(definition, field, info.variableValues));
    },
  );
  return found;
}

/**
 * Whether the selection below the field being resolved reaches `path` (field names joined by dots,
 * through fragments of any type condition): e.g. `edges.node.items` below `transactions`. A loader
 * reads the children a selection will ask for in its parent's statement (see `nestedRows`).
 */
export function selects(info: Lookahead, path: string): boolean {
  let sets = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of path.split(".")) {
    const below: (SelectionSetNode | undefined)[] = [];
    let found = false;
    eachField(info, sets, (field) => {
      if (field.name.value !== name) return;
      found = true;
      below.push(field.selectionSet);
    });
    if (!found) return false;
    sets = below;
  }
  return true;
}

/** The page a root list's arguments ask for; `info` tells whether `totalCount` is wanted. */
export function keysetPage(
  first: number | null | undefined,
  after: string | null | undefined,
  info?: Lookahead,
  order?: string,
): KeysetPage {
  const limit = pageSize(first);
  const selected = info ? selectedFields(info) : null;
  const counted = selected ? selected.has("totalCount") : true;
  const peeks = selected ? selected.has("pageInfo") : true;
  const ordered = order ? { order } : {};
  if (!after) return { limit, afterKey: null, counted, peeks, ...ordered };
  const cursor = decode(after);
  if (!("k" in cursor)) throw badUserInput("after", "not a cursor of this list");
  if (cursor.s !== order)
    throw badUserInput("after", "a cursor of another order: keep the orderBy of the page it came from");
  return { limit, afterKey: cursor.k, counted, peeks, ...ordered };
}

/** `rows` fetched with LIMIT limit + 1 as a connection; the extra row only says there is a next page. */
export function keysetConnection<T>(
  rows: T[],
  totalCount: number,
  page: KeysetPage,
  keyOf: (row: T) => string,
): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const cursorOf = (node: T): Cursor => (page.order ? { k: keyOf(node), s: page.order } : { k: keyOf(node) });
  const edges = nodes.map((node) => ({ cursor: encode(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** Offset page within one parent's list (nested lists, fetched for many parents in one statement). */
export interface OffsetPage {
  limit: number;
  offset: number;
}

export function offsetPage(first: number | null | undefined, after: string | null | undefined): OffsetPage {
  const limit = pageSize(first);
  if (!after) return { limit, offset: 0 };
  const cursor = decode(after);
  if (!("o" in cursor)) throw badUserInput("after", "not a cursor of this list");
  return { limit, offset: cursor.o };
}

export function offsetConnection<T>(rows: T[], totalCount: number, page: OffsetPage): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ cursor: encode({ o: page.offset + i + 1 }), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.offset + nodes.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
