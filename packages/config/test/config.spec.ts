import { subgraphRegistry } from "@c360/registry";
import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, loadConfig } from "../src/index";

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [...error.problems];
  }
};

describe("the configuration", () => {
  it("gives every setting its default, and every registered subgraph its contract port", () => {
    const config = loadConfig({});
    expect(config.mode).toBe("development");
    expect(config.ports).toEqual({
      gateway: 4000,
      ...Object.fromEntries(subgraphRegistry.map((s) => [s.name, s.port])),
    });
    expect(config.limits.depth).toBe(12);
    expect(config.budget).toEqual({ concurrency: 8, costInFlight: 2_000_000, ratePerSecond: 100, burst: 200 });
    expect(config.database).toEqual({ pgliteDir: ".c360/pglite", statementTimeoutMs: 5000, poolSize: 10 });
    expect(config.heapGrowthPercent).toBe(20);
  });

  it("reports every bad setting at once, naming each and what it must be", () => {
    expect(
      problems({
        C360_SEED_SCALE: "abc",
        C360_SALES_PORT: "70000",
        NODE_ENV: "staging",
        DATABASE_URL: "mysql://x",
        C360_HEAP_GROWTH_PERCENT: "-5",
      }),
    ).toEqual([
      'NODE_ENV: must be development, production or test (got "staging")',
      "DATABASE_URL: must be a postgres:// or postgresql:// URL",
      'C360_SALES_PORT: must be between 0 and 65535 (got "70000")',
      'C360_HEAP_GROWTH_PERCENT: must be a whole number (got "-5")',
      'C360_SEED_SCALE: must be a positive number (got "abc")',
    ]);
  });

  it("requires real keys in production, one kind of token key, and long secrets; never prints a secret", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      "C360_JWT_SECRET (or C360_JWKS_URL / C360_JWT_PUBLIC_KEY): required in production",
      "C360_SUBGRAPH_SECRET: required in production",
    ]);
    expect(problems({ C360_JWT_SECRET: "short-secret", C360_JWKS_URL: "http://127.0.0.1/jwks" })).toEqual([
      "C360_JWT_SECRET: must be at least 32 characters",
      "C360_JWT_SECRET and C360_JWKS_URL / C360_JWT_PUBLIC_KEY: set one kind of token key, not both",
    ]);
    const secret = "s".repeat(40);
    const printed = describeConfig({
      C360_JWT_SECRET: secret,
      C360_SUBGRAPH_SECRET: secret,
      C360_GATEWAY_PORT: "8080",
    });
    expect(printed).not.toContain(secret);
    expect(printed).toMatch(/C360_JWT_SECRET\s+\(set, hidden\)\s+environment/);
    expect(printed).toMatch(/C360_GATEWAY_PORT\s+8080\s+environment/);
    expect(printed).toMatch(/C360_SEED_SCALE\s+0\.1\s+default/);
    // A password inside any URL setting is hidden too.
    const urls = describeConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector-user:hunter2-otlp@collector:4318",
      C360_SALES_URL: "http://gw:sales-pass-9@sales:4002/graphql",
    });
    expect(urls).not.toMatch(/hunter2-otlp|sales-pass-9/);
    expect(urls).toContain("http://collector-user:****@collector:4318/");
  });

  it("takes browser origins as exact origins only (none by default), naming every bad one", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({ C360_CORS_ORIGINS: "https://app.example.com, http://127.0.0.1:5173,https://app.example.com" })
        .corsOrigins,
    ).toEqual(["https://app.example.com", "http://127.0.0.1:5173"]);
    const bad = "https://app.example.com/,null,*,HTTPS://A.example.com,https://a.example.com:443,ftp://a.example.com,";
    expect(problems({ C360_CORS_ORIGINS: bad })).toEqual([
      `C360_CORS_ORIGINS: must be comma-separated origins scheme://host[:port]: ${[
        '"https://app.example.com/" is not an origin as browsers send it: https://app.example.com',
        '"null" is not a URL',
        '"*" is a wildcard: list each origin',
        '"HTTPS://A.example.com" is not an origin as browsers send it: https://a.example.com',
        '"https://a.example.com:443" is not an origin as browsers send it: https://a.example.com',
        '"ftp://a.example.com" is not http:// or https://',
        '"" is empty',
      ].join("; ")} (got ${JSON.stringify(`${bad.slice(0, 60)}…`)})`,
    ]);
    for (const wildcard of ["https://*.example.com", "http://*:3000"])
      expect(problems({ C360_CORS_ORIGINS: wildcard })[0]).toContain("is a wildcard");
  });
});
