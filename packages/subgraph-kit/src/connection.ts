import { badUserInput } from "./errors";

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

type Cursor = { k: string } | { o: number };

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decode(after: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as Cursor;
    if (("k" in value && typeof value.k === "string") || ("o" in value && Number.isInteger(value.o) && value.o >= 0))
      return value;
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

/** Keyset page over a unique, ordered key (root lists): rows after `after`'s key. */
export interface KeysetPage {
  limit: number;
  afterKey: string | null;
}

export function keysetPage(first: number | null | undefined, after: string | null | undefined): KeysetPage {
  const limit = pageSize(first);
  if (!after) return { limit, afterKey: null };
  const cursor = decode(after);
  if (!("k" in cursor)) throw badUserInput("after", "not a cursor of this list");
  return { limit, afterKey: cursor.k };
}

/** `rows` fetched with LIMIT limit + 1 as a connection; the extra row only says there is a next page. */
export function keysetConnection<T>(
  rows: T[],
  totalCount: number,
  page: KeysetPage,
  keyOf: (row: T) => string,
): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: encode({ k: keyOf(node) }), node }));
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
