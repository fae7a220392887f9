/**
 * `pnpm compose`: composes the registered subgraphs and writes the committed supergraph
 * (packages/supergraph/supergraph.graphql). `pnpm compose --check`: fails when composition reports
 * a hint, or when the committed file differs.
 */
import { writeFileSync } from "node:fs";
import { supergraphSdl as committed, supergraphPath } from "@c360/supergraph";
import { compose } from "./compose";

const { supergraphSdl, hints } = compose();
for (const hint of hints) console.error(`hint ${hint.definition.code}: ${hint.message}`);
if (process.argv.includes("--check")) {
  if (committed() !== supergraphSdl) {
    console.error(`${supergraphPath} differs from a fresh composition: run \`pnpm compose\` and commit it`);
    process.exit(1);
  }
  if (hints.length) process.exit(1);
  console.log("supergraph is up to date, composition clean");
} else {
  writeFileSync(supergraphPath, supergraphSdl);
  console.log(`wrote ${supergraphPath} (${hints.length} hints)`);
}
