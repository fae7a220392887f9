import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics, declared once: every server of the process (the gateway, a
 * subgraph, or all of them in `pnpm start`'s single process) serves them at `/metrics`, labelled by
 * `service`. Label values a client influences (operation names) are bounded: past a fixed number of
 * distinct values, or when not a plain GraphQL name, they count as `other`.
 */
export const registry = new Registry();

const seconds = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  requests: new Counter({
    name: "c360_requests_total",
    help: "GraphQL requests answered, by service, operation, outcome and HTTP status",
    labelNames: ["service", "operation", "outcome", "status"] as const,
    registers: [registry],
  }),
  requestSeconds: new Histogram({
    name: "c360_request_duration_seconds",
    help: "Time from a request's arrival to its answer",
    labelNames: ["service", "operation", "outcome"] as const,
    buckets: seconds,
    registers: [registry],
  }),
  errors: new Counter({
    name: "c360_errors_total",
    help: "Errors answered, by code (a request may carry several)",
    labelNames: ["service", "code"] as const,
    registers: [registry],
  }),
  denials: new Counter({
    name: "c360_denials_total",
    help: "Fields denied by the access policy, by schema coordinate",
    labelNames: ["service", "coordinate"] as const,
    registers: [registry],
  }),
  sqlStatements: new Counter({
    name: "c360_sql_statements_total",
    help: "SQL statements sent, by connection pool and outcome",
    labelNames: ["pool", "outcome"] as const,
    registers: [registry],
  }),
  sqlSeconds: new Histogram({
    name: "c360_sql_duration_seconds",
    help: "Time from sending a SQL statement to its result (pool wait included)",
    labelNames: ["pool"] as const,
    buckets: seconds,
    registers: [registry],
  }),
  loaderBatch: new Histogram({
    name: "c360_dataloader_batch_size",
    help: "Keys per DataLoader batch (one SQL statement each)",
    labelNames: ["loader"] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [registry],
  }),
  subgraphSeconds: new Histogram({
    name: "c360_subgraph_fetch_duration_seconds",
    help: "Gateway fetches to a subgraph, by subgraph and outcome",
    labelNames: ["subgraph", "outcome"] as const,
    buckets: seconds,
    registers: [registry],
  }),
  breakerOpen: new Gauge({
    name: "c360_subgraph_circuit_open",
    help: "1 while the gateway's circuit breaker for a subgraph is open",
    labelNames: ["subgraph"] as const,
    registers: [registry],
  }),
  auditBacklog: new Gauge({
    name: "c360_audit_backlog",
    help: "Access events queued and not yet written",
    registers: [registry],
  }),
  auditFailures: new Counter({
    name: "c360_audit_write_failures_total",
    help: "Access trail writes that failed (the events stay queued for the next try)",
    registers: [registry],
  }),
  auditDropped: new Counter({
    name: "c360_audit_dropped_total",
    help: "Access events dropped because the queue was full",
    registers: [registry],
  }),
  cacheLookups: new Counter({
    name: "c360_gateway_cache_lookups_total",
    help: "Lookups in the gateway's caches, by cache (response, entity) and outcome (hit, miss, shared)",
    labelNames: ["cache", "outcome"] as const,
    registers: [registry],
  }),
  poolConnections: new Gauge({
    name: "c360_db_pool_connections",
    help: "Database pool connections by state (total, idle, waiting clients)",
    labelNames: ["pool", "state"] as const,
    registers: [registry],
  }),
};

/** Readings of state that lives elsewhere (pool use, circuit breakers), taken at every scrape. */
const readings = new Set<() => void>();

/** Runs `read` before every scrape (it sets gauges from state it can see) until the returned function is called. */
export function beforeScrape(read: () => void): () => void {
  readings.add(read);
  return () => readings.delete(read);
}

let processMetrics = false;

/** The metrics in Prometheus' text format, process metrics (CPU, memory, event loop, GC) included. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  if (!processMetrics) {
    collectDefaultMetrics({ register: registry });
    processMetrics = true;
  }
  for (const read of readings) read();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
