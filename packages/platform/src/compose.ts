import { composeServices } from "@apollo/composition";
import { subgraphRegistry } from "@c360/registry";
import { subgraphTypeDefs } from "@c360/subgraph-kit";
import { concatAST } from "graphql";
import { subgraphs } from "./subgraphs";

type CompositionHint = NonNullable<ReturnType<typeof composeServices>["hints"]>[number];

/** The URL the composed supergraph records for a subgraph: its registered port on loopback. */
export function defaultUrlOf(name: string): string {
  const entry = subgraphRegistry.find((s) => s.name === name);
  if (!entry) throw new Error(`subgraph ${name} is not in the registry`);
  return `http://127.0.0.1:${entry.port}/graphql`;
}

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

/** Composes the registered subgraphs with @apollo/composition; throws listing every error. */
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
