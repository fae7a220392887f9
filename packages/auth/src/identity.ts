import type { IdentitySettings } from "@c360/config";
import { refusal } from "@c360/errors";
import type { GraphQLError } from "graphql";
import { createRemoteJWKSet, importSPKI, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import { type EntitlementName, entitlementsOf, isRole, type RoleName } from "./policy";

/** Who is asking: verified claims, and what they open. */
export interface Viewer {
  subject: string;
  /** The policy's roles among those claimed: they decide the entitlements. */
  roles: RoleName[];
  /** Every role the token claimed, known or not, for the access trail (bounded by the claim checks). */
  claimedRoles: readonly string[];
  entitlements: ReadonlySet<EntitlementName>;
  /** Row scope: only these CX marketplaces; null for all. */
  markets: string[] | null;
}

/** `UNAUTHENTICATED` (HTTP 401): no, malformed, expired or otherwise invalid token. Says nothing more. */
export function unauthenticated(message = "a valid bearer token is required"): GraphQLError {
  return refusal("UNAUTHENTICATED", message);
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Viewer>;

/**
 * A verifier for `Authorization: Bearer <jwt>`: signature with the configured key and only its
 * algorithm (HS256 for a secret, RS256 for a public key: never both, so one cannot stand in for the
 * other), `exp`, `nbf`, `iss`, `aud`, and claims of the expected shape.
 */
export async function createTokenVerifier(config: IdentitySettings): Promise<TokenVerifier> {
  let key: CryptoKey | JWTVerifyGetKey;
  let algorithms: string[];
  if (config.secret) {
    // Imported once: given raw bytes, jose imports the key again on every verification (about 2/3 of its cost).
    key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(config.secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    );
    algorithms = ["HS256"];
  } else if (config.jwksUrl) {
    key = createRemoteJWKSet(new URL(config.jwksUrl));
    algorithms = ["RS256"];
  } else if (config.publicKeyPem) {
    key = await importSPKI(config.publicKeyPem, "RS256");
    algorithms = ["RS256"];
  } else throw new Error("identity: no verification key configured");

  // Verified tokens by their exact text (signature included, so an altered token never matches),
  // kept until their own exp: the gateway and each subgraph a request reaches verify the signature
  // once per token, not once per hop. Only a token whose signature verified is kept, so only the
  // identity provider's tokens take room. Bounded by their text (a token may be as long as a header
  // allows), the oldest going first.
  const verified = new Map<string, { viewer: Viewer; notBefore: number; expires: number }>();
  let verifiedBytes = 0;
  const forget = (token: string) => {
    if (verified.delete(token)) verifiedBytes -= token.length;
  };

  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? "");
    const token = match?.[1];
    if (!token) throw unauthenticated();
    const now = Date.now() / 1000;
    const known = verified.get(token);
    if (known && now >= known.notBefore && now < known.expires) return known.viewer;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as CryptoKey, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        requiredClaims: ["exp", "sub"],
      }));
    } catch {
      throw unauthenticated("the bearer token is invalid or expired");
    }
    if ((payload.exp ?? 0) - now > config.maxTtlSeconds)
      throw unauthenticated(
        `the bearer token lives longer than ${config.maxTtlSeconds} s; ask for a shorter-lived one`,
      );
    const viewer = viewerOf(payload);
    forget(token); // expired, or verified meanwhile by a request carrying the same token
    verified.set(token, { viewer, notBefore: payload.nbf ?? 0, expires: payload.exp ?? 0 });
    verifiedBytes += token.length;
    for (const oldest of verified.keys()) {
      if (verified.size <= VERIFIED_TOKENS_KEPT && verifiedBytes <= VERIFIED_TOKEN_BYTES) break;
      forget(oldest);
    }
    return viewer;
  };
}

/** How many verified tokens a verifier remembers, and their most bytes in all (a token is ASCII). */
const VERIFIED_TOKENS_KEPT = 10_000;
const VERIFIED_TOKEN_BYTES = 8 * 1024 * 1024;

/** Bounds of the claims a token may carry (the trail keeps them, so nothing unbounded gets in). */
const MAX_SUBJECT_LENGTH = 256;
const MAX_ROLES = 32;
const MAX_ROLE_LENGTH = 64;
const marketCode = /^[A-Z]{2}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const control = /[\u0000-\u001f\u007f-\u009f]/;

const badClaim = (claim: string, why: string) => unauthenticated(`the bearer token's ${claim} claim ${why}`);

/**
 * The viewer a verified payload describes (frozen: one viewer serves every request with its token).
 * Claims of the wrong shape refuse the token: `sub` a non-empty string without control characters,
 * `roles` a list of short strings, `markets` a list of two-letter marketplace codes. Roles the policy
 * does not know open nothing (looked up as own keys only) but stay in `claimedRoles`.
 */
function viewerOf(payload: JWTPayload): Viewer {
  const { sub, roles, markets } = payload as { sub?: unknown; roles?: unknown; markets?: unknown };
  if (typeof sub !== "string" || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH || control.test(sub))
    throw badClaim("sub", `must be a non-empty string of at most ${MAX_SUBJECT_LENGTH} printable characters`);
  const claimed = roles ?? [];
  if (
    !Array.isArray(claimed) ||
    claimed.length > MAX_ROLES ||
    !claimed.every((r) => typeof r === "string" && r.length <= MAX_ROLE_LENGTH && !control.test(r))
  )
    throw badClaim("roles", `must be a list of at most ${MAX_ROLES} role names`);
  if (
    markets !== undefined &&
    !(
      Array.isArray(markets) &&
      markets.length <= 32 &&
      markets.every((m) => typeof m === "string" && marketCode.test(m))
    )
  )
    throw badClaim("markets", "must be a list of two-letter marketplace codes");
  const known = [...new Set((claimed as string[]).filter(isRole))];
  return Object.freeze({
    subject: sub,
    roles: Object.freeze(known) as RoleName[],
    claimedRoles: Object.freeze([...(claimed as string[])]),
    entitlements: entitlementsOf(known),
    markets: markets === undefined ? null : (Object.freeze([...new Set(markets as string[])]) as string[]),
  });
}

/**
 * Mints an HS256 token (development: `c360 token`, tests). Only one the verifier accepts: claims of
 * the shape it checks, a lifetime within `maxTtlSeconds`.
 */
export async function mintToken(
  config: IdentitySettings,
  claims: { subject: string; roles: string[]; markets?: string[] },
  ttlSeconds = 3600,
): Promise<string> {
  if (!config.secret)
    throw new Error("minting needs C360_JWT_SECRET (HS256); RS256 tokens come from your identity provider");
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > config.maxTtlSeconds)
    throw new Error(
      `a token lives 1 to ${config.maxTtlSeconds} s (C360_JWT_MAX_TTL): every process refuses one that lives longer`,
    );
  viewerOf({ sub: claims.subject, roles: claims.roles, ...(claims.markets ? { markets: claims.markets } : {}) });
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: claims.roles, ...(claims.markets ? { markets: claims.markets } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(config.secret));
}
