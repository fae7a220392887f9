import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { badUserInput } from "./errors";

export type Grain = "DAY" | "WEEK" | "MONTH" | "QUARTER" | "YEAR" | "TOTAL";

/** Whose calendar a grouping by day, week or month reads: UTC, or each row's market's (shared.graphql). */
export type TimeZoneBasis = "UTC" | "MARKET";

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

/** Where a rollup row's period ends and how much of it its range covers (ARCHITECTURE.md §3). */
export interface PeriodSpan {
  /** The period's last day. */
  periodEnd: string;
  /** Days of the period inside the range. */
  days: number;
  /** Whether the whole period lies inside the range. */
  complete: boolean;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const monthsIn = { MONTH: 1, QUARTER: 3, YEAR: 12 } as const;

/** The last day of the period of `grain` that starts on `start`; TOTAL ends where its range does. */
function lastDay(start: string, grain: Grain, rangeEnd: string): string {
  if (grain === "DAY") return start;
  if (grain === "TOTAL") return rangeEnd;
  const d = new Date(`${start}T00:00:00Z`);
  if (grain === "WEEK") return dateOf(d.getTime() + 6 * DAY_MS);
  // Day 0 of a month is the last day of the month before it.
  return dateOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthsIn[grain], 0));
}

/**
 * The span of a rollup row's period (its first day `start`, of `grain`) against the range it was
 * filtered to, both ends included: a WEEK starting before `from` is incomplete and covers fewer days.
 */
export function periodSpan(start: string, grain: Grain, range: { from: string; to: string }): PeriodSpan {
  const periodEnd = lastDay(start, grain, range.to);
  const first = Math.max(dayNumber(start), dayNumber(range.from));
  const last = Math.min(dayNumber(periodEnd), dayNumber(range.to));
  return {
    periodEnd,
    days: Math.max(0, last - first + 1),
    complete: start >= range.from && periodEnd <= range.to,
  };
}
