import {
  forbidden,
  mayRead,
  personalCoordinates,
  personsCountRefused,
  personsLimitReached,
  type Viewer,
} from "@c360/auth";
import type { KeysetPage } from "./connection";
import { badUserInput } from "./errors";
import type { PersonsSeen } from "./personal-data";

/**
 * The arguments a list was given, as names: each filter field with a value, and `orderBy.<FIELD>`.
 */
export function argumentsUsed(
  filter: Readonly<Record<string, unknown>> | null | undefined,
  orderBy?: { field: string } | null,
): string[] {
  return [
    ...Object.entries(filter ?? {}).flatMap(([name, value]) => (value == null ? [] : [name])),
    ...(orderBy ? [`orderBy.${orderBy.field}`] : []),
  ];
}

/**
 * Filtering or ordering by a value asks the same question as reading it: a caller who may not read
 * a field may not filter or order by it either (a role without PII cannot probe emails through a
 * filter). `revealed` maps each argument (`email`, `orderBy.LAST_NAME`) to the coordinates it
 * reveals; the first one the viewer may not read is refused as FORBIDDEN, naming it.
 */
export function refuseUnreadable(
  viewer: Viewer,
  revealed: Readonly<Record<string, readonly string[]>>,
  used: readonly string[],
): void {
  for (const name of used)
    for (const coordinate of Object.hasOwn(revealed, name) ? (revealed[name] ?? []) : [])
      if (!mayRead(viewer.entitlements, coordinate)) throw forbidden(coordinate);
}

/**
 * Searching or ordering by personal data reads it: each row the list answers is the personal data of
 * its person (`keyOf`), noted like a personal field answered, so the viewer's persons limit holds
 * (past it the list is FORBIDDEN: narrow the search) and the access trail finds the search under each
 * person. `totalCount` (when the page counts) would count persons without naming them: refused to a
 * viewer with a limit.
 */
export function notePersonsFound<R>(
  persons: PersonsSeen,
  revealed: Readonly<Record<string, readonly string[]>>,
  used: readonly string[],
  rows: readonly R[],
  page: KeysetPage,
  keyOf: (row: R) => unknown,
): void {
  const personal = used
    .flatMap((name) => (Object.hasOwn(revealed, name) ? (revealed[name] ?? []) : []))
    .find((coordinate) => personalCoordinates.includes(coordinate));
  if (!personal) return;
  if (page.counted && persons.limit !== null) throw personsCountRefused(personal);
  // The rows the page answers, and the one read past it when `hasNextPage` tells of it: that person
  // matched the search too (with `first: 0`, it is the only one the answer tells of).
  for (const row of rows.slice(0, page.peeks ? page.limit + 1 : page.limit))
    if (!persons.note(keyOf(row))) throw personsLimitReached(personal, persons.limit ?? 0);
}

/** The name of an order, as cursors carry it (`DATE:DESC`); undefined for the list's key order. */
export const orderName = (orderBy: { field: string; direction?: string | null } | null | undefined) =>
  orderBy ? `${orderBy.field}:${orderBy.direction ?? "ASC"}` : undefined;

/**
 * A filter's range in order: `to` before `from` is a client's mistake, answered BAD_USER_INPUT naming
 * the bound, not an empty answer. Days compare as their ISO text, instants as dates.
 */
export function rangeInOrder(filter: object | null | undefined, from = "from", to = "to"): void {
  const bounds = filter as Readonly<Record<string, unknown>> | null | undefined;
  const [start, end] = [bounds?.[from], bounds?.[to]];
  if (start != null && end != null && (start as string | Date) > (end as string | Date))
    throw badUserInput(`filter.${to}`, `must not be before filter.${from}`);
}

/** A decimal argument (money) as SQL can compare it: at most 12 digits before the point and 2 after. */
export function decimalArgument(name: string, value: string): string {
  if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(value)) throw badUserInput(name, "expected a decimal with at most 2 places");
  return value;
}
