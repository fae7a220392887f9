export * from "./connection";
export { badUserInput, clientCodes, formatError, UNAVAILABLE_MESSAGE, UnavailableError } from "./errors";
export { type HttpOptions, type RunningServer, serveHttp } from "./http";
export {
  checkCost,
  checkDocument,
  checkSource,
  type FieldTypeOf,
  type Limits,
  limitError,
  limits,
  limitsPlugin,
} from "./limits";
export * from "./loaders";
export { boundedList, type Grain, MAX_LIST_ROWS, periodStart } from "./periods";
export { defaultPorts, portOf, runSubgraph } from "./run";
export { DateScalar, DateTimeScalar, DecimalScalar } from "./scalars";
export * from "./server";
export { SIGNATURE_HEADER, sign, subgraphSecret, verifySignature } from "./signature";
