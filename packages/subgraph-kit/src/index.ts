export {
  argumentsUsed,
  decimalArgument,
  notePersonsFound,
  orderName,
  rangeInOrder,
  refuseUnreadable,
} from "./arguments";
export * from "./connection";
export { isStale, schemaVersionOf } from "./data-product";
export { BYTES_PER_TOKEN } from "./documents";
export { badUserInput, describeError, formatError, UnavailableError } from "./errors";
export {
  type Admit,
  type Answer,
  type AnswerCache,
  type CacheableRequest,
  type DirectExecution,
  type DirectRequest,
  type HttpOptions,
  httpSettings,
  type MetricsAccess,
  PortInUseError,
  type RequestEnd,
  type RequestMeta,
  type RunningServer,
  requestEndOf,
  serveHttp,
  type Telemetry,
  telemetryOf,
} from "./http";
export {
  checkDocument,
  checkSource,
  checkVariables,
  type FieldTypeOf,
  fieldTypes,
  type Limits,
  limits,
} from "./limits";
export * from "./loaders";
export {
  boundedList,
  type Grain,
  MAX_LIST_ROWS,
  type PeriodSpan,
  period,
  periodSpan,
  type TimeZoneBasis,
} from "./periods";
export { MAX_PERSONS, ofCustomer, PERSONS_EXTENSION, type PersonsReport, PersonsSeen } from "./personal-data";
export { ROWS_EXTENSION, RowsListed, rowLimitExceeded } from "./row-limits";
export { exitOnStartupError, runSubgraph } from "./run";
export { BigIntScalar, DateScalar, DateTimeScalar, DecimalScalar } from "./scalars";
export { inScope, type MarketScope } from "./scope";
export * from "./server";
export { SIGNATURE_HEADER, type SignedParts, sign, subgraphSecret, verifySignature } from "./signature";
export {
  anyOf,
  FilterConditions,
  type Nested,
  nestedPage,
  nestedRows,
  pageOfNested,
  rowsOfNested,
  type ScopeCondition,
  scopedStatement,
  statement,
} from "./statements";
