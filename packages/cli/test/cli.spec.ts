import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseEnv } from "../../../test/testkit/database";

const main = join(import.meta.dirname, "../src/main.ts");
let database: Awaited<ReturnType<typeof createDatabaseEnv>>;

/** Runs `c360 ...args` as a user would; resolves with its exit code and output. */
async function c360(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", main, ...args], {
      env: database.env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  database = await createDatabaseEnv();
});
afterAll(() => database.dispose());

describe("the c360 CLI", () => {
  it("applies migrations idempotently", async () => {
    expect((await c360("db", "migrate")).code).toBe(0);
    const again = await c360("db", "migrate");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^migrations applied to /);
  });

  it("seeds, reports rows/s, and passes check with exit code 0", async () => {
    const seeded = await c360("seed", "--scale", "0.01", "--seed", "5");
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/seeded 5\d{3} rows \(scale 0.01, seed 5\) into .*rows\/s\n$/);
    const checked = await c360("check");
    expect({ code: checked.code, stdout: checked.stdout.trim() }).toEqual({ code: 0, stdout: "132 passed, 0 failed" });
  });

  it("rejects bad options with a clear message", async () => {
    const result = await c360("seed", "--scale", "-1");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("option '--scale <s>' argument '-1' is invalid. expected a number greater than 0");
  });

  it("reports a rejected import as file:line: column: reason with exit code 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "c360-cli-"));
    writeFileSync(
      join(dir, "support_tickets.csv"),
      `ticket_id,customer_id,created_date,resolved_date,category,priority,status,channel,satisfaction_score\nTKT900,CUST001,2024-13-01 09:00:00,,billing,low,open,email,\nTKT901,CUST404,2024-01-01 09:00:00,,billing,low,open,email,\n`,
    );
    const result = await c360("import", dir);
    rmSync(dir, { recursive: true });
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 1,
      stderr:
        'import rejected, nothing was written:\n  support_tickets.csv:2: created_date: not a calendar date: "2024-13-01 09:00:00"\n',
    });
  });

  it("has --help for every command", async () => {
    for (const command of [["db", "migrate"], ["seed"], ["import"], ["check"]]) {
      const help = await c360(...command, "--help");
      expect(help.code, command.join(" ")).toBe(0);
      expect(help.stdout).toMatch(/^Usage: c360 /);
    }
  });
});
