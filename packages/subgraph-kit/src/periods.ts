import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { badUserInput } from "./errors";

export type Grain = "DAY" | "WEEK" | "MONTH" | "QUARTER" | "YEAR" | "TOTAL";

const units: Record<Exclude<Grain, "DAY" | "TOTAL">, string> = {
  WEEK: "week",
  MONTH: "month",
  QUARTER: "quarter",
  YEAR: "year",
};

/**
 * The period of `grain` a row of `date` falls in: the expression of its first day (`YYYY-MM-DD`, ISO
 * weeks start on Monday), and what to GROUP BY for it. TOTAL is one period for the whole range: its
 * first day is `rangeStart` when the range has one, else the earliest date of the rows; nothing is
 * grouped by.
 */
export function period(
  date: PgColumn,
  grain: Grain,
  rangeStart?: string | null,
): { start: SQL<string>; groupBy: SQL[] } {
  if (grain === "TOTAL") {
    const start = rangeStart ? sql<string>`${rangeStart}::date::text` : sql<string>`min(${date})::date::text`;
    return { start, groupBy: [] };
  }
  // The unit is spliced as a literal (from the enum, never user text): a bound parameter would make
  // the SELECT and GROUP BY expressions differ, which Postgres rejects.
  const start =
    grain === "DAY"
      ? sql<string>`${date}::date::text`
      : sql<string>`date_trunc('${sql.raw(units[grain])}', ${date})::date::text`;
  return { start, groupBy: [start] };
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
