/**
 * Removing a subgraph's registry line removes it everywhere: with the registry as it would be without
 * `governance`, the configuration, the loaded definitions, the composition, codegen and drizzle-kit's
 * schema filter all lose it, and nothing else has to change.
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("@c360/registry", async (original) => {
  const actual = await original<typeof import("@c360/registry")>();
  return { ...actual, subgraphRegistry: actual.subgraphRegistry.filter((s) => s.name !== "governance") };
});

describe("the registry without one line", () => {
  it("drops that subgraph from every consumer", async () => {
    const { loadConfig, settings } = await import("@c360/config");
    const { compose, subgraphs } = await import("@c360/platform");
    const { graphsOf } = await import("@c360/supergraph");
    const codegen = (await import("../../codegen")).default;
    const drizzle = (await import("../../db/drizzle.config")).default as { schemaFilter: string[] };
    const { supergraphSdl } = compose();
    expect({
      port: "governance" in loadConfig({}).ports,
      setting: "C360_GOVERNANCE_PORT" in settings,
      loaded: subgraphs.map((s) => s.name).includes("governance"),
      composed: graphsOf(supergraphSdl).map((g) => g.name),
      auditorFields: supergraphSdl.includes("accessEvents"),
      codegen: Object.keys(codegen.generates).filter((file) => file.includes("governance")),
      schemas: drizzle.schemaFilter,
    }).toEqual({
      port: false,
      setting: false,
      loaded: false,
      composed: ["customer", "cx-kpi", "insights", "logistics", "product", "sales"],
      auditorFields: false,
      codegen: [],
      schemas: ["customer", "sales", "product", "logistics", "cx", "insights", "meta"],
    });
  });
});
