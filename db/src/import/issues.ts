/** One problem with an input file, reported as `file:line: column: reason`. */
export interface ImportIssue {
  file: string;
  line: number;
  column?: string;
  reason: string;
}

export const formatIssue = (i: ImportIssue) => `${i.file}:${i.line}: ${i.column ? `${i.column}: ` : ""}${i.reason}`;

/** The import was rejected; nothing was written. */
export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`import rejected, nothing was written:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`);
    this.name = "ImportError";
  }
}
