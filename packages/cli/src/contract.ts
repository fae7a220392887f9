import { writeFileSync } from "node:fs";
import type { Command } from "commander";

/** `contract <data-product>`: its data contract (ODCS v3), offline, to stdout or a file. */
export function registerContractCommand(program: Command): void {
  program
    .command("contract")
    .description("write a data product's contract in the Open Data Contract Standard (v3.0.2 YAML)")
    .argument("<subgraph>", "the data product (subgraph) name: customer, sales, product, ...")
    .option("-o, --output <file>", "write it to this file instead of stdout")
    .action(async (name: string, options: { output?: string }) => {
      const { dataContractYaml } = await import("@c360/platform");
      const yaml = dataContractYaml(name);
      if (options.output === undefined) process.stdout.write(yaml);
      else writeFileSync(options.output, yaml);
    });
}
