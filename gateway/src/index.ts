export { type AccessEvent, AuditTrail } from "./audit";
export { CircuitBreaker } from "./breaker";
export { type Composition, committedSupergraph, compose } from "./compose";
export { type GatewayOptions, startGateway } from "./gateway";
export { type Stack, startStack } from "./stack";
export { subgraphs } from "./subgraphs";
