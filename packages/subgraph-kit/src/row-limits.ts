import { type RoleName, rowLimitOf } from "@c360/auth";
import { fieldError } from "@c360/errors";
import type { GraphQLError } from "graphql";

/** The response extension naming, per limited list, the rows an answer's lists were asked for. */
export const ROWS_EXTENSION = "rowsListed";

/**
 * The refusal of a list past the viewer's row limit on `coordinate` for the whole request (`first`
 * names the argument to lower); `asked` is what the request's lists ask for together.
 */
export const rowLimitExceeded = (coordinate: string, what: string, limit: number, asked: number): GraphQLError =>
  fieldError(
    "BAD_USER_INPUT",
    `first: your role lists at most ${limit} ${what} per request, counted across all its lists (${coordinate}: ${asked} asked): ask for fewer, or look one up by id`,
    { argumentName: "first", coordinate, limit },
  );

/**
 * The rows one request's lists may answer, per coordinate the viewer's roles limit (`rowLimitOf`):
 * every list of the request counts (aliases, fragments), each taking its page size before its SQL
 * runs, so five aliased pages of 20 are 100 rows, not five times 20. The answer reports what it took
 * (`ROWS_EXTENSION`), and the gateway adds up the fetches of one request the same way.
 */
export class RowsListed {
  private readonly taken = new Map<string, number>();

  constructor(private readonly roles: readonly RoleName[]) {}

  /** Takes `rows` of `coordinate`'s limit (`what` names them for the client); past it, nothing is taken. */
  take(coordinate: string, rows: number, what: string): void {
    const limit = rowLimitOf(this.roles, coordinate);
    if (limit === null) return;
    const asked = (this.taken.get(coordinate) ?? 0) + rows;
    if (asked > limit) throw rowLimitExceeded(coordinate, what, limit, asked);
    this.taken.set(coordinate, asked);
  }

  /** What the answer reports: rows taken per limited coordinate, or undefined when none. */
  report(): Record<string, number> | undefined {
    return this.taken.size ? Object.fromEntries(this.taken) : undefined;
  }
}
