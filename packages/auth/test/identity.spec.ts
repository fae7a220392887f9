import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTokenVerifier, identityConfigFromEnv, mintToken } from "../src/identity";

const config = identityConfigFromEnv({});

describe("token verification", () => {
  it("accepts a minted token and reads its claims; unknown roles open nothing", async () => {
    const verify = await createTokenVerifier(config);
    const token = await mintToken(config, { subject: "ana", roles: ["marketing_analyst", "root"], markets: ["DE"] });
    const viewer = await verify(`Bearer ${token}`);
    expect({ ...viewer, entitlements: [...viewer.entitlements].sort() }).toEqual({
      subject: "ana",
      roles: ["marketing_analyst"],
      markets: ["DE"],
      entitlements: [
        "customer:read",
        "customer:readLoyalty",
        "customer:readSessions",
        "graph:paginate",
        "meta:read",
        "product:readCatalog",
        "sales:readSummary",
      ],
    });
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
