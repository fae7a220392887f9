import type { SqlSession } from "@c360/db-client";
import { type QualityCheck, qualityChecks } from "./rules";

export interface CheckResult {
  name: string;
  domain: QualityCheck["domain"];
  status: "pass" | "fail";
  violations: number;
  /** Up to five offending row keys. */
  sample: string[];
}

/** Runs every quality check, records the results in `meta.quality_checks` and returns them. */
export async function runQualityChecks(session: SqlSession): Promise<CheckResult[]> {
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
      status: violations ? "fail" : "pass",
      violations,
      sample: row?.sample ?? [],
    });
  }
  await session.query(
    `INSERT INTO meta.quality_checks (checked_at, name, domain, status, violations, sample)
     SELECT $1, r.name, r.domain, r.status, r.violations, r.sample
     FROM jsonb_to_recordset($2::jsonb) AS r(name text, domain text, status text, violations int, sample jsonb)`,
    [checkedAt, JSON.stringify(results)],
  );
  return results;
}
