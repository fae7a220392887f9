import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

/**
 * A git repository in a temporary folder holding copies of this project's `paths`, for commands that
 * read a git ref: `commit(tag)` commits everything and tags it; `git(...)` runs git there.
 */
export function throwawayRepository(paths: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), "c360-git-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.test", "-C", dir, ...args]).toString();
  for (const path of paths) cpSync(join(root, path), join(dir, path), { recursive: true });
  git("init", "-q");
  return {
    dir,
    git,
    commit(tag: string) {
      git("add", ".");
      git("commit", "-qm", tag);
      git("tag", tag);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
