import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";

/** The header the gateway signs subgraph requests with: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "x-c360-signature";

/** How old a signature may be, and how far ahead of the subgraph's clock (clock skew only). */
const MAX_AGE_SECONDS = 60;
const MAX_AHEAD_SECONDS = 5;

/**
 * The secret for one subgraph, derived from the root secret (`C360_SUBGRAPH_SECRET`) as an HMAC of
 * the subgraph's name, so a leaked subgraph secret opens no other subgraph. Undefined without a root.
 */
export function subgraphSecret(root: string | undefined, name: string): Buffer | undefined {
  return root ? createHmac("sha256", root).update(`subgraph:${name}`).digest() : undefined;
}

/**
 * What a signature covers: the method, the request target (path and query string), the
 * Authorization header and the exact body. A signed request cannot be replayed with another
 * user's token, another method, or a GET with another query.
 */
export interface SignedParts {
  method: string;
  target: string;
  authorization: string;
  body: string;
}

/** Each secret as a key, imported once: an HMAC made from the bytes imports them at every call. */
const keys = new WeakMap<Buffer, KeyObject>();
const keyOf = (secret: Buffer) => {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(secret);
    keys.set(secret, key);
  }
  return key;
};

/**
 * The MAC of the parts: the time, then the method, target and Authorization header each prefixed with
 * its length (so no character can move from one part to the next), then the body as it is (the body was
 * escaped into a JSON array before: a copy of every request's body, for nothing).
 */
const mac = (secret: Buffer, time: number, { method, target, authorization, body }: SignedParts) =>
  createHmac("sha256", keyOf(secret))
    .update(`${time}:${method.length}:${method}${target.length}:${target}${authorization.length}:${authorization}`)
    .update(body)
    .digest("hex");

/** The signature header value for a request. */
export function sign(secret: Buffer, parts: SignedParts, now = Date.now()): string {
  const time = Math.floor(now / 1000);
  return `t=${time},v1=${mac(secret, time, parts)}`;
}

/** Whether `header` signs exactly these parts with `secret`, made at most a minute ago and not in the future. */
export function verifySignature(
  secret: Buffer,
  header: string | undefined,
  parts: SignedParts,
  now = Date.now(),
): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const time = Number(match[1]);
  const age = now / 1000 - time;
  if (age > MAX_AGE_SECONDS || age < -MAX_AHEAD_SECONDS) return false;
  return timingSafeEqual(Buffer.from(match[2] as string, "hex"), Buffer.from(mac(secret, time, parts), "hex"));
}
