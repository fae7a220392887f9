import type { Database } from "@c360/db-client";

/**
 * The data's version as the gateway sees it: the id of the latest load (`meta.load_runs`), read every
 * `everyMs`. Answers kept under an older version are never served after a load is seen.
 */
export function watchLoads(db: Database, everyMs = 1_000): { version(): number; stop(): void } {
  let version = 0;
  const read = () =>
    db
      .query<{ v: number }>("SELECT coalesce(max(run_id), 0)::int AS v FROM meta.load_runs")
      .then(([row]) => {
        version = row?.v ?? version;
      })
      .catch(() => undefined);
  void read();
  const timer = setInterval(() => void read(), everyMs);
  timer.unref();
  return { version: () => version, stop: () => clearInterval(timer) };
}
