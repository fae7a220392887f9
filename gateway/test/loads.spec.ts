import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/testkit/database";
import { watchLoads } from "../src/loads";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const run = (id: number) =>
  t.db.query(
    `INSERT INTO meta.load_runs (run_id, kind, source, started_at, finished_at, warnings)
     VALUES ($1, 'import', 'test', now(), now(), '[]')`,
    [id],
  );

/** The version once it differs from `from` (the watcher reads every 10 ms). */
async function movedFrom(loads: ReturnType<typeof watchLoads>, from: number): Promise<number> {
  const deadline = Date.now() + 5_000;
  while (loads.version() === from && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return loads.version();
}

describe("the data version the gateway's caches are keyed by", () => {
  it("moves on with every committed load, also one whose id is older than the latest seen", async () => {
    const loads = watchLoads(t.db, 10);
    try {
      const empty = await movedFrom(loads, 0);
      await run(1_000);
      const later = await movedFrom(loads, empty);
      expect(later).toBeGreaterThan(empty);
      // A load that took its id before the one seen and committed after it (loads run concurrently).
      await run(900);
      const older = await movedFrom(loads, later);
      expect(older).toBeGreaterThan(later);
      await new Promise((r) => setTimeout(r, 50));
      expect(loads.version()).toBe(older);
    } finally {
      loads.stop();
    }
  });

  it("counts its reads, so that tests counting a request's statements can leave them out", async () => {
    const before = t.db.statements;
    const loads = watchLoads(t.db, 10);
    await movedFrom(loads, 0);
    await new Promise((r) => setTimeout(r, 100));
    loads.stop();
    // A read started before the stop may still be under way; the database counts it once it is sent.
    await new Promise((r) => setTimeout(r, 50));
    expect(loads.stats.statements).toBeGreaterThan(1);
    expect(t.db.statements - before).toBe(loads.stats.statements);
  });
});
