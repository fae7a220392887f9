/**
 * `pnpm build`: every workspace package's TypeScript compiled to JavaScript in its `dist/`, which is
 * what production, the CLI and the process tests run (`node <package>/dist/...`). Per package,
 * esbuild bundles the package's own modules from each entry (shared code goes to chunks), and leaves
 * every other import (other workspace packages, third-party modules) to be resolved at run time
 * through node_modules and each package's `default` export condition. Entries: the package's exports
 * (their `development` targets) and its process entries (`src/index.ts`, `src/main.ts`,
 * `src/start.ts`). Development (tsx, vitest) runs the sources through the `development` condition.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL(".", import.meta.url));

/** The workspace's package folders, from pnpm-workspace.yaml (`db`, `packages/*`, ...). */
function packageDirs(): string[] {
  const patterns = [...readFileSync(join(root, "pnpm-workspace.yaml"), "utf8").matchAll(/^\s*-\s*(\S+)\s*$/gm)].map(
    (m) => m[1] as string,
  );
  return patterns.flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(join(root, pattern.slice(0, -2), d.name, "package.json")))
          .map((d) => join(pattern.slice(0, -2), d.name))
      : [pattern],
  );
}

const processEntries = ["src/index.ts", "src/main.ts", "src/start.ts"];

function entriesOf(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
    exports?: Record<string, { development?: string }>;
  };
  const exported = Object.values(manifest.exports ?? {}).flatMap((e) => (e.development ? [e.development] : []));
  const entries = new Set([...exported, ...processEntries.filter((f) => existsSync(join(root, dir, f)))]);
  return [...entries].map((f) => join(root, dir, f));
}

/** Builds every package; resolves with the number of packages built. */
export async function buildAll(): Promise<number> {
  const dirs = packageDirs().filter((dir) => entriesOf(dir).length);
  await Promise.all(
    dirs.map((dir) => {
      rmSync(join(root, dir, "dist"), { recursive: true, force: true });
      return build({
        entryPoints: entriesOf(dir),
        outdir: join(root, dir, "dist"),
        outbase: join(root, dir, "src"),
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "node",
        target: "node20",
        packages: "external",
        sourcemap: true,
        logLevel: "warning",
      });
    }),
  );
  return dirs.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const built = await buildAll();
  console.log(`built ${built} packages in ${Math.round(performance.now() - started)} ms`);
}
