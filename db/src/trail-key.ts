import { createHash, createHmac } from "node:crypto";

/**
 * The key the access trail's chains are keyed with (`C360_TRAIL_KEY`): held by the gateways that
 * write the trail and by whoever verifies it, never stored in the database. Someone who can write
 * the trail's tables but does not hold it cannot recompute a chain over an edit.
 */
export interface TrailKey {
  /** The key's fingerprint, stored with what it keys, so a verifier tells which key it needs. */
  readonly id: string;
  /** HMAC-SHA256 of `text` under the key, hex. */
  mac(text: string): string;
}

export function trailKey(secret: string): TrailKey {
  return {
    id: createHash("sha256").update(`c360 trail key\0${secret}`).digest("hex").slice(0, 16),
    mac: (text) => createHmac("sha256", secret).update(text).digest("hex"),
  };
}
