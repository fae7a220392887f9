import type { ColumnSpec } from "../catalog";
import type { CellValue } from "../csv";

/** A value that does not fit its column; `reason` never includes the value of a PII column. */
export class ValueError extends Error {}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const wholeNumber = /^[+-]?\d+(?:\.0+)?$/;
const decimal = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const floating = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const timestamp = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function checkDate(text: string): string {
  const m = isoDate.exec(text);
  if (!m) throw new ValueError("not a date (expected YYYY-MM-DD)");
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new ValueError("not a calendar date");
  }
  return text;
}

function parseInteger(text: string): number {
  if (!wholeNumber.test(text)) throw new ValueError(floating.test(text) ? "not a whole number" : "not a number");
  const value = Number.parseInt(text, 10);
  if (value < INT_MIN || value > INT_MAX) throw new ValueError("out of range for integer");
  return value;
}

/** A whole number within 64 bits, as its digits (exact beyond 2^53). */
function parseBigint(text: string): string {
  if (!wholeNumber.test(text)) throw new ValueError(floating.test(text) ? "not a whole number" : "not a number");
  const digits = text.replace(/\.0+$/, "").replace(/^\+/, "");
  const value = BigInt(digits);
  if (value < -(2n ** 63n) || value > 2n ** 63n - 1n) throw new ValueError("out of range for bigint");
  return value.toString();
}

function parseNumeric(text: string, precision = 1000, scale = 0): string {
  const m = decimal.exec(text);
  if (!m || (m[2] === "" && !m[3])) throw new ValueError("not a number");
  const whole = (m[2] ?? "").replace(/^0+(?=\d)/, "") || "0";
  const fraction = (m[3] ?? "").replace(/0+$/, "");
  if (fraction.length > scale) throw new ValueError(`more than ${scale} decimal places`);
  if (whole.length > precision - scale) throw new ValueError(`too large for numeric(${precision},${scale})`);
  return `${m[1] === "-" ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/**
 * The longest text a cell may hold, in UTF-8 bytes: the exports' longest is under 40, and a btree
 * index entry holds at most 2,704 bytes (two indexed text columns must fit one entry).
 */
export const MAX_TEXT_BYTES = 1_000;

function checkText(text: string): string {
  if (text.includes("\u0000")) throw new ValueError("contains a NUL character");
  if (Buffer.byteLength(text) > MAX_TEXT_BYTES) throw new ValueError(`longer than ${MAX_TEXT_BYTES} bytes`);
  return text;
}

function parseBoolean(text: string): boolean {
  const lower = text.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  throw new ValueError("not a boolean (expected true or false)");
}

/** Naive timestamps are UTC (the exports carry no zone); an explicit offset is kept. */
function parseTimestamp(text: string): string {
  const m = timestamp.exec(text);
  if (!m) throw new ValueError("not a timestamp (expected YYYY-MM-DD HH:MM[:SS])");
  checkDate(m[1] as string);
  const [h, min, sec] = (m[2] as string).split(":").map(Number);
  if ((h ?? 0) > 23 || (min ?? 0) > 59 || (sec ?? 0) >= 60) throw new ValueError("not a time of day");
  const offset = /^[+-](\d{2}):?(\d{2})?$/.exec(m[3] ?? "+00");
  if (offset && (Number(offset[1]) > 15 || Number(offset[2] ?? 0) > 59))
    throw new ValueError("time zone offset out of range (at most ±15:59)");
  return `${m[1]} ${m[2]}${m[3] ?? "+00"}`;
}

/** Converts one CSV cell to its column's value; blank is NULL. Throws ValueError on a mismatch. */
export function parseCell(column: ColumnSpec, raw: string): CellValue {
  const text = column.kind === "text" ? raw : raw.trim();
  if (text === "") {
    if (column.notNull) throw new ValueError("required value is blank");
    return null;
  }
  switch (column.kind) {
    case "text":
      return checkText(text);
    case "integer":
      return parseInteger(text);
    case "bigint":
      return parseBigint(text);
    case "numeric":
      return parseNumeric(text, column.precision, column.scale);
    case "boolean":
      return parseBoolean(text);
    case "date":
      return checkDate(text);
    case "timestamptz":
      return parseTimestamp(text);
  }
}
