export * from "./connection";
export { badUserInput } from "./errors";
export * from "./loaders";
export { boundedList, type Grain, MAX_LIST_ROWS, periodStart } from "./periods";
export { defaultPorts, portOf, runSubgraph } from "./run";
export { DateScalar, DateTimeScalar, DecimalScalar } from "./scalars";
export * from "./server";
