import type { Viewer } from "@c360/auth";
import type { PreferenceDimension } from "@c360/db/schema";
import type { Database } from "@c360/db-client";
import { groupedByKey, loaderFamily } from "@c360/subgraph-kit";
import { affinities, preferences } from "./data";

/**
 * Per-request loaders: one SQL statement per list and page size, whatever the number of customers
 * or products, each summed over the viewer's markets only.
 */
export function createLoaders(db: Database, viewer: Viewer) {
  const scope = viewer.markets;
  return {
    /** A customer's `first` top categories or brands. */
    preferences: loaderFamily(
      "insights.preferences",
      async ({ dimension, first }: { dimension: PreferenceDimension; first: number }, ids: readonly string[]) =>
        groupedByKey(ids, await preferences(db, ids, dimension, first, scope), (r) => r.customerId),
    ),
    /** A product's `first` products bought with it. */
    boughtTogether: loaderFamily("insights.boughtTogether", async (first: number, ids: readonly string[]) =>
      groupedByKey(ids, await affinities(db, ids, first, scope), (r) => r.productId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
