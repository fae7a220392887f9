#!/usr/bin/env node
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

registerDataCommands(program);
registerAccessCommands(program);

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = process.exitCode || 1;
});
