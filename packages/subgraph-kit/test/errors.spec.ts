import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { describeError, formatError, UnavailableError } from "../src/errors";

/** How a resolver's error reaches formatError: wrapped by graphql, with the thrown error as originalError. */
function format(thrown: Error) {
  const error = new GraphQLError(thrown.message, { path: ["customer"], originalError: thrown });
  return formatError(false)(
    { message: thrown.message, path: ["customer"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    error,
  );
}

const pgError = (message: string, code: string) => Object.assign(new Error(message), { code });
/** Drizzle's wrapper: the SQL and its parameters in the message, the driver's error as cause. */
const drizzle = (cause: Error) =>
  new Error(
    'Failed query: select "email" from "customer"."customers" where "customer_id" = $1\nparams: ana@example.com',
    {
      cause,
    },
  );

describe("formatError", () => {
  it.each([
    [
      "the server shutting down (57P01), through Drizzle's wrapper",
      drizzle(pgError("terminating connection", "57P01")),
    ],
    ["a lock not granted in time (55P03)", drizzle(pgError("canceling statement due to lock timeout", "55P03"))],
    [
      "a statement past statement_timeout (57014)",
      drizzle(pgError("canceling statement due to statement timeout", "57014")),
    ],
    ["a pool with no free connection", new Error("timeout exceeded when trying to connect")],
    [
      "a refused connection",
      drizzle(Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:5432"), { code: "ECONNREFUSED" })),
    ],
    ["a subgraph the gateway cannot reach", new UnavailableError("subgraph sales: circuit open")],
  ])("makes %s a retryable SERVICE_UNAVAILABLE", (_case, thrown) => {
    expect(format(thrown)).toEqual({
      message: "Temporarily unavailable; retry shortly",
      path: ["customer"],
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
  });

  it("masks any other failure as an internal error, and describes it for the log without the query's parameters", () => {
    const thrown = drizzle(pgError('syntax error at or near "frm"', "42601"));
    expect(format(thrown)).toEqual({
      message: "Internal server error",
      path: ["customer"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    const log = describeError(thrown);
    expect(log).toContain("Failed query: select");
    expect(log).toContain("syntax error at or near …");
    expect(log).not.toContain("ana@example.com");
    expect(log).not.toContain("params");
  });
});
