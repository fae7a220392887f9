import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { badUserInput } from "./errors";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isoDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badUserInput("Date", "expected a calendar date as YYYY-MM-DD");
  }
  return value;
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
  parseValue: (value) => {
    const date = new Date(String(value));
    if (typeof value !== "string" || Number.isNaN(date.getTime()))
      throw badUserInput("DateTime", "expected an ISO 8601 instant");
    return date;
  },
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

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar, Decimal: DecimalScalar };
