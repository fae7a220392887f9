import type { Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { boundedList, type Grain, groupedByKey, loaderFamily } from "@c360/subgraph-kit";
import { type KpiRow, kpiSeries } from "./data";
import type { KpiStage } from "./rollup";

export interface MarketplaceKpiArgs {
  stage: KpiStage;
  from: string;
  to: string;
  grain: Grain;
  /** The measures selected, sorted (requests selecting the same ones share a statement). */
  fields: readonly string[];
}

/** Per-request loaders: the KPI series of many marketplaces in one statement per stage and argument set. */
export function createLoaders(db: Database, viewer: Viewer) {
  return {
    marketplaceKpis: loaderFamily(
      "cx-kpi.marketplaceKpis",
      async (args: MarketplaceKpiArgs, codes: readonly string[]) => {
        const rows = boundedList(
          await kpiSeries(
            db,
            args.stage,
            { from: args.from, to: args.to, marketplaces: codes },
            args.grain,
            ["MARKETPLACE", "PRIME_FLAG"],
            viewer.markets,
            new Set(args.fields),
          ),
          "from",
        );
        return groupedByKey<string, KpiRow>(codes, rows, (row) => row.marketplace as string);
      },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
