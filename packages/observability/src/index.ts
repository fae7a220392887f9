export { createLogger, type Logger, type LogSettings, REQUEST_ID_HEADER, requestIdOf } from "./log";
export { beforeScrape, metrics, metricsText, registry } from "./metrics";
export { printable } from "./text";
export { clientSpan, inServerSpan, type Span, startTracing } from "./tracing";
