export { type AccessEvent, AuditTrail, auditTrailFor } from "./audit";
export { CircuitBreaker } from "./breaker";
export { type BudgetOptions, SubjectBudget } from "./budget";
export { EntityCache } from "./entity-cache";
export { type Example, recordedOperations } from "./explorer";
export { type GatewayOptions, type RunningGateway, startGateway } from "./gateway";
export type { LoadWatcher } from "./loads";
export { ResponseCache } from "./response-cache";
export { trustedDocuments, trustedDocumentsJson, trustedDocumentsPath } from "./trusted";
