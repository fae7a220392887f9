/**
 * The gateway as its own process (`pnpm --filter @c360/gateway start`): serves the committed
 * supergraph; subgraph URLs come from `C360_<NAME>_URL` or the contract ports on loopback.
 */
import { createTokenVerifier, identityConfigFromEnv } from "@c360/auth";
import { portOf } from "@c360/subgraph-kit";
import { committedSupergraph } from "./compose";
import { startGateway } from "./gateway";
import { subgraphs } from "./subgraphs";

const subgraphUrls = Object.fromEntries(
  subgraphs.flatMap((s) => {
    const url = process.env[`C360_${s.name.toUpperCase().replaceAll("-", "_")}_URL`];
    return url ? [[s.name, url]] : [];
  }),
);
const verify = await createTokenVerifier(identityConfigFromEnv());
const gateway = await startGateway({
  supergraphSdl: committedSupergraph(),
  subgraphUrls,
  port: portOf("gateway"),
  verify,
});
console.log(`gateway ready at ${gateway.url}`);
const stop = async () => {
  await gateway.stop();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
