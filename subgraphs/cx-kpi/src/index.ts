import { runSubgraph } from "@c360/subgraph-kit";
import { cxKpiSubgraph } from "./schema";

await runSubgraph(cxKpiSubgraph);
