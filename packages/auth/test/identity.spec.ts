import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "@c360/config";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTokenVerifier, mintToken } from "../src/identity";

/** The identity settings the configuration gives for `env`. */
const identityConfigFromEnv = (env: NodeJS.ProcessEnv) => loadConfig(env).identity;

const config = identityConfigFromEnv({});

describe("token verification", () => {
  it("accepts a minted token and reads its claims; unknown roles open nothing", async () => {
    const verify = await createTokenVerifier(config);
    const token = await mintToken(config, { subject: "ana", roles: ["marketing_analyst", "root"], markets: ["DE"] });
    const viewer = await verify(`Bearer ${token}`);
    expect({ ...viewer, entitlements: [...viewer.entitlements].sort() }).toEqual({
      subject: "ana",
      roles: ["marketing_analyst"],
      claimedRoles: ["marketing_analyst", "root"],
      markets: ["DE"],
      entitlements: [
        "customer:read",
        "customer:readLoyalty",
        "customer:readSessions",
        "graph:paginate",
        "insights:readAffinity",
        "insights:readPreferences",
        "meta:read",
        "product:readCatalog",
        "sales:readSummary",
      ],
    });
  });

  /** A token signed with the configured secret, carrying exactly `payload` (nothing added). */
  const signed = (payload: Record<string, unknown>, ttl = 600) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: "c360", aud: "c360-graph", exp: now + ttl, ...payload })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(config.secret));
  };

  it("gives prototype names no meaning: they open nothing, are kept as claimed, and never fail the request", async () => {
    const verify = await createTokenVerifier(config);
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const viewer = await verify(`Bearer ${await signed({ sub: "eve", roles: [name, "marketing_analyst"] })}`);
      expect({ roles: viewer.roles, claimed: viewer.claimedRoles, entitlements: viewer.entitlements.size }).toEqual({
        roles: ["marketing_analyst"],
        claimed: [name, "marketing_analyst"],
        entitlements: 9,
      });
    }
  });

  it.each([
    ["sub empty", { sub: "", roles: ["c360_admin"] }, "sub"],
    ["sub a number", { sub: 42, roles: ["c360_admin"] }, "sub"],
    ["sub an object", { sub: { id: "x" }, roles: ["c360_admin"] }, "sub"],
    ["sub with a NUL", { sub: "ana\u0000admin", roles: ["c360_admin"] }, "sub"],
    ["sub of 10,000 characters", { sub: "a".repeat(10_000), roles: ["c360_admin"] }, "sub"],
    ["roles not a list", { sub: "ana", roles: "c360_admin" }, "roles"],
    ["roles holding a number", { sub: "ana", roles: ["c360_admin", 1] }, "roles"],
    ["1,000 roles", { sub: "ana", roles: Array(1_000).fill("c360_admin") }, "roles"],
    ["markets holding a prototype name", { sub: "ana", roles: ["c360_admin"], markets: ["constructor"] }, "markets"],
    ["markets holding __proto__", { sub: "ana", roles: ["c360_admin"], markets: ["__proto__"] }, "markets"],
    ["markets not a list", { sub: "ana", roles: ["c360_admin"], markets: "DE" }, "markets"],
  ])("refuses a token with %s as UNAUTHENTICATED naming the claim", async (_case, payload, claim) => {
    const verify = await createTokenVerifier(config);
    await expect(verify(`Bearer ${await signed(payload)}`)).rejects.toMatchObject({
      message: expect.stringContaining(`${claim} claim`),
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  });

  it("refuses tokens that live longer than the configured cap (C360_JWT_MAX_TTL, default one day)", async () => {
    const verify = await createTokenVerifier(config);
    expect((await verify(`Bearer ${await signed({ sub: "ana" }, 24 * 3600 - 5)}`)).subject).toBe("ana");
    await expect(verify(`Bearer ${await signed({ sub: "ana" }, 10 * 365 * 24 * 3600)}`)).rejects.toMatchObject({
      message: expect.stringContaining("lives longer than 86400 s"),
      extensions: { code: "UNAUTHENTICATED" },
    });
    const hour = await createTokenVerifier(identityConfigFromEnv({ C360_JWT_MAX_TTL: "3600" }));
    await expect(hour(`Bearer ${await signed({ sub: "ana" }, 7200)}`)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(() => identityConfigFromEnv({ C360_JWT_MAX_TTL: "forever" })).toThrow("C360_JWT_MAX_TTL");
  });

  it("refuses an HS256 token signed with the public key of an RS256 setup", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    const pem = await exportSPKI(publicKey);
    const rsa = identityConfigFromEnv({ C360_JWT_PUBLIC_KEY: pem });
    const verify = await createTokenVerifier(rsa);
    const claims = { roles: ["c360_admin"] };
    const good = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("x")
      .setIssuer("c360")
      .setAudience("c360-graph")
      .setExpirationTime("1h")
      .sign(privateKey);
    expect((await verify(`Bearer ${good}`)).roles).toEqual(["c360_admin"]);
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setIssuer("c360")
      .setAudience("c360-graph")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(pem));
    await expect(verify(`Bearer ${forged}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("refuses configurations that would weaken verification", () => {
    expect(() => identityConfigFromEnv({ C360_JWT_SECRET: "short" })).toThrow("at least 32 characters");
    expect(() => identityConfigFromEnv({ NODE_ENV: "production" })).toThrow("required in production");
    expect(() =>
      identityConfigFromEnv({ C360_JWT_SECRET: "x".repeat(40), C360_JWKS_URL: "http://127.0.0.1/jwks" }),
    ).toThrow("not both");
  });

  describe("verified tokens are remembered", () => {
    afterEach(() => vi.useRealTimers());

    it("only until the token's own exp", async () => {
      const verify = await createTokenVerifier(config);
      const token = await mintToken(config, { subject: "ana", roles: ["c360_admin"] }, 60);
      expect((await verify(`Bearer ${token}`)).subject).toBe("ana");
      vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
      await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    });

    it("never for a token that differs from the verified one in any part", async () => {
      const verify = await createTokenVerifier(config);
      const token = await mintToken(config, { subject: "ana", roles: ["marketing_analyst"] });
      await verify(`Bearer ${token}`);
      const [header, payload, signature] = token.split(".") as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
      const escalated = Buffer.from(JSON.stringify({ ...claims, roles: ["c360_admin"] })).toString("base64url");
      const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
      for (const altered of [`${header}.${escalated}.${signature}`, `${header}.${payload}.${flipped}`]) {
        await expect(verify(`Bearer ${altered}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
      }
      const viewer = await verify(`Bearer ${token}`);
      expect(viewer.roles).toEqual(["marketing_analyst"]);
      expect(Object.isFrozen(viewer)).toBe(true);
    });
  });

  it("verifies RS256 tokens against a JWKS endpoint (C360_JWKS_URL) and refuses other keys", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    const stranger = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "c360-1", alg: "RS256", use: "sig" };
    let fetched = 0;
    const jwks = createServer((_req, res) => {
      fetched++;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
      const verify = await createTokenVerifier(identityConfigFromEnv({ C360_JWKS_URL: url }));
      const sign = (key: CryptoKey, kid: string) =>
        new SignJWT({ roles: ["c360_admin"] })
          .setProtectedHeader({ alg: "RS256", kid })
          .setSubject("idp-user")
          .setIssuer("c360")
          .setAudience("c360-graph")
          .setExpirationTime("1h")
          .sign(key);
      expect((await verify(`Bearer ${await sign(privateKey, "c360-1")}`)).subject).toBe("idp-user");
      expect(fetched).toBe(1);
      for (const kid of ["c360-1", "unknown"]) {
        await expect(verify(`Bearer ${await sign(stranger.privateKey, kid)}`)).rejects.toMatchObject({
          extensions: { code: "UNAUTHENTICATED" },
        });
      }
    } finally {
      jwks.close();
    }
  });
});
