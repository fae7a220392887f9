import { runSubgraph } from "@c360/subgraph-kit";
import { logisticsSubgraph } from "./schema";

await runSubgraph(logisticsSubgraph);
