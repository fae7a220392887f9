import { GraphQLError, Kind } from "graphql";
import { describe, expect, it } from "vitest";
import { BigIntScalar, DateScalar, DateTimeScalar, DecimalScalar } from "../src/scalars";

describe("the Decimal scalar", () => {
  it("answers the database's text as it is, the column's scale kept; a number (scale already lost) is a server error", () => {
    for (const text of ["12.50", "0.00", "-3.125", "149.99", "123456789012345.00"])
      expect(DecimalScalar.serialize(text)).toBe(text);
    for (const bad of [12.5, 0, "1e3", "NaN", "Infinity", "", " 1.00", "constructor", null, {}])
      expect(() => DecimalScalar.serialize(bad), String(bad)).toThrow(TypeError);
  });

  it("parses plain decimal strings, in variables and literals; anything else is BAD_USER_INPUT", () => {
    for (const text of ["0", "12.5", "-0.125", "999999999999.999"]) {
      expect(DecimalScalar.parseValue(text)).toBe(text);
      expect(DecimalScalar.parseLiteral({ kind: Kind.STRING, value: text })).toBe(text);
    }
    const hostile: unknown[] = ["", "NaN", "Infinity", "-Infinity", "1e5", "1E-2", "+1", ".5", "5.", "1,5", " 1", "1 "];
    hostile.push("1".repeat(13), "0.1234", "__proto__", "constructor", "toString", 12.5, 1, true, null, {}, ["1"]);
    for (const bad of hostile) {
      let error: unknown;
      try {
        DecimalScalar.parseValue(bad);
      } catch (e) {
        error = e;
      }
      expect((error as GraphQLError | undefined)?.extensions?.code, JSON.stringify(bad)).toBe("BAD_USER_INPUT");
    }
    for (const literal of [
      { kind: Kind.FLOAT, value: "12.5" },
      { kind: Kind.INT, value: "12" },
      { kind: Kind.STRING, value: "1e5" },
    ] as const)
      expect(() => DecimalScalar.parseLiteral(literal), literal.value).toThrow(/Decimal: expected a decimal string/);
  });
});

describe("the BigInt scalar", () => {
  it("serialises exactly: a JSON number while safe, a string of digits beyond 2^53 - 1", () => {
    expect(BigIntScalar.serialize(2 ** 31)).toBe(2147483648);
    expect(BigIntScalar.serialize("2147483648")).toBe(2147483648);
    expect(BigIntScalar.serialize("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
    expect(BigIntScalar.serialize("9007199254740992")).toBe("9007199254740992");
    expect(BigIntScalar.serialize("-9007199254740993")).toBe("-9007199254740993");
    expect(BigIntScalar.serialize(2n ** 63n - 1n)).toBe("9223372036854775807");
  });

  it("refuses to serialise what is not a 64-bit whole number", () => {
    for (const bad of [1.5, "12.0", "2e3", "9223372036854775808", Number.NaN, null, "constructor"])
      expect(() => BigIntScalar.serialize(bad), String(bad)).toThrow(TypeError);
  });

  it("parses numbers and digit strings at the 64-bit boundary; anything else is BAD_USER_INPUT", () => {
    expect(BigIntScalar.parseValue("-9223372036854775808")).toBe(-(2n ** 63n));
    expect(BigIntScalar.parseValue(42)).toBe(42n);
    expect(BigIntScalar.parseLiteral({ kind: Kind.INT, value: "9223372036854775807" })).toBe(2n ** 63n - 1n);
    for (const bad of ["9223372036854775808", "1e3", " 1", "", "__proto__", 1.5, 2 ** 60, true, {}, []]) {
      let error: unknown;
      try {
        BigIntScalar.parseValue(bad);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(String(bad))).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("the Date scalar", () => {
  it("takes days that exist, leap days included; anything else is BAD_USER_INPUT, never a date Postgres refuses", () => {
    for (const day of ["2024-02-29", "2023-12-31", "0001-01-01", "9999-12-31"]) {
      expect(DateScalar.parseValue(day)).toBe(day);
      expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: day })).toBe(day);
    }
    for (const bad of [
      "2023-02-29",
      "2024-02-30",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "0000-01-01",
      "2024-1-1",
    ]) {
      expect(() => DateScalar.parseValue(bad), bad).toThrow(/calendar date that exists/);
      expect(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: bad }), bad).toThrow(GraphQLError);
    }
    for (const bad of ["", "constructor", "2024-02-01\u0000", 20240201, null, {}, []])
      expect(() => DateScalar.parseValue(bad), JSON.stringify(bad)).toThrow(GraphQLError);
  });
});

describe("the DateTime scalar", () => {
  it("takes ISO 8601 instants with a zone, and days as midnight UTC; anything else is BAD_USER_INPUT", () => {
    const instant = (text: string) => (DateTimeScalar.parseValue(text) as Date).toISOString();
    expect(instant("2024-01-15T09:30:00Z")).toBe("2024-01-15T09:30:00.000Z");
    expect(instant("2024-01-15T09:30:00.123456+02:00")).toBe("2024-01-15T07:30:00.123Z");
    expect(instant("2024-01-15T09:30Z")).toBe("2024-01-15T09:30:00.000Z");
    expect(instant("2024-02-29")).toBe("2024-02-29T00:00:00.000Z");
    for (const bad of [
      "2024-02-30T00:00:00Z",
      "0000-01-01T00:00:00Z",
      "0001-01-01T00:30:00+01:00",
      "2024-01-15T25:00:00Z",
      "2024-01-15T09:30:00",
      "1",
      "Mon, 15 Jan 2024 09:30:00 GMT",
      "",
      "constructor",
      1705311000000,
      null,
      {},
    ])
      expect(() => DateTimeScalar.parseValue(bad), JSON.stringify(bad)).toThrow(GraphQLError);
  });
});
