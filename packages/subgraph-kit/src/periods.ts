import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { badUserInput } from "./errors";

export type Grain = "DAY" | "WEEK" | "MONTH";

/** First day of the `grain` period holding `date` (ISO week starts Monday), as `YYYY-MM-DD`. */
export function periodStart(date: PgColumn, grain: Grain): SQL<string> {
  if (grain === "DAY") return sql<string>`${date}::date::text`;
  // The unit is spliced as a literal (from the enum, never user text): a bound parameter would make
  // the SELECT and GROUP BY expressions differ, which Postgres rejects.
  return sql<string>`date_trunc('${sql.raw(grain === "WEEK" ? "week" : "month")}', ${date})::date::text`;
}

/** Most rows a non-paginated list returns; asking for more is `BAD_USER_INPUT`, never a silent cut. */
export const MAX_LIST_ROWS = 5_000;

/** `rows` fetched with LIMIT MAX_LIST_ROWS + 1: fails when the limit was exceeded. */
export function boundedList<T>(rows: T[], argumentName: string): T[] {
  if (rows.length > MAX_LIST_ROWS) {
    throw badUserInput(
      argumentName,
      `matches more than ${MAX_LIST_ROWS} rows; narrow the filter or use a coarser grain`,
    );
  }
  return rows;
}
