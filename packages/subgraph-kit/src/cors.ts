import type { IncomingMessage, ServerResponse } from "node:http";
import { refusal } from "@c360/errors";
import { REQUEST_ID_HEADER } from "@c360/observability";

/** Which web pages of other origins may call `/graphql` (the gateway's `C360_CORS_ORIGINS`). */
export interface CorsOptions {
  /** Exact origins as browsers send them in `Origin` (`https://app.example.com`); checked by the configuration. */
  origins: readonly string[];
  /** Request headers the server reads besides the HTTP layer's own (the gateway's `x-c360-purpose`). */
  requestHeaders?: readonly string[];
}

/** The request headers the HTTP layer reads (the token, the body's type and encoding, the request's id, the trace). */
const LAYER_HEADERS = [
  "accept",
  "authorization",
  "content-encoding",
  "content-type",
  REQUEST_ID_HEADER,
  "traceparent",
  "tracestate",
];

/** What a page may read of an answer beyond the safelisted headers: the id to quote, when to retry a 429. */
const EXPOSED_HEADERS = `${REQUEST_ID_HEADER}, retry-after`;

const METHODS = "GET, POST";

/** A page's browser asks again after ten minutes: an origin taken off the list stops working by then. */
const MAX_AGE_SECONDS = "600";

/**
 * The request's origin when it is one of `origins`: a single `Origin` header whose text is a listed
 * origin exactly. Any other text (`null`, another case, port or scheme, a path, several origins in
 * one header) matches none; a Set is used so that names like `__proto__` are only text.
 */
export function listedOrigin(origins: ReadonlySet<string>, values: readonly string[] | undefined): string | undefined {
  if (values?.length !== 1) return undefined;
  const origin = values[0] as string;
  return origins.has(origin) ? origin : undefined;
}

/** A CORS preflight: an OPTIONS request naming its origin and the method its page wants to send. */
export const isPreflight = (req: IncomingMessage) =>
  req.method === "OPTIONS" &&
  req.headers.origin !== undefined &&
  req.headers["access-control-request-method"] !== undefined;

/**
 * The CORS policy of `/graphql`. Only a listed origin ever gets `Access-Control-Allow-Origin`, its own
 * and never `*`. `Access-Control-Allow-Credentials` is never sent: the product reads no cookie, and a
 * page sends its bearer token in `Authorization`, which needs no credentials mode. The headers are set
 * per request, on the response, never on an answer a cache keeps: a kept answer gets the headers of
 * whoever it is served to.
 */
export function corsPolicy(options: CorsOptions) {
  const origins = new Set(options.origins);
  const allowHeaders = [...new Set([...LAYER_HEADERS, ...(options.requestHeaders ?? [])])].join(", ");
  const originOf = (req: IncomingMessage) => listedOrigin(origins, req.headersDistinct.origin);
  return {
    /** Sets the headers every answer to `req` carries: `Vary: Origin`; for a listed origin, that origin and what its page may read. */
    annotate(req: IncomingMessage, res: ServerResponse): void {
      res.setHeader("vary", "origin");
      const origin = originOf(req);
      if (!origin) return;
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    },
    /**
     * Answers a preflight (`isPreflight`): 204 with what a listed origin may send; a coded refusal,
     * with no allow header, for any other origin (403 FORBIDDEN) or method (405 METHOD_NOT_ALLOWED).
     */
    preflight(req: IncomingMessage, res: ServerResponse): void {
      if (!originOf(req)) throw refusal("FORBIDDEN", "this origin may not call the graph from a browser");
      const method = req.headers["access-control-request-method"];
      if (method !== "GET" && method !== "POST")
        throw refusal("METHOD_NOT_ALLOWED", "a page may send GET or POST only", { headers: { allow: METHODS } });
      res.writeHead(204, {
        "access-control-allow-methods": METHODS,
        "access-control-allow-headers": allowHeaders,
        "access-control-max-age": MAX_AGE_SECONDS,
      });
      res.end();
    },
  };
}

export type CorsPolicy = ReturnType<typeof corsPolicy>;
