/**
 * `pnpm compose`: composes the registered subgraphs and writes the committed supergraph
 * (packages/supergraph/supergraph.graphql). `pnpm compose --check`: fails when the new graph breaks a
 * recorded client operation (gateway/operations/*.graphql: it no longer validates, or a breaking
 * change touches a field it uses; see schema-check.ts), when composition reports a hint, or when the
 * committed file (or the trusted documents, gateway/trusted-documents.json) differs from a fresh one.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { recordedOperations, trustedDocumentsJson, trustedDocumentsPath } from "@c360/gateway";
import { apiSchemaOf, supergraphSdl as committed, supergraphPath } from "@c360/supergraph";
import { printSchema } from "graphql";
import { compose } from "./compose";
import { schemaCheck } from "./schema-check";

const { supergraphSdl, hints } = compose();
for (const hint of hints) console.error(`hint ${hint.definition.code}: ${hint.message}`);
const api = (sdl: string) => printSchema(apiSchemaOf(sdl));
const problems = await schemaCheck(api(committed()), api(supergraphSdl), recordedOperations());
for (const p of problems) console.error(`breaks recorded operation ${p.operation}: ${p.coordinate}: ${p.message}`);
if (process.argv.includes("--check")) {
  if (problems.length || hints.length) process.exit(1);
  if (readFileSync(trustedDocumentsPath, "utf8") !== trustedDocumentsJson()) {
    console.error(`${trustedDocumentsPath} differs from gateway/operations: run \`pnpm compose\` and commit it`);
    process.exit(1);
  }
  if (committed() !== supergraphSdl) {
    console.error(`${supergraphPath} differs from a fresh composition: run \`pnpm compose\` and commit it`);
    process.exit(1);
  }
  console.log("supergraph is up to date, composition clean, every recorded operation still works");
} else {
  writeFileSync(supergraphPath, supergraphSdl);
  writeFileSync(trustedDocumentsPath, trustedDocumentsJson());
  console.log(`wrote ${supergraphPath} (${hints.length} hints, ${problems.length} recorded operations broken)`);
}
