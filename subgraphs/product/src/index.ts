import { runSubgraph } from "@c360/subgraph-kit";
import { productSubgraph } from "./schema";

await runSubgraph(productSubgraph);
