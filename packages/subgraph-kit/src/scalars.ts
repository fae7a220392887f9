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

/**
 * Plain decimal notation within what the seed's DECIMAL columns hold: at most 12 digits before the
 * point (more than the widest, DECIMAL(12,2), holds) and 3 after (DECIMAL(8,3) is the finest). No exponent, sign `+`,
 * `NaN` or `Infinity`, which `numeric` would take but no client means by a money amount.
 */
const decimalInput = /^-?\d{1,12}(?:\.\d{1,3})?$/;

/** What Postgres prints for a numeric: the column's scale kept (`12.50`), so the string is exact as stored. */
const decimalOutput = /^-?\d+(?:\.\d+)?$/;

function parseDecimal(value: unknown): string {
  if (typeof value !== "string" || !decimalInput.test(value))
    throw badUserInput("Decimal", "expected a decimal string, at most 12 digits before the point and 3 after");
  return value;
}

/**
 * An exact decimal (money, weights, ratings) as a string, with its column's scale: `"149.99"`,
 * `"12.50"`. Only the database's own text is answered: a JS number has already lost the scale (and
 * maybe digits), so it is refused as a server error rather than printed as `"12.5"`. Inputs are
 * strings only (a JSON number may already be rounded), in literals and variables alike.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: "Decimal",
  serialize: (value) => {
    if (typeof value !== "string" || !decimalOutput.test(value))
      throw new TypeError(
        `Decimal cannot represent ${typeof value === "string" ? JSON.stringify(value) : typeof value}`,
      );
    return value;
  },
  parseValue: parseDecimal,
  parseLiteral: literal(parseDecimal),
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
