import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PolicyVersionView } from "@c360/auth";
import { type Commit, GitRefError, SUPERGRAPH_PATHS, supergraphAt } from "@c360/supergraph/git";

/** Where the policy lives in the repository. */
const POLICY_DIR = "packages/auth/src";

/** A version of the policy, with the supergraph committed beside it. */
export interface PolicySnapshot {
  policy: PolicyVersionView;
  supergraphSdl: string;
  /** The ref and its commit, or "working tree". */
  label: string;
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
      throw new GitRefError(`the policy of ${where} does not export roles, roleNames, mayRead and entitlementsOf`);
    return {
      ...(typeof module.policyVersion === "string" ? { version: module.policyVersion } : {}),
      roles: module.roles,
      roleNames: module.roleNames,
      mayRead: module.mayRead,
      entitlementsOf: module.entitlementsOf,
    };
  } catch (error) {
    if (error instanceof GitRefError) throw error;
    throw new GitRefError(`the policy of ${where} does not build: ${(error as Error).message.split("\n")[0]}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The policy and supergraph of the working tree at `root`. */
export async function policyOfWorkingTree(root: string): Promise<PolicySnapshot> {
  const supergraph = SUPERGRAPH_PATHS.map((path) => join(root, path)).find((path) => existsSync(path));
  if (!supergraph) throw new GitRefError(`the working tree at ${root} has no committed supergraph`);
  return {
    policy: await loadPolicyModule(root, "the working tree"),
    supergraphSdl: readFileSync(supergraph, "utf8"),
    label: "working tree",
  };
}

/** The policy and supergraph as committed at `commit`. */
export async function policyAt(commit: Commit): Promise<PolicySnapshot> {
  const files = commit.files(POLICY_DIR);
  if (!files.length)
    throw new GitRefError(`${commit.label} has no ${POLICY_DIR}: it is from before the policy lived there`);
  const supergraphSdl = supergraphAt(commit);
  const dir = mkdtempSync(join(tmpdir(), "c360-ref-"));
  try {
    for (const path of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), commit.show(path) ?? "");
    }
    return { policy: await loadPolicyModule(dir, commit.label), supergraphSdl, label: commit.label };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
