export * from "./catalog";
export { kpiRatios, type QualityCheck, qualityChecks } from "./checks/rules";
export { type CheckResult, runQualityChecks } from "./checks/run";
export { fingerprint, type TableFingerprint } from "./fingerprint";
export { formatIssue, ImportError, type ImportIssue } from "./import/issues";
export { type ImportReport, importDirectory } from "./import/load";
export { migrate, migrationsCurrent, migrationsFolder } from "./migrate";
export { generate, type SeedOptions } from "./seed/generate";
export { type SeedProgress, type SeedReport, seed } from "./seed/load";
