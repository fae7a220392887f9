/**
 * The house plan, held by tests: who may import whom, one list of subgraphs, one configuration.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "@c360/config";
import { tables } from "@c360/db";
import { subgraphs } from "@c360/platform";
import { subgraphRegistry } from "@c360/registry";
import { graphsOf, supergraphSdl } from "@c360/supergraph";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/** Every TypeScript source file under `dir` (relative to the root), generated code aside. */
function sources(dir: string): string[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.includes("generated") && !f.includes("node_modules"))
    .map((f) => join(dir, f));
}

const importsOf = (file: string) =>
  [...readFileSync(join(root, file), "utf8").matchAll(/(?:from|import\()\s*"([^"]+)"/g)].map((m) => m[1] as string);

const subgraphPackages = new Set(subgraphRegistry.map((s) => s.package));
const productSources = [
  ...sources("db/src"),
  ...sources("gateway/src"),
  ...readdirSync(join(root, "packages")).flatMap((p) => sources(`packages/${p}/src`)),
  ...readdirSync(join(root, "subgraphs")).flatMap((s) => sources(`subgraphs/${s}/src`)),
];

describe("walls between packages", () => {
  it("lets only the platform import subgraph packages: the gateway knows subgraphs through the supergraph", () => {
    const crossings = productSources.flatMap((file) =>
      importsOf(file)
        .filter((spec) => subgraphPackages.has(spec))
        .filter(() => !file.startsWith("packages/platform/"))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(crossings).toEqual([]);
    const gatewayDeps = Object.keys(
      (JSON.parse(readFileSync(join(root, "gateway/package.json"), "utf8")) as { dependencies: object }).dependencies,
    );
    expect(gatewayDeps.filter((d) => subgraphPackages.has(d))).toEqual([]);
  });

  it("keeps the subgraph kit to what every subgraph shares: no domain schema, no file outside its package", () => {
    const kit = sources("packages/subgraph-kit/src");
    const reaching = kit.flatMap((file) => {
      const text = readFileSync(join(root, file), "utf8");
      return [
        ...importsOf(file)
          .filter((spec) => spec === "@c360/db/schema" || subgraphPackages.has(spec))
          .map((spec) => `${file} imports ${spec}`),
        ...[...text.matchAll(/new URL\("((?:\.\.\/){2,}[^"]*)"/g)].map((m) => `${file} reads ${m[1]}`),
      ];
    });
    expect(reaching).toEqual([]);
  });

  it("has no package read another's files by relative path", () => {
    const reaching = productSources.flatMap((file) =>
      [...readFileSync(join(root, file), "utf8").matchAll(/(?:new URL\(|from\s)\s*"((?:\.\.\/){3,}[^"]*)"/g)].map(
        (m) => `${file} reaches ${m[1]}`,
      ),
    );
    expect(reaching).toEqual([]);
  });

  it("reads the environment in one place: the configuration", () => {
    const readers = productSources.filter(
      (file) => !file.startsWith("packages/config/") && /process\.env\b/.test(readFileSync(join(root, file), "utf8")),
    );
    // The gateway switches Apollo's telemetry off through the one variable @apollo/gateway reads.
    expect(readers).toEqual(["gateway/src/gateway.ts"]);
    expect(readFileSync(join(root, "gateway/src/gateway.ts"), "utf8").match(/process\.env\.\w+/g)).toEqual([
      "process.env.APOLLO_TELEMETRY_DISABLED",
    ]);
  });
});

describe("one registry of subgraphs", () => {
  it("is what is composed, configured, generated, loaded and linked, for every registered subgraph", () => {
    const platform = JSON.parse(readFileSync(join(root, "packages/platform/package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const ports = loadConfig({}).ports;
    for (const entry of subgraphRegistry) {
      const manifest = JSON.parse(readFileSync(join(root, "subgraphs", entry.name, "package.json"), "utf8")) as {
        name: string;
      };
      expect({
        name: entry.name,
        package: manifest.name,
        linked: platform.dependencies[entry.package],
        port: ports[entry.name],
        composed: graphsOf(supergraphSdl()).find((g) => g.name === entry.name)?.url,
        codegen: existsSync(join(root, "subgraphs", entry.name, "src/generated/resolvers-types.ts")),
      }).toEqual({
        name: entry.name,
        package: entry.package,
        linked: "workspace:*",
        port: entry.port,
        composed: `http://127.0.0.1:${entry.port}/graphql`,
        codegen: true,
      });
    }
    expect(subgraphs.map((s) => s.name)).toEqual(subgraphRegistry.map((s) => s.name));
    // Every table of the catalog lives in a schema some registered subgraph owns.
    const owned = new Set(subgraphRegistry.map((s) => s.schema));
    expect(tables.filter((t) => !owned.has(t.domain)).map((t) => t.qualified)).toEqual([]);
    expect(
      graphsOf(supergraphSdl())
        .map((g) => g.name)
        .sort(),
    ).toEqual(subgraphRegistry.map((s) => s.name).sort());
  });

  it("is the only list: no other product file names the set of subgraphs", () => {
    const names = subgraphRegistry.map((s) => s.name);
    const listing = [...productSources, "codegen.ts", "build.ts", "db/drizzle.config.ts"].filter((file) => {
      if (file.startsWith("packages/registry/")) return false;
      const text = readFileSync(join(root, file), "utf8");
      // A file of one subgraph names itself; a list names several.
      return names.filter((name) => text.includes(`"${name}"`)).length > 1;
    });
    expect(listing).toEqual([]);
  });
});

describe("one configuration", () => {
  it("refuses to start a process with three bad settings, reporting all three in one message", async () => {
    const entry = relative(root, join(root, "subgraphs/customer/dist/index.js"));
    const run = promisify(execFile)(process.execPath, [entry], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        C360_CUSTOMER_PORT: "not-a-port",
        C360_STATEMENT_TIMEOUT_MS: "-5",
        NODE_ENV: "staging",
      },
      timeout: 30_000,
    });
    const failure = await run.then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(failure).toEqual({
      code: 1,
      stderr: [
        "invalid configuration (3 problems):",
        '  NODE_ENV: must be development, production or test (got "staging")',
        '  C360_STATEMENT_TIMEOUT_MS: must be a whole number (got "-5")',
        '  C360_CUSTOMER_PORT: must be a whole number (got "not-a-port")',
        "",
      ].join("\n"),
    });
  });
});
