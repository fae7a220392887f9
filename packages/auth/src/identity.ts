import { GraphQLError } from "graphql";
import { createRemoteJWKSet, importSPKI, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import { type EntitlementName, entitlementsOf, isRole, type RoleName } from "./policy";

/** Who is asking: verified claims, and what they open. */
export interface Viewer {
  subject: string;
  roles: RoleName[];
  entitlements: ReadonlySet<EntitlementName>;
  /** Row scope: only these CX marketplaces; null for all. */
  markets: string[] | null;
}

export interface IdentityConfig {
  issuer: string;
  audience: string;
  /** HS256 shared secret (development and single-tenant setups). */
  secret?: Uint8Array;
  /** RS256 verification key: a JWKS URL or a PEM public key. Exclusive with `secret`. */
  jwksUrl?: string;
  publicKeyPem?: string;
}

/** The development secret: used only when not in production and C360_JWT_SECRET is unset. */
const DEVELOPMENT_SECRET = "c360-development-secret-do-not-use-in-production";

/** Reads identity settings from the environment; production requires an explicit key. */
export function identityConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const config: IdentityConfig = {
    issuer: env.C360_JWT_ISSUER ?? "c360",
    audience: env.C360_JWT_AUDIENCE ?? "c360-graph",
  };
  const rsa = env.C360_JWKS_URL || env.C360_JWT_PUBLIC_KEY;
  if (rsa && env.C360_JWT_SECRET)
    throw new Error("set either C360_JWT_SECRET (HS256) or C360_JWKS_URL / C360_JWT_PUBLIC_KEY (RS256), not both");
  if (env.C360_JWKS_URL) return { ...config, jwksUrl: env.C360_JWKS_URL };
  if (env.C360_JWT_PUBLIC_KEY) return { ...config, publicKeyPem: env.C360_JWT_PUBLIC_KEY };
  if (!env.C360_JWT_SECRET && env.NODE_ENV === "production")
    throw new Error("C360_JWT_SECRET (or an RS256 key) is required in production");
  const secret = env.C360_JWT_SECRET ?? DEVELOPMENT_SECRET;
  if (secret.length < 32) throw new Error("C360_JWT_SECRET must be at least 32 characters");
  return { ...config, secret: new TextEncoder().encode(secret) };
}

/** `UNAUTHENTICATED` (HTTP 401): no, malformed, expired or otherwise invalid token. Says nothing more. */
export function unauthenticated(message = "a valid bearer token is required"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Viewer>;

/**
 * A verifier for `Authorization: Bearer <jwt>`: signature with the configured key and only its
 * algorithm (HS256 for a secret, RS256 for a public key: never both, so one cannot stand in for the
 * other), `exp`, `nbf`, `iss`, `aud`, and claims of the expected shape.
 */
export async function createTokenVerifier(config: IdentityConfig): Promise<TokenVerifier> {
  let key: CryptoKey | JWTVerifyGetKey;
  let algorithms: string[];
  if (config.secret) {
    // Imported once: given raw bytes, jose imports the key again on every verification (about 2/3 of its cost).
    key = await crypto.subtle.importKey(
      "raw",
      new Uint8Array(config.secret),
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
  // once per token, not once per hop. Bounded; the oldest entry goes first.
  const verified = new Map<string, { viewer: Viewer; notBefore: number; expires: number }>();

  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? "");
    const token = match?.[1];
    if (!token) throw unauthenticated();
    const now = Date.now() / 1000;
    const known = verified.get(token);
    if (known && now >= known.notBefore && now < known.expires) return known.viewer;
    verified.delete(token);
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
    const viewer = viewerOf(payload);
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value as string);
    verified.set(token, { viewer, notBefore: payload.nbf ?? 0, expires: payload.exp ?? 0 });
    return viewer;
  };
}

/** How many verified tokens a verifier remembers. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** The viewer a verified payload describes (frozen: one viewer serves every request with its token). */
function viewerOf(payload: JWTPayload): Viewer {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
  const markets = payload.markets;
  if (markets !== undefined && !(Array.isArray(markets) && markets.every((m) => typeof m === "string"))) {
    throw unauthenticated("the bearer token is invalid or expired");
  }
  const known = roles.filter(isRole);
  return Object.freeze({
    subject: String(payload.sub),
    roles: Object.freeze(known) as RoleName[],
    entitlements: entitlementsOf(known),
    markets: markets === undefined ? null : (Object.freeze([...(markets as string[])]) as string[]),
  });
}

/** Mints an HS256 token (development: `c360 token`, tests). */
export async function mintToken(
  config: IdentityConfig,
  claims: { subject: string; roles: string[]; markets?: string[] },
  ttlSeconds = 3600,
): Promise<string> {
  if (!config.secret)
    throw new Error("minting needs C360_JWT_SECRET (HS256); RS256 tokens come from your identity provider");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: claims.roles, ...(claims.markets ? { markets: claims.markets } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(config.secret);
}
