import { runSubgraph } from "@c360/subgraph-kit";
import { salesSubgraph } from "./schema";

await runSubgraph(salesSubgraph);
