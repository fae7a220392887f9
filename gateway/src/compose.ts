import { readFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { defaultPorts, subgraphTypeDefs } from "@c360/subgraph-kit";
import { concatAST } from "graphql";
import { subgraphs } from "./subgraphs";

export const supergraphPath = new URL("../supergraph.graphql", import.meta.url);

/** The URL the composed supergraph records for a subgraph: its contract port on loopback. */
type CompositionHint = NonNullable<ReturnType<typeof composeServices>["hints"]>[number];

export const defaultUrlOf = (name: string) => `http://127.0.0.1:${defaultPorts[name]}/graphql`;

/**
 * The one hint that is expected by design: each subgraph contributes its own field to the shared
 * `DataProducts` value type, so no subgraph defines all of them.
 */
const isAccepted = (hint: CompositionHint) =>
  hint.definition.code === "INCONSISTENT_OBJECT_VALUE_TYPE_FIELD" && hint.message.startsWith('Field "DataProducts.');

export interface Composition {
  supergraphSdl: string;
  hints: CompositionHint[];
}

/** Composes the five subgraphs with @apollo/composition; throws listing every error. */
export function compose(): Composition {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: defaultUrlOf(s.name), typeDefs: concatAST(subgraphTypeDefs(s)) })),
  );
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => `  ${e.message}`).join("\n")}`);
  return {
    supergraphSdl: result.supergraphSdl,
    hints: result.hints.filter((h) => !isAccepted(h)),
  };
}

/** The committed supergraph, which the gateway serves. */
export const committedSupergraph = () => readFileSync(supergraphPath, "utf8");
