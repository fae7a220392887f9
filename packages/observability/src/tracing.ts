import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

export type { Span };

/**
 * OpenTelemetry traces, off unless an OTLP endpoint is configured (`OTEL_EXPORTER_OTLP_ENDPOINT`):
 * then the process exports its spans over OTLP/HTTP (JSON) to `<endpoint>/v1/traces`, carries the
 * W3C `traceparent` of the request it serves into everything it calls (subgraph fetches, SQL), and
 * flushes what is left when stopped. Off, every span below is a no-op that records nothing.
 */
export function startTracing(service: string, endpoint: string | undefined): { stop(): Promise<void> } | undefined {
  if (!endpoint) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": service }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` }), {
        scheduledDelayMillis: 1_000,
      }),
    ],
  });
  provider.register();
  return { stop: () => provider.shutdown() };
}

const tracer = () => trace.getTracer("c360");

/**
 * Runs `fn` in a server span named `name`, child of the trace the request's headers carry (a
 * `traceparent` from the gateway or a client), so that everything `fn` calls joins the same trace.
 */
export function inServerSpan<T>(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(context.active(), headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER }, parent, async (span) => {
    try {
      return await fn(span);
    } finally {
      span.end();
    }
  });
}

/**
 * A client span for one outgoing call (a subgraph fetch, a SQL statement), child of the active one;
 * `headers`, when given, receive the `traceparent` that makes the callee's spans its children.
 */
export function clientSpan(
  name: string,
  attributes: Record<string, string | number>,
  headers?: Record<string, string>,
): { end(error?: unknown): void } {
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes });
  if (headers) propagation.inject(trace.setSpan(context.active(), span), headers);
  return {
    end(error?: unknown) {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message ?? String(error) });
      span.end();
    },
  };
}
