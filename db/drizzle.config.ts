import { subgraphRegistry } from "@c360/registry";
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
  // Each registered subgraph's own schema, plus the load metadata every data product reports.
  schemaFilter: [...subgraphRegistry.map((s) => s.schema), "meta"],
});
