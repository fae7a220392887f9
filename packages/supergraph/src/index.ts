import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildASTSchema, type GraphQLSchema, Kind, parse } from "graphql";

/**
 * The composed supergraph: the SDL `pnpm compose` writes (and CI checks) and every federation router
 * serves, kept in this package of its own so that the gateway, the governance subgraph, the CLI and
 * the composition read one file without reaching into each other.
 */
export const supergraphPath = fileURLToPath(new URL("../supergraph.graphql", import.meta.url));

/** The committed supergraph SDL, or the one at `path` (`C360_SUPERGRAPH`). */
export const supergraphSdl = (path: string = supergraphPath): string => readFileSync(path, "utf8");

/** The client-facing schema of a supergraph SDL (federation types are present but unreachable). */
export function apiSchemaOf(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/** A subgraph as the supergraph records it: its name and URL (`join__Graph`). */
export interface SupergraphGraph {
  name: string;
  url: string;
}

/** The subgraphs a supergraph routes to, read from its `join__Graph` enum. */
export function graphsOf(sdl: string): SupergraphGraph[] {
  const graphs = parse(sdl).definitions.find(
    (d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === "join__Graph",
  );
  if (graphs?.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error("the supergraph has no join__Graph enum");
  return (graphs.values ?? []).map((value) => {
    const directive = value.directives?.find((d) => d.name.value === "join__graph");
    const argument = (name: string) => {
      const found = directive?.arguments?.find((a) => a.name.value === name)?.value;
      if (found?.kind !== Kind.STRING) throw new Error(`join__Graph.${value.name.value} has no ${name}`);
      return found.value;
    };
    return { name: argument("name"), url: argument("url") };
  });
}
