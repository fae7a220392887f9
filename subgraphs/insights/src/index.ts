import { runSubgraph } from "@c360/subgraph-kit";
import { subgraph } from "./schema";

await runSubgraph(subgraph);
