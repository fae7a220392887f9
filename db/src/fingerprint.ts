import type { SqlSession } from "@c360/db-client";
import { tables } from "./catalog";

export interface TableFingerprint {
  rows: number;
  /** md5 over every row's text in primary-key order: equal iff the contents are equal. */
  checksum: string;
}

/** Row count and content checksum of every data table, keyed by `schema.table`. */
export async function fingerprint(session: SqlSession): Promise<Record<string, TableFingerprint>> {
  const selects = tables.map(
    (t) =>
      `SELECT '${t.qualified}' AS name, count(*)::int AS rows, coalesce(md5(string_agg(r::text, E'\\n' ORDER BY ${t.primaryKey
        .map((c) => `r."${c}"`)
        .join(", ")})), '') AS checksum FROM ${t.qualified} r`,
  );
  const rows = await session.query<{ name: string; rows: number; checksum: string }>(selects.join("\nUNION ALL\n"));
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, checksum: r.checksum }]));
}
