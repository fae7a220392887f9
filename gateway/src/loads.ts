import type { Database } from "@c360/db-client";

/**
 * The data's version as the gateway sees it, read every `everyMs`: it moves on whenever the loads
 * committed (`meta.load_runs`) change. Not the latest run's id: loads are not serialised, so one that
 * took its id first can commit last, after a later id was already seen, and the latest id would not
 * move. The count and the latest id together change with every commit (and when runs are pruned).
 * One read at a time, so a slow read never sets the version back. Answers kept under an older
 * version are never served after a load is seen.
 */
export interface LoadWatcher {
  version(): number;
  stop(): void;
  /** The statements it sent: the gateway's own, like the trail's writes, not any request's. */
  readonly stats: { statements: number };
}

export function watchLoads(db: Database, everyMs = 1_000): LoadWatcher {
  const stats = { statements: 0 };
  let version = 0;
  let seen = "";
  let reading = false;
  const read = async () => {
    if (reading) return;
    reading = true;
    stats.statements++;
    try {
      const [row] = await db.query<{ runs: number; latest: number }>(
        "SELECT count(*)::int AS runs, coalesce(max(run_id), 0)::int AS latest FROM meta.load_runs",
      );
      const loads = `${row?.runs}:${row?.latest}`;
      if (loads !== seen) {
        seen = loads;
        version++;
      }
    } catch {
      // The database is unreachable: the version stays until it answers again.
    } finally {
      reading = false;
    }
  };
  void read();
  const timer = setInterval(() => void read(), everyMs);
  timer.unref();
  return { version: () => version, stop: () => clearInterval(timer), stats };
}
