import { type DocumentNode, parse } from "graphql";
import { checkSource, documentCheck, type FieldTypeOf, type Limits } from "./limits";

/** A document that parsed and passed the limits that depend on it alone. */
export interface Read {
  document: DocumentNode;
  /** The limits that depend on the variables too (cost); returns the heaviest operation's cost. */
  check: (variables: Record<string, unknown>) => number;
  /** Whether it validates against the schema of `HttpOptions.direct` (found once). */
  valid?: boolean;
}

/**
 * What a parsed document is taken to hold per lexical token: graphql-js keeps every token (linked
 * both ways) and a node and a location for most of them, so a document's memory follows its tokens,
 * not its characters (a long comment is one token).
 */
export const BYTES_PER_TOKEN = 512;

/** The memory a kept document is counted for: its text and its parsed tokens. */
export function documentBytes(query: string, document: DocumentNode): number {
  let tokens = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) tokens++;
  return query.length * 2 + tokens * BYTES_PER_TOKEN;
}

/**
 * Documents already read by this process, by their text: the lexer pass, the parse and the limits
 * that depend on the document alone are paid once per distinct document (the gateway sends subgraphs
 * the same few plan documents; clients repeat theirs), not once per request.
 *
 * `read` keeps nothing: only `keep` does, and the HTTP layer calls it once a request's token was
 * verified and the request admitted. So no client without a token, and no document a limit or
 * admission refused, takes any of its room. Bounded by the bytes its documents are counted for
 * (`documentBytes`), not by their number, since one document may weigh a thousand times another;
 * the oldest goes first.
 */
export class DocumentCache {
  private readonly documents = new Map<string, { read: Read; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /**
   * The document as kept, or read now (source limits, parse, document limits: a refusal is thrown);
   * null for a syntax error, which Apollo reports as GRAPHQL_PARSE_FAILED.
   */
  read(query: string, l: Limits, typeOf: FieldTypeOf | undefined): Read | null {
    const known = this.documents.get(query);
    if (known) return known.read;
    checkSource(query, l);
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    return { document, check: documentCheck(document, typeOf, l) };
  }

  /** Keeps `read` for `query`, the oldest going first while the kept ones exceed the byte bound. */
  keep(query: string, read: Read): void {
    if (this.documents.has(query)) return;
    const bytes = documentBytes(query, read.document);
    if (bytes > this.maxBytes) return;
    this.documents.set(query, { read, bytes });
    this.bytes += bytes;
    for (const [oldest, kept] of this.documents) {
      if (this.bytes <= this.maxBytes) break;
      this.documents.delete(oldest);
      this.bytes -= kept.bytes;
    }
  }

  /** How many documents are kept, and the bytes they are counted for. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.documents.size, bytes: this.bytes };
  }
}
