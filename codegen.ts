import { subgraphRegistry } from "@c360/registry";
import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * `pnpm codegen`: typed resolvers for every registered subgraph (federation-aware), into
 * src/generated/, each GraphQL type mapped to the row type its data module resolves it from.
 */
const config: CodegenConfig = {
  overwrite: true,
  generates: Object.fromEntries(
    subgraphRegistry.map(({ name, mappers }) => [
      `subgraphs/${name}/src/generated/resolvers-types.ts`,
      {
        schema: [
          "packages/subgraph-kit/codegen-directives.graphql",
          "packages/subgraph-kit/shared.graphql",
          `subgraphs/${name}/schema.graphql`,
        ],
        plugins: ["typescript", "typescript-resolvers"],
        config: {
          federation: true,
          useTypeImports: true,
          contextType: "../schema#Context",
          mappers,
          scalars: {
            Date: "string",
            DateTime: { input: "Date", output: "Date | string" },
            Decimal: "string",
            BigInt: { input: "bigint", output: "string | number" },
          },
          enumsAsTypes: true,
          avoidOptionals: { field: true },
        },
      },
    ]),
  ),
};

export default config;
