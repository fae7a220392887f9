import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { badUserInput } from "./errors";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day that exists, as YYYY-MM-DD: JavaScript rolls 2024-02-30 over to March 1st (and Postgres
 * refuses it), so the parsed day must print back as given; year 0 exists in neither calendar.
 */
function dayExists(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text && !text.startsWith("0000");
}

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isoDate.test(value) || !dayExists(value))
    throw badUserInput("Date", "expected a calendar date that exists, as YYYY-MM-DD");
  return value;
}

/** A day (midnight UTC), or a day with a time and a zone. */
const isoInstant = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function parseDateTime(value: unknown): Date {
  const text = typeof value === "string" ? value : "";
  const day = isoInstant.exec(text)?.[1];
  // A day alone is read as midnight UTC (ECMAScript's rule for date-only ISO forms).
  const instant = day && dayExists(day) ? new Date(text) : null;
  const year = instant?.getUTCFullYear() ?? Number.NaN;
  if (!instant || !(year >= 1 && year <= 9999))
    throw badUserInput("DateTime", "expected an ISO 8601 instant (2024-01-15T09:30:00Z) or a day (2024-01-15)");
  return instant;
}

const literal = (parse: (value: unknown) => string) => (ast: ValueNode) =>
  parse(ast.kind === Kind.STRING ? ast.value : undefined);

/** `YYYY-MM-DD`, a calendar date without time zone. */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: literal(parseDate),
});

/** An instant as ISO 8601 in UTC (`2024-01-15T09:30:00.000Z`). */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTime,
});

/** An exact decimal (money, weights), as a string so no precision is lost: `"149.99"`. */
export const DecimalScalar = new GraphQLScalarType({
  name: "Decimal",
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== "string" || !/^-?\d+(\.\d+)?$/.test(value))
      throw badUserInput("Decimal", "expected a decimal string");
    return value;
  },
});

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A whole number within 64 bits, from a JS number, a bigint or a string of digits; anything else is refused. */
function toInt64(value: unknown): bigint | undefined {
  let n: bigint;
  if (typeof value === "bigint") n = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === "string" && /^-?\d{1,19}$/.test(value)) n = BigInt(value);
  else return undefined;
  return n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
}

const parseInt64 = (value: unknown): bigint => {
  const n = toInt64(value);
  if (n === undefined)
    throw badUserInput("BigInt", "expected a whole number within 64 bits (a number or a string of digits)");
  return n;
};

/**
 * A 64-bit whole number, exact: serialised as a JSON number while it is a safe integer (|n| < 2^53),
 * as a string of digits beyond (a JSON number there would be rounded by every JavaScript client).
 * Inputs: a number, or a string of digits; the resolver gets a bigint.
 */
export const BigIntScalar = new GraphQLScalarType({
  name: "BigInt",
  serialize: (value) => {
    const n = toInt64(value);
    if (n === undefined) throw new TypeError(`BigInt cannot represent ${String(value)}`);
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
  },
  parseValue: parseInt64,
  parseLiteral: (ast) => parseInt64(ast.kind === Kind.INT || ast.kind === Kind.STRING ? ast.value : undefined),
});

export const scalarResolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  BigInt: BigIntScalar,
};
