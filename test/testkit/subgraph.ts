import type { Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { createSubgraphServer, type SubgraphDefinition, subgraphContext } from "@c360/subgraph-kit";
import { viewerFor } from "./identity";
import type { GraphQLResponse } from "./stack";

/** Runs one operation against a subgraph in process (no HTTP) as `viewer` (an admin by default), with fresh loaders. */
export async function executeSubgraph<T = Record<string, unknown>>(
  definition: SubgraphDefinition,
  db: Database,
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer = viewerFor("c360_admin"),
): Promise<GraphQLResponse<T>> {
  const server = createSubgraphServer(definition, false);
  await server.start();
  try {
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: subgraphContext(definition, db, viewer) },
    );
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return JSON.parse(JSON.stringify(response.body.singleResult)) as GraphQLResponse<T>;
  } finally {
    await server.stop();
  }
}
