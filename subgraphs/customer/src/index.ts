import { runSubgraph } from "@c360/subgraph-kit";
import { customerSubgraph } from "./schema";

await runSubgraph(customerSubgraph);
