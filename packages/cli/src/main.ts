#!/usr/bin/env node
import { Command } from "commander";
import { registerAccessCommands } from "./access";
import { registerContractCommand } from "./contract";
import { registerDataCommands } from "./data";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command("c360")
  .description("c360: federated Customer 360 data-product gateway")
  .option("--verbose", "on an error, print its stack and causes too")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

registerDataCommands(program);
registerAccessCommands(program);
registerContractCommand(program);

/**
 * An error is one line: for a database that cannot be used, its cause and the fix; otherwise the
 * error's own message (the commands' messages name what, where and why). `--verbose` adds the stack
 * and every cause.
 */
program.parseAsync().catch(async (error: unknown) => {
  const { explainDatabaseError } = await import("@c360/db-client");
  console.error(explainDatabaseError(error) ?? (error instanceof Error ? error.message : String(error)));
  if (program.opts().verbose)
    for (let e = error; e instanceof Error; e = e.cause) console.error(e === error ? e.stack : `cause: ${e.stack}`);
  process.exitCode = process.exitCode || 1;
});
