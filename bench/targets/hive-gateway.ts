/**
 * Hive Gateway over the same subgraph processes, as its own process (the same runtime and signing
 * plugin the conformance tests use). Settings: BENCH_URLS (JSON), C360_SUBGRAPH_SECRET.
 */
import { startHiveRouter } from "../../test/testkit/hive";

const urls = JSON.parse(process.env.BENCH_URLS ?? "{}") as Record<string, string>;
const router = await startHiveRouter({
  gatewayUrl: "",
  subgraphUrls: urls,
  subgraphSecret: process.env.C360_SUBGRAPH_SECRET,
});
console.log(`hive gateway ready at ${router.url}`);
process.once("SIGTERM", () => void router.stop().then(() => process.exit(0)));
