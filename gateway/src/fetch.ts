import { Agent, type IncomingHttpHeaders, request } from "node:http";

/** What @apollo/gateway's RemoteGraphQLDataSource reads of a subgraph's response. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** A request's time budget ran out (not retried: the subgraph may still be working on it). */
export class SubgraphTimeout extends Error {
  override name = "TimeoutError";
}

/**
 * A POST to a subgraph over node:http with keep-alive connections, for the gateway's every subgraph
 * fetch: fetch() (undici) costs web streams, a Request, Headers and an AbortSignal timer per call,
 * which showed as a quarter of the gateway's CPU under load. The whole exchange has `timeoutMs`.
 */
export function createSubgraphClient() {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return {
    post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SubgraphResponse> {
      return new Promise((resolve, reject) => {
        const req = request(url, { method: "POST", headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", fail);
          res.on("end", () => {
            clearTimeout(timer);
            resolve(response(url, res.statusCode ?? 0, res.statusMessage ?? "", res.headers, Buffer.concat(chunks)));
          });
        });
        const timer = setTimeout(() => req.destroy(new SubgraphTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
        function fail(error: Error) {
          clearTimeout(timer);
          reject(error);
        }
        req.on("error", fail);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

function response(
  url: string,
  status: number,
  statusText: string,
  headers: IncomingHttpHeaders,
  bytes: Buffer,
): SubgraphResponse {
  const text = bytes.toString("utf8");
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    url,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
    text: async () => text,
    json: async () => JSON.parse(text),
  };
}
