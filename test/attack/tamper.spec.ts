import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import type { ProcessStack } from "../testkit/processes";
import { type Endpoints, startProcessTestStack, type TestStack } from "../testkit/stack";

/**
 * Someone who can write the trail's tables, after the gateway that wrote a chain has stopped (as a
 * restart leaves it): a production gateway's chain, its tail cut or the chain deleted whole, and
 * `c360 audit verify` as an operator runs it, with the trail's key and the checkpoints' directory.
 * Six production-mode processes need Postgres; on PGlite test/auth/chain.spec.ts holds the same cases.
 */
const main = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));

describe.skipIf(!process.env.DATABASE_URL)("a production gateway's trail, tampered with after it stopped", () => {
  let t: TestStack<Endpoints>;
  let processes: ProcessStack;
  let chain: string;
  let ids: number[];

  /** `c360 audit verify` against the stack's database, as an operator with the trail's key runs it. */
  async function verify(): Promise<{ code: number; stdout: string }> {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [main, "audit", "verify"], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: t.url,
          C360_JWT_SECRET: "x".repeat(32),
          C360_SUBGRAPH_SECRET: processes.subgraphSecret,
          C360_TRAIL_KEY: processes.trail.key,
          C360_TRAIL_CHECKPOINTS: processes.trail.checkpoints,
        },
        timeout: 60_000,
      });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string };
      return { code: e.code, stdout: e.stdout };
    }
  }

  /** Removes the events `where` selects while `check` runs, then puts them back. */
  async function without(where: string, check: () => Promise<void>) {
    await t.db.query(`CREATE TABLE audit.kept AS SELECT * FROM audit.access_events WHERE ${where}`);
    await t.db.query(`DELETE FROM audit.access_events WHERE ${where}`);
    try {
      await check();
    } finally {
      await t.db.query("INSERT INTO audit.access_events SELECT * FROM audit.kept");
      await t.db.query("DROP TABLE audit.kept");
    }
  }

  beforeAll(async () => {
    t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 2 }));
    processes = t.stack.processes as ProcessStack;
    const token = await tokenFor("marketing_analyst", { subject: "tamper-subject" });
    for (let i = 0; i < 6; i++)
      await fetch(t.stack.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `query Tamper${i} { __typename }` }),
      });
    processes.gateway.child.kill("SIGTERM");
    expect(await processes.gateway.exited).toBe(0);
    const rows = await t.db.query<{ id: string; chain: string }>(
      "SELECT event_id::text AS id, chain FROM audit.access_events WHERE subject = 'tamper-subject' ORDER BY event_id",
    );
    chain = rows[0]?.chain as string;
    ids = rows.map((r) => Number(r.id));
  }, 180_000);
  afterAll(() => t?.dispose());

  it("verifies as the gateway left it, its chain held to its closing checkpoint", async () => {
    expect(ids).toHaveLength(6);
    const verified = await verify();
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/, 0 broken; [1-9]\d* chains held to signed checkpoints;/);
  });

  it("exits 1 for a tail cut after the gateway stopped, naming the chain", async () => {
    await without(`event_id IN (${ids.slice(3).join(",")})`, async () => {
      const verified = await verify();
      expect(verified.code).toBe(1);
      expect(verified.stdout).toContain(`BROKEN chain ${chain} at event ${ids[2]}: its writer signed for`);
      expect(verified.stdout).toContain("its tail was cut");
    });
    expect((await verify()).code).toBe(0);
  });

  it("exits 1 for the chain deleted whole", async () => {
    await without(`chain = '${chain}'`, async () => {
      const verified = await verify();
      expect(verified.code).toBe(1);
      expect(verified.stdout).toContain(`BROKEN chain ${chain}: `);
      expect(verified.stdout).toContain("removed");
    });
  });

  it("exits 1 for an edit with the chain recomputed by the published plain hash", async () => {
    await t.db.query("UPDATE audit.access_events SET subject = 'someone-else', key_id = '' WHERE event_id = $1", [
      ids[1],
    ]);
    const verified = await verify();
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(`BROKEN chain ${chain} at event ${ids[1]}: it is unkeyed in a keyed chain`);
  });
});
