import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { CsvError, parse } from "csv-parse/sync";
import { piiColumns, type TableSpec, tableByName } from "../catalog";
import type { CellValue } from "../csv";
import type { ImportIssue } from "./issues";
import { parseCell, ValueError } from "./values";

/** A parsed, validated input file: one row per data line, values in the table's column order. */
export interface ParsedFile {
  file: string;
  table: TableSpec;
  rows: CellValue[][];
  /** The source line of each row, for errors found later (foreign keys). */
  lines: number[];
  warnings: string[];
}

/**
 * Export columns that stand for one table column. The purchase export carries `orders` twice
 * (`orders_x`, `orders_y`, a merge artefact): they must agree where both are present.
 */
const mergedColumns: Record<string, Record<string, readonly string[]>> = {
  kpi_purchase_daily: { orders: ["orders_x", "orders_y"] },
};

/** Folders never read: dependencies, and hidden ones (`.git`); another project's CSV files are no export. */
const notExports = /(^|[\\/])(node_modules|\.[^\\/]*)[\\/]/;

/** Files to read under `dir`: `.csv` and `.csv.gz`, recursively, in a stable order, outside `notExports`. */
export async function findInputFiles(dir: string): Promise<{ csv: string[]; skipped: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => !notExports.test(f))
    .sort();
  return {
    csv: files.filter((f) => /\.csv(\.gz)?$/i.test(f)),
    skipped: files.filter((f) => !/\.csv(\.gz)?$/i.test(f)),
  };
}

/** How much of a rejected value a message shows. */
const MAX_SHOWN = 64;

const tableOfFile = (file: string) => tableByName(file.replace(/^.*[\\/]/, "").replace(/\.csv(\.gz)?$/i, ""));

function decode(file: string, bytes: Buffer): string {
  const data = /\.gz$/i.test(file) ? gunzip(bytes) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw new ValueError("not valid UTF-8 text");
  }
}

function gunzip(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new ValueError(`not valid gzip data (${(error as Error).message})`);
  }
}

/** A source column for each table column, or how it is derived from several export columns. */
function mapHeader(file: string, table: TableSpec, header: string[], issues: ImportIssue[], warnings: string[]) {
  const merged = mergedColumns[table.name] ?? {};
  const position = new Map(header.map((h, i) => [h, i]));
  if (position.size !== header.length) {
    const dup = header.find((h, i) => header.indexOf(h) !== i);
    issues.push({ file, line: 1, column: dup, reason: "column appears twice in the header" });
  }
  const sources = table.columns.map((column) => {
    if (column.derived) return [];
    const direct = position.get(column.name);
    if (direct !== undefined) return [direct];
    const parts = (merged[column.name] ?? []).map((p) => position.get(p)).filter((i) => i !== undefined);
    if (parts.length === 0)
      issues.push({ file, line: 1, column: column.name, reason: `missing column (${table.qualified} needs it)` });
    return parts;
  });
  const used = new Set(sources.flat());
  const extra = header.filter((_, i) => !used.has(i));
  if (extra.length) warnings.push(`${file}: column(s) ${extra.join(", ")} are not part of ${table.qualified}; ignored`);
  return sources;
}

/** Reads, decodes and validates one file; every problem found goes to `issues` (capped by the caller). */
export async function readInputFile(dir: string, file: string, issues: ImportIssue[]): Promise<ParsedFile | null> {
  const table = tableOfFile(file);
  if (!table) {
    issues.push({ file, line: 1, reason: "unknown file: its name matches no c360 or cx table" });
    return null;
  }
  let records: { record: string[]; info: { lines: number } }[];
  let lastLine = 0;
  try {
    const text = decode(file, await readFile(join(dir, file)));
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      // The record that failed starts on the line after the last good one.
      const reason = error.message.replace(/^Invalid Record: /, "").replace(/,? at line \d+$/, "");
      issues.push({ file, line: lastLine + 1, reason: `malformed CSV: ${reason}` });
    } else if (error instanceof ValueError) {
      issues.push({ file, line: 1, reason: error.message });
    } else throw error;
    return null;
  }
  const [head, ...body] = records;
  if (!head) {
    issues.push({ file, line: 1, reason: "empty file: no header line" });
    return null;
  }
  const header = head.record.map((h) => h.trim());
  const warnings: string[] = [];
  const before = issues.length;
  const sources = mapHeader(file, table, header, issues, warnings);
  if (issues.length > before) return null;

  const keyIndexes = table.primaryKey.map((k) => table.columns.findIndex((c) => c.name === k));
  const seen = new Map<string, number>();
  const rows: CellValue[][] = [];
  const lines: number[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== header.length) {
      const missing = header[record.length];
      issues.push({
        file,
        line,
        column: missing ?? `(extra field ${record.length})`,
        reason: `malformed CSV: line has ${record.length} fields, header has ${header.length}`,
      });
      continue;
    }
    let ok = true;
    const row = table.columns.map((column, c) => {
      const [first, ...others] = (sources[c] ?? []).map((i) => ({ name: header[i] as string, raw: record[i] ?? "" }));
      try {
        const value = parseCell(column, first?.raw ?? "");
        for (const other of others) {
          const alt = parseCell({ ...column, notNull: false }, other.raw);
          if (alt !== null && alt !== value) throw new ValueError(`${other.name} disagrees with ${first?.name}`);
        }
        return value;
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        const raw = first?.raw ?? "";
        const shown = piiColumns.has(`${table.qualified}.${column.name}`)
          ? "(value masked: personal data)"
          : raw.length > MAX_SHOWN
            ? `${JSON.stringify(raw.slice(0, MAX_SHOWN))}…(${raw.length} characters)`
            : JSON.stringify(raw);
        issues.push({ file, line, column: first?.name ?? column.name, reason: `${error.message}: ${shown}` });
        ok = false;
        return null;
      }
    });
    if (!ok) continue;
    const key = keyIndexes.map((i) => String(row[i])).join("|");
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      issues.push({
        file,
        line,
        column: table.primaryKey.join(", "),
        reason: `duplicate primary key ${JSON.stringify(key)} (first at line ${firstLine})`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push(row);
    lines.push(line);
  }
  return { file, table, rows, lines, warnings };
}
