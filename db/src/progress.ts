/**
 * How a long load reports its progress (the CLI draws a bar on a terminal, plain lines otherwise):
 * `onStart` once with the amount of work (rows for a seed, steps for an import: each file read, then
 * each table loaded), then `onAdvance` with the work done so far and what is being done.
 */
export interface LoadProgress {
  onStart?(total: number): void;
  onAdvance?(done: number, label: string): void;
}
