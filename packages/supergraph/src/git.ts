import { execFileSync } from "node:child_process";

/**
 * The repository as committed at a git ref, read with git itself (the working tree is never
 * touched): what `c360 access-matrix --diff` and `pnpm compose --check --base` compare with.
 */

/** A ref that cannot be read, said the way the user wrote it. */
export class GitRefError extends Error {}

/** Where the committed supergraph has lived, newest first. */
export const SUPERGRAPH_PATHS = ["packages/supergraph/supergraph.graphql", "gateway/supergraph.graphql"];

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
    throw new GitRefError(`${cwd} is not inside a git repository`);
  }
}

/** The files of one commit. */
export interface Commit {
  /** `<ref> (<commit, 12 hex>)`. */
  label: string;
  /** A file's text; null when the commit has no such file. */
  show(path: string): string | null;
  /** The paths of the files under `dir`, recursively. */
  files(dir: string): string[];
}

/** The commit `ref` names in the repository at `root`; an option-like, control-character or unknown ref is refused by name. */
export function commitAt(root: string, ref: string): Commit {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (!ref || ref.startsWith("-") || /[\u0000-\u001f\u007f]/.test(ref) || ref.length > 256)
    throw new GitRefError(`"${ref.slice(0, 64)}" is not a git ref`);
  let commit: string;
  try {
    commit = git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
  } catch {
    throw new GitRefError(`unknown git ref "${ref}" (a branch, tag or commit of ${root})`);
  }
  return {
    label: `${ref} (${commit.slice(0, 12)})`,
    show(path) {
      try {
        return git(root, ["show", `${commit}:${path}`]);
      } catch {
        return null;
      }
    },
    files: (dir) => git(root, ["ls-tree", "-r", "--name-only", commit, "--", dir]).split("\n").filter(Boolean),
  };
}

/** The supergraph committed at `commit`. */
export function supergraphAt(commit: Commit): string {
  for (const path of SUPERGRAPH_PATHS) {
    const sdl = commit.show(path);
    if (sdl !== null) return sdl;
  }
  throw new GitRefError(`${commit.label} has no committed supergraph`);
}
