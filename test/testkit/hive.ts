import { createServer } from "node:http";
import { committedSupergraph, type Stack } from "@c360/gateway";
import { defaultPorts } from "@c360/subgraph-kit";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";

/**
 * A second federation router, Hive Gateway, over the same committed supergraph and the same running
 * subgraphs (their loopback URLs swapped in), forwarding only the Authorization header: enforcement
 * must not depend on our gateway.
 */
export async function startHiveRouter(stack: Stack): Promise<{ url: string; stop(): Promise<void> }> {
  let supergraph = committedSupergraph();
  for (const [name, url] of Object.entries(stack.subgraphUrls)) {
    supergraph = supergraph.replaceAll(`http://127.0.0.1:${defaultPorts[name]}/graphql`, url);
  }
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") ?? "" }),
    },
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
