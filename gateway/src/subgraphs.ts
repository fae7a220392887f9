import { customerSubgraph } from "@c360/customer";
import { cxKpiSubgraph } from "@c360/cx-kpi";
import { logisticsSubgraph } from "@c360/logistics";
import { productSubgraph } from "@c360/product";
import { salesSubgraph } from "@c360/sales";
import type { SubgraphDefinition } from "@c360/subgraph-kit";

/** The five data products, in port order (4001..4005). */
export const subgraphs: readonly SubgraphDefinition[] = [
  customerSubgraph,
  salesSubgraph,
  productSubgraph,
  logisticsSubgraph,
  cxKpiSubgraph,
];
