import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "db/test/**/*.spec.ts",
      "packages/*/test/**/*.spec.ts",
      "subgraphs/*/test/**/*.spec.ts",
      "gateway/test/**/*.spec.ts",
      "test/**/*.spec.ts",
    ],
    globalSetup: ["test/testkit/global-setup.ts"],
    setupFiles: ["test/testkit/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
