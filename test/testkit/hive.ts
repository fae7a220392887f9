import { createServer } from "node:http";
import { subgraphRegistry } from "@c360/registry";
import { SIGNATURE_HEADER, sign, subgraphSecret } from "@c360/subgraph-kit";
import { supergraphSdl } from "@c360/supergraph";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import type { Endpoints } from "./stack";

/**
 * A second federation router, Hive Gateway, over the same committed supergraph and the same running
 * subgraphs (their loopback URLs swapped in), forwarding only the Authorization header: enforcement
 * must not depend on our gateway. Where the subgraphs require the gateway's signature (production
 * mode), Hive signs its requests the same way through a plugin, as any router put in front of them
 * would have to.
 */
export async function startHiveRouter(stack: Endpoints): Promise<{ url: string; stop(): Promise<void> }> {
  let supergraph = supergraphSdl();
  for (const { name, port } of subgraphRegistry) {
    const url = stack.subgraphUrls[name];
    if (url) supergraph = supergraph.replaceAll(`http://127.0.0.1:${port}/graphql`, url);
  }
  const nameOf = (url: string) => Object.entries(stack.subgraphUrls).find(([, u]) => url.startsWith(u))?.[0];
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    plugins: () => [
      {
        onFetch({ url, options, setOptions, context }) {
          const request = (context as { request?: Request }).request;
          const headers = new Headers(options.headers as HeadersInit);
          const authorization = request?.headers.get("authorization") ?? "";
          headers.set("authorization", authorization);
          const name = nameOf(url);
          if (stack.subgraphSecret && name) {
            const target = new URL(url);
            const secret = subgraphSecret(stack.subgraphSecret, name) as Buffer;
            headers.set(
              SIGNATURE_HEADER,
              sign(secret, {
                method: options.method ?? "GET",
                target: `${target.pathname}${target.search}`,
                authorization,
                body: typeof options.body === "string" ? options.body : "",
              }),
            );
          }
          setOptions({ ...options, headers: Object.fromEntries(headers) });
        },
      },
    ],
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    },
  };
}
