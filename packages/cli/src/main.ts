#!/usr/bin/env -S npx tsx
import { databaseConfigFromEnv, openDatabase } from "@c360/db-client";
import { Command } from "commander";
import { registerAccessCommands } from "./access";
import { registerDataCommands } from "./data";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command("c360")
  .description("c360: federated Customer 360 data-product gateway")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

// Loads and checks may run long: no statement timeout for the CLI's own connection.
registerDataCommands(program, () => openDatabase({ ...databaseConfigFromEnv(), statementTimeoutMs: 0 }));
registerAccessCommands(program);

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = process.exitCode || 1;
});
