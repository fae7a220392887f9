import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { GraphQLError, parse } from "graphql";
import { checkDocument, checkSource, limits as defaultLimits, type Limits, limitError } from "./limits";
import { SIGNATURE_HEADER, verifySignature } from "./signature";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export interface HttpOptions<C> {
  port: number;
  /** Builds the request's context (verifies the token); a GraphQLError here is the response. */
  context(req: IncomingMessage): Promise<C>;
  /** Readiness: the dependencies answer (database, migrations, subgraphs). */
  ready(): Promise<boolean>;
  limits?: Limits;
  /** How long stop() lets in-flight requests finish. */
  drainMs?: number;
  /** The whole request's budget (default 10 s): past it the client gets 504 `REQUEST_TIMEOUT`. */
  requestTimeoutMs?: number;
  /** When set, a POST must carry the gateway's signature over its exact body, checked before parsing. */
  signatureSecret?: Buffer;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};

const errorBody = (error: GraphQLError) => ({
  errors: [{ message: error.message, extensions: { code: error.extensions.code } }],
});

/** The body, decompressed, refused past `max` bytes (counted after decompression). */
async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  const decoders: Record<string, () => NodeJS.ReadWriteStream> = {
    gzip: createGunzip,
    deflate: createInflate,
    br: createBrotliDecompress,
  };
  if (encoding !== "identity" && !decoders[encoding])
    throw limitError("BAD_REQUEST", `unsupported content-encoding "${encoding}"`);
  const stream: Readable =
    encoding === "identity"
      ? req
      : (req.pipe((decoders[encoding] as () => NodeJS.ReadWriteStream)()) as unknown as Readable);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) {
      // Stop reading; the response goes out first, then the connection is dropped.
      req.unpipe();
      throw new GraphQLError(`the request body exceeds ${max} bytes`, {
        extensions: { code: "REQUEST_TOO_LARGE", http: { status: 413 } },
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The one HTTP layer of the gateway and every subgraph, on 127.0.0.1: `/graphql` (POST JSON, one
 * operation per request: batching is off; the body limit applies after decompression; length and
 * token limits are checked before parsing), `/healthz` (the process is alive) and `/readyz` (it can
 * serve: 503 while its dependencies fail or once stop() began). stop() refuses new requests, lets
 * in-flight ones finish (up to `drainMs`), then stops Apollo.
 */
export async function serveHttp<C extends BaseContext>(
  apollo: ApolloServer<C>,
  options: HttpOptions<C>,
): Promise<RunningServer> {
  const l = options.limits ?? defaultLimits;
  await apollo.start();
  let inFlight = 0;
  let draining = false;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/healthz") return json(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      const ready = !draining && (await options.ready().catch(() => false));
      return json(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready" });
    }
    if (url.pathname !== "/graphql")
      return json(res, 404, { errors: [{ message: "not found", extensions: { code: "NOT_FOUND" } }] });
    if (draining)
      return json(res, 503, { errors: [{ message: "shutting down", extensions: { code: "SERVICE_UNAVAILABLE" } }] });
    inFlight++;
    try {
      let body: unknown;
      if (req.method === "POST") {
        const text = await readBody(req, l.bodyBytes);
        if (
          options.signatureSecret &&
          !verifySignature(options.signatureSecret, req.headers[SIGNATURE_HEADER] as string | undefined, text)
        ) {
          return json(
            res,
            401,
            errorBody(
              new GraphQLError("a valid gateway signature is required", { extensions: { code: "UNAUTHENTICATED" } }),
            ),
          );
        }
        try {
          body = JSON.parse(text);
        } catch {
          return json(res, 400, errorBody(limitError("BAD_REQUEST", "the body is not valid JSON")));
        }
        if (Array.isArray(body))
          return json(res, 400, errorBody(limitError("BAD_REQUEST", "batched requests are not accepted")));
      }
      const query = req.method === "POST" ? (body as { query?: unknown } | null)?.query : url.searchParams.get("query");
      if (typeof query === "string") {
        checkSource(query, l);
        const variables = (body as { variables?: unknown } | undefined)?.variables;
        let document: ReturnType<typeof parse> | undefined;
        try {
          document = parse(query);
        } catch {
          // a syntax error: Apollo reports it as GRAPHQL_PARSE_FAILED
        }
        if (document)
          checkDocument(
            document,
            typeof variables === "object" && variables ? (variables as Record<string, unknown>) : {},
            l,
          );
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
          context: () => options.context(req),
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new GraphQLError("the request took longer than its time budget", {
                  extensions: { code: "REQUEST_TIMEOUT", http: { status: 504 } },
                }),
              ),
            options.requestTimeoutMs ?? 10_000,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      res.statusCode = result.status ?? 200;
      for (const [name, value] of result.headers) res.setHeader(name, value);
      if (result.body.kind === "complete") res.end(result.body.string);
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (res.headersSent) return void res.end();
      if (error instanceof GraphQLError) {
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
        if (status === 413) {
          res.setHeader("connection", "close");
          res.on("finish", () => req.destroy());
        }
        return json(res, status, errorBody(error));
      }
      console.error(`http: ${(error as Error).message}`);
      json(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    } finally {
      inFlight--;
    }
  });
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop() {
      stopping ??= (async () => {
        // New requests get 503 at once while the in-flight ones finish; only then are connections
        // closed (server.close() would drop keep-alive connections whose request is not read yet).
        draining = true;
        const deadline = Date.now() + (options.drainMs ?? 10_000);
        while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeAllConnections();
        await closed;
        await apollo.stop();
      })();
      return stopping;
    },
  };
}
