import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
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
});
