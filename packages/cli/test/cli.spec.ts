import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createTokenVerifier } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { qualityChecks } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createDatabaseEnv } from "../../../test/testkit/database";
import { throwawayRepository } from "../../../test/testkit/git";

/** The built CLI, as `pnpm c360` and a deployment run it (the test run builds first). */
const main = join(import.meta.dirname, "../dist/main.js");
let database: Awaited<ReturnType<typeof createDatabaseEnv>>;

/** Runs `entry ...args` with `env` as a user would; resolves with its exit code and output. */
async function run(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [entry, ...args], {
      env,
      // A bound, not the point: a cold PGlite migration takes seconds alone and minutes on a busy machine.
      timeout: 240_000,
      ...(cwd ? { cwd } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs `c360 ...args` against the test's database. */
const c360 = (...args: string[]) => run(main, args, database.env);

beforeAll(async () => {
  database = await createDatabaseEnv();
});
afterAll(() => database.dispose());

describe("the c360 CLI", { timeout: 300_000 }, () => {
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
    expect(seeded.stdout).toContain(`\nquality checks: ${qualityChecks.length} passed, 0 failed\n`);
    const checked = await c360("check");
    expect({ code: checked.code, stdout: checked.stdout.trim() }).toEqual({
      code: 0,
      stdout: `${qualityChecks.length} passed, 0 failed`,
    });
  });

  it("refreshes the curated products from the seeded data as a run of its own, its tables listed", async () => {
    const refreshed = await c360("refresh");
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout.match(/^insights\.\w+/gm)).toEqual([
      "insights.customer_preferences",
      "insights.market_transactions",
      "insights.product_transactions",
      "insights.product_pairs",
    ]);
    expect(refreshed.stdout).toMatch(/\nrefresh run \d+ committed to .* in \d+\.\d\d s\n$/);
  });

  it("writes a data product's contract as ODCS YAML, and refuses an unknown one listing the valid names", async () => {
    const written = await c360("contract", "logistics");
    expect(written.code).toBe(0);
    expect(parse(written.stdout)).toMatchObject({ apiVersion: "v3.0.2", kind: "DataContract", name: "logistics" });
    const refused = await c360("contract", "billing");
    expect({ code: refused.code, stderr: refused.stderr }).toEqual({
      code: 1,
      stderr: expect.stringMatching(/^unknown data product "billing": expected one of customer, sales, product, /),
    });
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
        "import rejected, nothing was written:\n  support_tickets.csv:2: created_date: not a calendar date: (value masked: personal data)\n",
    });
  });

  it("refuses an empty directory argument (an unset variable) without reading the current folder", async () => {
    const result = await c360("import", "");
    expect({ code: result.code, error: result.stderr.split("\n")[0] }).toEqual({
      code: 1,
      error: "error: command-argument value '' is invalid for argument 'dir'. empty: name the directory to import",
    });
  });

  it("seeds at most scale 100, and in production only when told that it replaces the data", async () => {
    const huge = await c360("seed", "--scale", "1e300");
    expect({ code: huge.code, error: huge.stderr.split("\n")[0] }).toEqual({
      code: 1,
      error: "error: option '--scale <s>' argument '1e300' is invalid. at most 100 (1 = 10,000 customers)",
    });
    const production = await run(main, ["seed", "--scale", "0.01"], {
      ...database.env,
      NODE_ENV: "production",
      C360_JWT_SECRET: "j".repeat(40),
      C360_SUBGRAPH_SECRET: "s".repeat(64),
    });
    expect({ code: production.code, stderr: production.stderr }).toEqual({
      code: 1,
      stderr:
        "seed replaces every table's data with generated rows; in production (NODE_ENV=production) say so with --replace-production-data\n",
    });
  });

  it("has --help for every command", async () => {
    for (const command of [
      ["db", "migrate"],
      ["seed"],
      ["import"],
      ["check"],
      ["refresh"],
      ["token"],
      ["access-matrix"],
      ["schema"],
      ["roles"],
      ["audit", "verify"],
      ["audit", "prune"],
    ]) {
      const help = await c360(...command, "--help");
      expect(help.code, command.join(" ")).toBe(0);
      expect(help.stdout).toMatch(/^Usage: c360 /);
    }
  });

  it("mints tokens whose subject tells roles apart: dev-<role> by default, --sub to choose", async () => {
    const subjectOf = (token: string) =>
      (JSON.parse(Buffer.from(token.split(".")[1] as string, "base64url").toString()) as { sub: string }).sub;
    expect(subjectOf((await c360("token", "auditor")).stdout.trim())).toBe("dev-auditor");
    expect(subjectOf((await c360("token", "cx_lead")).stdout.trim())).toBe("dev-cx_lead");
    expect(subjectOf((await c360("token", "cx_lead", "--sub", "ana")).stdout.trim())).toBe("ana");
  });

  it("mints a development token the verifier accepts, with role, markets and lifetime", async () => {
    const result = await c360("token", "marketing_analyst", "--markets", "de,US", "--ttl", "15m");
    expect(result.code).toBe(0);
    const verify = await createTokenVerifier(loadConfig().identity);
    const viewer = await verify(`Bearer ${result.stdout.trim()}`);
    expect({ roles: viewer.roles, markets: viewer.markets }).toEqual({
      roles: ["marketing_analyst"],
      markets: ["DE", "US"],
    });
    const [, payload] = result.stdout.trim().split(".");
    const claims = JSON.parse(Buffer.from(payload as string, "base64url").toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(900);
    expect((await c360("token", "root")).stderr).toContain("unknown role (one of c360_admin");
    expect((await c360("token", "auditor", "--markets", "XX")).code).toBe(1);
  });

  it("mints no token the processes would refuse: past the lifetime cap, or with an empty subject", async () => {
    expect(await c360("token", "auditor", "--ttl", "7d")).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "a token lives 1 to 86400 s (C360_JWT_MAX_TTL): every process refuses one that lives longer\n",
    });
    const empty = await c360("token", "auditor", "--sub", "");
    expect({ code: empty.code, stdout: empty.stdout, stderr: empty.stderr }).toMatchObject({
      code: 1,
      stdout: "",
      stderr: expect.stringContaining("sub claim"),
    });
  });

  it("prints the access matrix offline as CSV and Markdown", async () => {
    const csv = (await c360("access-matrix", "--format", "csv")).stdout.split("\n");
    expect(csv[0]).toBe(
      "coordinate,c360_admin,customer_care,marketing_analyst,sales_analyst,merchandiser,logistics_ops,cx_discover_analyst,cx_purchase_analyst,cx_fulfillment_analyst,cx_lead,cx_funnel_analyst,auditor",
    );
    expect(csv).toContain("Customer.email,yes,yes,,,,,,,,,,");
    expect(csv).toContain("Product.cost,yes,,,,yes,,,,,,,");
    const md = (await c360("access-matrix")).stdout.split("\n");
    expect(md).toContain("| Customer.customerSegment | yes | yes | yes | yes |  |  |  |  |  |  |  |  |");
  });

  it("prints who gained or lost each field between two versions of the policy (--diff <git-ref>)", async () => {
    const {
      dir: repo,
      git,
      commit,
      dispose,
    } = throwawayRepository(["packages/auth/src", "packages/supergraph/supergraph.graphql"]);
    const policyFile = join(repo, "packages/auth/src/policy.ts");
    try {
      commit("v1");
      // The working tree: customer care loses personal data, the marketing analyst gains support tickets.
      const policy = readFileSync(policyFile, "utf8");
      const changed = policy
        .replace('    "customer:read",\n    "customer:readPii",\n', '    "customer:read",\n')
        .replace('    "customer:readSessions",\n', '    "customer:readSessions",\n    "customer:readTickets",\n');
      expect(changed).not.toBe(policy);
      writeFileSync(policyFile, changed);
      const diff = await run(main, ["access-matrix", "--diff", "v1"], database.env, repo);
      expect(diff.stderr).toBe("");
      const lines = diff.stdout.split("\n");
      expect(lines[0]).toMatch(/^Access policy [0-9a-f]{16} \(v1 \([0-9a-f]{12}\)\) -> [0-9a-f]{16} \(working tree\)$/);
      expect(lines).toContain("| `customer_care` |  | `customer:readPii` |");
      expect(lines).toContain("| `marketing_analyst` | `customer:readTickets` |  |");
      expect(lines).toContain("| Customer.email |  |  | `customer_care` |");
      expect(lines).toContain("| SupportTicket.status |  | `marketing_analyst` |  |");
      expect(lines.filter((l) => l.startsWith("| Customer.") && l.includes("customer_care"))).toHaveLength(6);
      git("commit", "-qam", "v2");
      expect((await run(main, ["access-matrix", "--diff", "v1", "--to", "HEAD"], database.env, repo)).stdout).toBe(
        diff.stdout.replace("(working tree)", `(HEAD (${git("rev-parse", "HEAD").slice(0, 12)}))`),
      );
      const same = await run(main, ["access-matrix", "--diff", "HEAD"], database.env, repo);
      expect(same.stdout).toMatch(/\n\nNo change in who may read what\.\n$/);
      for (const [ref, message] of [
        ["nosuchref", 'unknown git ref "nosuchref"'],
        ["--output=/tmp/x", '"--output=/tmp/x" is not a git ref'],
        ["v1\u0007", "is not a git ref"],
      ] as const) {
        const refused = await run(main, ["access-matrix", `--diff=${ref}`], database.env, repo);
        expect({ code: refused.code, stdout: refused.stdout }).toEqual({ code: 1, stdout: "" });
        expect(refused.stderr).toContain(message);
      }
    } finally {
      dispose();
    }
  });

  it("prints the roles table, which the README shows verbatim", async () => {
    const table = (await c360("roles")).stdout.trim();
    expect(table.split("\n")).toHaveLength(2 + 12);
    expect(table).toContain("| `auditor` | `graph:paginate`, `meta:read`, `audit:read` |");
    const readme = readFileSync(join(import.meta.dirname, "../../../README.md"), "utf8");
    const shown = /<!-- roles:start -->\n([\s\S]*?)\n<!-- roles:end -->/.exec(readme)?.[1];
    expect(shown, "README's roles table: paste `pnpm -s c360 roles`").toBe(table);
  });

  it("prints the SDL a role may read", async () => {
    const marketing = (await c360("schema", "--role", "marketing_analyst")).stdout;
    const customerType = marketing.slice(
      marketing.indexOf("type Customer {"),
      marketing.indexOf("}", marketing.indexOf("type Customer {")),
    );
    expect(customerType).toContain("customerSegment: String");
    expect(customerType).not.toContain("firstName");
    expect(customerType).not.toContain("email");
    expect(customerType).not.toContain("supportTickets");
    const cx = (await c360("schema", "--role", "cx_lead")).stdout;
    expect(cx).toContain("type FulfillmentKpi {");
    expect(cx).not.toContain("type Customer ");
    expect(cx).not.toContain("@join__");
  });

  it("verifies and prunes the access trail's chains (test/auth/chain.spec.ts tampers with one)", async () => {
    const verified = await c360("audit", "verify");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^\d+ events in \d+ chains checked, 0 broken/);
    const pruned = await c360("audit", "prune", "--before", "2000-01-01");
    expect({ code: pruned.code, stdout: pruned.stdout }).toEqual({
      code: 0,
      stdout: "pruned 0 events before 2000-01-01T00:00:00.000Z from 0 chains\n",
    });
    for (const before of ["yesterday", "2026-02-31", "2026-13-01"]) {
      const bad = await c360("audit", "prune", "--before", before);
      expect({ before, code: bad.code, refused: bad.stderr.includes("expected an ISO date that exists") }).toEqual({
        before,
        code: 1,
        refused: true,
      });
    }
    const future = await c360("audit", "prune", "--before", "2999-01-01");
    expect({ code: future.code, stderr: future.stderr }).toEqual({
      code: 1,
      stderr: "--before is in the future: every event would go; name a day in the past\n",
    });
    // Without a zone, an instant is UTC whatever the machine's zone.
    const naive = await run(main, ["audit", "prune", "--before", "2000-01-01T06:00:00"], {
      ...database.env,
      TZ: "Pacific/Auckland",
    });
    expect(naive.stdout).toBe("pruned 0 events before 2000-01-01T06:00:00.000Z from 0 chains\n");
  });

  it("names the cause and the fix of a closed database port in one line, for every command; the stack only with --verbose", async () => {
    const closed = { ...database.env, DATABASE_URL: "postgres://postgres@127.0.0.1:1/c360" };
    const line = "cannot connect to 127.0.0.1:1: connection refused — is Postgres running? check DATABASE_URL\n";
    for (const command of [
      ["db", "migrate"],
      ["seed", "--scale", "0.01"],
      ["check"],
      ["import", mkdtempSync(join(tmpdir(), "c360-empty-"))],
    ]) {
      const result = await run(main, command, closed);
      expect({ code: result.code, stderr: result.stderr }, command.join(" ")).toEqual({ code: 1, stderr: line });
    }
    const verbose = await run(main, ["--verbose", "db", "migrate"], closed);
    expect(verbose.stderr.startsWith(line)).toBe(true);
    expect(verbose.stderr).toMatch(/\n {4}at /);
    expect(verbose.stderr).toContain("cause: ");
  });

  it.runIf(process.env.DATABASE_URL)("names a missing database and a refused login, with their fixes", async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = "/c360_no_such_database";
    const missing = await run(main, ["db", "migrate"], { ...database.env, DATABASE_URL: url.toString() });
    expect({ code: missing.code, stderr: missing.stderr }).toEqual({
      code: 1,
      stderr:
        'database "c360_no_such_database" does not exist — create it (createdb <name>) or fix the database name in DATABASE_URL\n',
    });
    url.pathname = "/postgres";
    url.username = "c360_no_such_user";
    const login = await run(main, ["check"], { ...database.env, DATABASE_URL: url.toString() });
    expect({ code: login.code, stderr: login.stderr }).toEqual({
      code: 1,
      stderr: 'role "c360_no_such_user" does not exist — check the user and password in DATABASE_URL\n',
    });
  });

  it("a process whose port is taken names the setting that moves it, and exits 1", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      for (const [entry, setting] of [
        ["subgraphs/customer/dist/index.js", "C360_CUSTOMER_PORT"],
        ["subgraphs/cx-kpi/dist/index.js", "C360_CX_KPI_PORT"],
        ["gateway/dist/main.js", "C360_GATEWAY_PORT"],
      ] as const) {
        const result = await run(join(import.meta.dirname, "../../..", entry), [], {
          ...database.env,
          C360_LOG_LEVEL: "info",
          [setting]: String(port),
        });
        expect(result.code, entry).toBe(1);
        const lines = result.stdout
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as { level: string; msg: string });
        expect(lines.at(-1)).toMatchObject({
          level: "fatal",
          msg: `127.0.0.1:${port} is already in use — set ${setting} to a free port (0 picks any)`,
        });
      }
    } finally {
      busy.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)("leaves nothing partial when an import is killed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "c360-kill-"));
    const rows = Array.from(
      { length: 40_000 },
      (_, i) =>
        `KILL${i},Kill,Row,k${i}@example.test,,1990-01-01,F,2024-01-01 00:00:00,Basic,online,1 St,Rome,LZ,00100,Italy`,
    );
    writeFileSync(
      join(dir, "customers.csv"),
      `customer_id,first_name,last_name,email,phone,date_of_birth,gender,registration_date,customer_segment,preferred_channel,address_line1,city,state,zip_code,country\n${rows.join("\n")}\n`,
    );
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [main, "import", dir], {
      env: database.env,
      stdio: "ignore",
    });
    // Listened for from the start: an import that finishes before the kill has already exited.
    const exited = new Promise((r) => child.once("exit", r));
    await new Promise((r) => setTimeout(r, 2_500));
    child.kill("SIGKILL");
    await exited;
    rmSync(dir, { recursive: true });
    const { openDatabase } = await import("@c360/db-client");
    const db = await openDatabase({ url: database.env.DATABASE_URL as string });
    const [{ n }] = (await db.query(
      "SELECT count(*)::int AS n FROM customer.customers WHERE customer_id LIKE 'KILL%'",
    )) as [{ n: number }];
    await db.close();
    // Killed before the commit: nothing; after it: everything. Never a part.
    expect([0, 40_000]).toContain(n);
  });
});
