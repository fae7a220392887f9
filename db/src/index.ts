export * from "./catalog";
export { type Checkpoint, CheckpointLog, readCheckpoints } from "./checkpoints";
export { kpiRatios, type QualityCheck, qualityChecks } from "./checks/rules";
export { type CheckResult, formatFailure, QualityCheckError, runQualityChecks } from "./checks/run";
export { contractSchemaObject } from "./contract";
export { fingerprint, type TableFingerprint } from "./fingerprint";
export { formatIssue, ImportError, type ImportIssue } from "./import/issues";
export { type ImportReport, importDirectory } from "./import/load";
export { type FinishedLoad, refresh } from "./meta";
export { migrate, migrationsCurrent, migrationsFolder } from "./migrate";
export type { LoadProgress } from "./progress";
export { generate, type SeedOptions } from "./seed/generate";
export { type SeedReport, seed } from "./seed/load";
export { Random } from "./seed/random";
export {
  type ChainBreak,
  type ChainedFields,
  chainHash,
  pruneTrail,
  registerChain,
  type TrailVerification,
  type VerifyOptions,
  verifyTrail,
} from "./trail";
export { type TrailKey, trailKey } from "./trail-key";
