import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PolicyVersionView } from "@c360/auth";

/** Where the policy lives in the repository. */
const POLICY_DIR = "packages/auth/src";
/** Where the committed supergraph has lived, newest first. */
const SUPERGRAPHS = ["packages/supergraph/supergraph.graphql", "gateway/supergraph.graphql"];

/** A version of the policy, with the supergraph committed beside it. */
export interface PolicySnapshot {
  policy: PolicyVersionView;
  supergraphSdl: string;
  /** The ref and its commit, or "working tree". */
  label: string;
}

/** A ref that cannot be read, said the way the user wrote it. */
export class PolicyRefError extends Error {}

function git(root: string, args: string[]): string {
  return execFileSync("git", ["-C", root, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The root of the git repository holding `cwd`. */
export function repositoryRoot(cwd = process.cwd()): string {
  try {
    return git(cwd, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    throw new PolicyRefError(`${cwd} is not inside a git repository: --diff compares versions of its policy`);
  }
}

/** The commit `ref` names; an option-like, control-character or unknown ref is refused by name. */
function commitOf(root: string, ref: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (!ref || ref.startsWith("-") || /[\u0000-\u001f\u007f]/.test(ref) || ref.length > 256)
    throw new PolicyRefError(`"${ref.slice(0, 64)}" is not a git ref`);
  try {
    return git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
  } catch {
    throw new PolicyRefError(`unknown git ref "${ref}" (a branch, tag or commit of ${root})`);
  }
}

/**
 * Builds the policy module found under `dir` (its own imports bundled in) and loads it; checks it has
 * what a diff reads.
 */
async function loadPolicyModule(dir: string, where: string): Promise<PolicyVersionView> {
  const { build } = await import("esbuild");
  const out = mkdtempSync(join(tmpdir(), "c360-policy-"));
  try {
    const built = await build({
      entryPoints: [join(dir, POLICY_DIR, "policy.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    const file = join(out, "policy.mjs");
    writeFileSync(file, built.outputFiles[0]?.text ?? "");
    const module = (await import(pathToFileURL(file).href)) as Partial<PolicyVersionView> & {
      policyVersion?: unknown;
    };
    if (
      typeof module.roles !== "object" ||
      !Array.isArray(module.roleNames) ||
      typeof module.mayRead !== "function" ||
      typeof module.entitlementsOf !== "function"
    )
      throw new PolicyRefError(`the policy of ${where} does not export roles, roleNames, mayRead and entitlementsOf`);
    return {
      ...(typeof module.policyVersion === "string" ? { version: module.policyVersion } : {}),
      roles: module.roles,
      roleNames: module.roleNames,
      mayRead: module.mayRead,
      entitlementsOf: module.entitlementsOf,
    };
  } catch (error) {
    if (error instanceof PolicyRefError) throw error;
    throw new PolicyRefError(`the policy of ${where} does not build: ${(error as Error).message.split("\n")[0]}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The policy and supergraph of the working tree at `root`. */
export async function policyOfWorkingTree(root: string): Promise<PolicySnapshot> {
  const supergraph = SUPERGRAPHS.map((path) => join(root, path)).find((path) => existsSync(path));
  if (!supergraph) throw new PolicyRefError(`the working tree at ${root} has no committed supergraph`);
  return {
    policy: await loadPolicyModule(root, "the working tree"),
    supergraphSdl: readFileSync(supergraph, "utf8"),
    label: "working tree",
  };
}

/** The policy and supergraph as committed at `ref`, read with git (the working tree is not touched). */
export async function policyAtRef(root: string, ref: string): Promise<PolicySnapshot> {
  const commit = commitOf(root, ref);
  const where = `${ref} (${commit.slice(0, 12)})`;
  const dir = mkdtempSync(join(tmpdir(), "c360-ref-"));
  try {
    const archive = join(dir, "policy.tar");
    try {
      git(root, ["archive", "--format=tar", "-o", archive, commit, POLICY_DIR]);
    } catch {
      throw new PolicyRefError(`${where} has no ${POLICY_DIR}: it is from before the policy lived there`);
    }
    execFileSync("tar", ["-xf", archive, "-C", dir]);
    let supergraphSdl: string | undefined;
    for (const path of SUPERGRAPHS) {
      try {
        supergraphSdl = git(root, ["show", `${commit}:${path}`]);
        break;
      } catch {}
    }
    if (supergraphSdl === undefined) throw new PolicyRefError(`${where} has no committed supergraph`);
    return { policy: await loadPolicyModule(dir, where), supergraphSdl, label: where };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
