import type { SqlSession } from "@c360/db-client";
import { type QualityCheck, qualityChecks } from "./rules";

export interface CheckResult {
  name: string;
  domain: QualityCheck["domain"];
  /** Whether a failure rejects the load that finds it (see QualityCheck). */
  blocking: boolean;
  status: "pass" | "fail";
  violations: number;
  /** Up to five offending row keys. */
  sample: string[];
}

/** One failed check as a line: its name, how many rows, a few of their keys. */
export const formatFailure = (r: CheckResult) => `${r.name}: ${r.violations} rows, e.g. ${r.sample.join(", ")}`;

/** A load broke a blocking quality check; nothing of it was written. */
export class QualityCheckError extends Error {
  constructor(readonly failed: CheckResult[]) {
    super(
      `load rejected, nothing was written: blocking quality checks failed:\n${failed.map((r) => `  ${formatFailure(r)}`).join("\n")}`,
    );
    this.name = "QualityCheckError";
  }
}

/**
 * Runs every quality check, records the results in `meta.quality_checks` (with `runId`, the load
 * that ran them, when there is one) and returns them.
 */
export async function runQualityChecks(session: SqlSession, runId: number | null = null): Promise<CheckResult[]> {
  const checkedAt = new Date().toISOString();
  const results: CheckResult[] = [];
  for (const check of qualityChecks) {
    const [row] = await session.query<{ violations: number; sample: string[] }>(
      `WITH v AS (${check.violations})
       SELECT (SELECT count(*)::int FROM v) AS violations,
              (SELECT coalesce(array_agg(key ORDER BY key), '{}') FROM (SELECT key FROM v ORDER BY key LIMIT 5) s) AS sample`,
    );
    const violations = row?.violations ?? 0;
    results.push({
      name: check.name,
      domain: check.domain,
      blocking: check.blocking,
      status: violations ? "fail" : "pass",
      violations,
      sample: row?.sample ?? [],
    });
  }
  await session.query(
    `INSERT INTO meta.quality_checks (run_id, checked_at, name, domain, status, violations, sample)
     SELECT $1, $2, r.name, r.domain, r.status, r.violations, r.sample
     FROM jsonb_to_recordset($3::jsonb) AS r(name text, domain text, status text, violations int, sample jsonb)`,
    [runId, checkedAt, JSON.stringify(results)],
  );
  return results;
}

/**
 * The last step of a load, in its transaction: runs every check and stores the results with the
 * load's run. Throws QualityCheckError when a blocking check fails, so the load (these results with
 * it) rolls back; otherwise returns every result, warnings included, for the load to report.
 */
export async function checkLoad(session: SqlSession, runId: number): Promise<CheckResult[]> {
  const results = await runQualityChecks(session, runId);
  const blocked = results.filter((r) => r.blocking && r.status === "fail");
  if (blocked.length) throw new QualityCheckError(blocked);
  return results;
}
