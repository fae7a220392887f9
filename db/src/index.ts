export * from "./catalog";
export { fingerprint, type TableFingerprint } from "./fingerprint";
export { formatIssue, ImportError, type ImportIssue } from "./import/issues";
export { type ImportReport, importDirectory } from "./import/load";
export { migrate, migrationsFolder } from "./migrate";
