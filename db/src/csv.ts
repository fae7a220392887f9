/** A typed cell value on its way to COPY: strings for numeric/date/timestamp keep them exact. */
export type CellValue = string | number | boolean | null;

const needsQuotes = /[",\r\n]/;

/** One CSV field for `COPY ... WITH (FORMAT csv)`: NULL is an empty unquoted field. */
export function csvField(value: CellValue): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  return value === "" || needsQuotes.test(value) || value.trim() !== value ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(",")}\n`;
}
