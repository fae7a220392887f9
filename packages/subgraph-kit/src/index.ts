export * from "./connection";
export { badUserInput } from "./errors";
export * from "./loaders";
export { defaultPorts, portOf, runSubgraph } from "./run";
export { DateScalar, DateTimeScalar, DecimalScalar } from "./scalars";
export * from "./server";
