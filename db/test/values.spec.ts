import { describe, expect, it } from "vitest";
import type { ColumnSpec } from "../src/catalog";
import { parseCell } from "../src/import/values";

const column = (kind: ColumnSpec["kind"], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name: "c",
  kind,
  notNull: false,
  derived: false,
  ...extra,
});

describe("parseCell", () => {
  it.each([
    [column("integer"), "14", 14],
    [column("integer"), "14.0", 14],
    [column("integer"), " -3 ", -3],
    [column("numeric", { precision: 10, scale: 2 }), "149.99", "149.99"],
    [column("numeric", { precision: 10, scale: 2 }), "0.500", "0.5"],
    [column("numeric", { precision: 10, scale: 2 }), "007.10", "7.1"],
    [column("numeric", { precision: 8, scale: 4 }), "0.05", "0.05"],
    [column("numeric", { precision: 6, scale: 2 }), "-100.0", "-100"],
    [column("boolean"), "True", true],
    [column("boolean"), "false", false],
    [column("date"), "2024-02-29", "2024-02-29"],
    [column("timestamptz"), "2024-01-15 09:30:00", "2024-01-15 09:30:00+00"],
    [column("timestamptz"), "2024-01-15T09:30:00+02:00", "2024-01-15 09:30:00+02:00"],
    [column("text"), " keeps spaces ", " keeps spaces "],
    [column("integer"), "", null],
  ])("%o reads %j as %j", (spec, raw, expected) => {
    expect(parseCell(spec, raw)).toEqual(expected);
  });

  it.each([
    [column("integer"), "14.5", "not a whole number"],
    [column("integer"), "abc", "not a number"],
    [column("integer"), "3000000000", "out of range for integer"],
    [column("numeric", { precision: 10, scale: 2 }), "1.234", "more than 2 decimal places"],
    [column("numeric", { precision: 4, scale: 2 }), "123.4", "too large for numeric(4,2)"],
    [column("numeric", { precision: 10, scale: 2 }), "12,50", "not a number"],
    [column("numeric", { precision: 8, scale: 4 }), "NaN", "not a number"],
    [column("numeric", { precision: 8, scale: 4 }), "1e-3", "not a number"],
    [column("numeric", { precision: 8, scale: 4 }), "0.12345", "more than 4 decimal places"],
    [column("boolean"), "yes", "not a boolean (expected true or false)"],
    [column("date"), "2023-02-29", "not a calendar date"],
    [column("date"), "15/01/2024", "not a date (expected YYYY-MM-DD)"],
    [column("timestamptz"), "2024-01-15 25:00:00", "not a time of day"],
    [column("text", { notNull: true }), "", "required value is blank"],
  ])("%o rejects %j: %s", (spec, raw, reason) => {
    expect(() => parseCell(spec, raw)).toThrow(reason);
  });
});
