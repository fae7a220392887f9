import { availableParallelism } from "node:os";
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
    // One spec file per core, where vitest's default keeps one core free: on a 2-core machine that
    // is a single file at a time, while most specs wait on their servers, processes and database
    // (2 workers: Postgres 350 -> 216-255 s, PGlite 490 -> 356-378 s).
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
