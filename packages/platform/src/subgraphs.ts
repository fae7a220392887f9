import { subgraphRegistry } from "@c360/registry";
import type { SubgraphDefinition } from "@c360/subgraph-kit";

/**
 * Every registered subgraph's definition, in registry order, imported from its package (which
 * exports it as `subgraph`). This package is the only one that imports every subgraph.
 */
export const subgraphs: readonly SubgraphDefinition[] = await Promise.all(
  subgraphRegistry.map(async (entry) => {
    const { subgraph } = (await import(entry.package)) as { subgraph?: SubgraphDefinition };
    if (subgraph?.name !== entry.name)
      throw new Error(`${entry.package} must export its definition as \`subgraph\`, named "${entry.name}"`);
    return subgraph;
  }),
);
