/**
 * `pnpm compose`: composes the registered subgraphs and writes the committed supergraph
 * (packages/supergraph/supergraph.graphql). `pnpm compose --check`: fails when the new graph breaks a
 * recorded client operation (gateway/operations/*.graphql: it no longer validates, or a breaking
 * change touches a field it uses; see schema-check.ts), when composition reports a hint, or when the
 * committed file (or the trusted documents, gateway/trusted-documents.json) differs from a fresh one.
 * `--base <git-ref>` also checks the new graph against the supergraph and the recorded operations as
 * committed at that ref (a branch's merge base): what clients built from it run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { recordedOperations, trustedDocumentsJson, trustedDocumentsPath } from "@c360/gateway";
import { apiSchemaOf, supergraphSdl as committed, supergraphPath } from "@c360/supergraph";
import { commitAt, GitRefError, repositoryRoot, supergraphAt } from "@c360/supergraph/git";
import { printSchema } from "graphql";
import { compose } from "./compose";
import { type RecordedOperation, type SchemaProblem, schemaCheck } from "./schema-check";

let options: { check?: boolean; base?: string };
try {
  options = parseArgs({ options: { check: { type: "boolean" }, base: { type: "string" } } }).values;
} catch (error) {
  console.error(`${(error as Error).message}\nusage: pnpm compose [--check] [--base <git-ref>]`);
  process.exit(2);
}

const { supergraphSdl, hints } = compose();
for (const hint of hints) console.error(`hint ${hint.definition.code}: ${hint.message}`);
const api = (sdl: string) => printSchema(apiSchemaOf(sdl));
const problems: SchemaProblem[] = await schemaCheck(api(committed()), api(supergraphSdl), recordedOperations());
if (options.base !== undefined) {
  try {
    const base = commitAt(repositoryRoot(), options.base);
    const operations: RecordedOperation[] = base
      .files("gateway/operations")
      .filter((path) => path.endsWith(".graphql"))
      .map((path) => ({ name: `${basename(path, ".graphql")} at ${base.label}`, query: base.show(path) ?? "" }));
    problems.push(...(await schemaCheck(api(supergraphAt(base)), api(supergraphSdl), operations)));
    console.log(`checked against ${base.label}: ${operations.length} recorded operations`);
  } catch (error) {
    if (!(error instanceof GitRefError)) throw error;
    console.error(`--base: ${error.message}`);
    process.exit(2);
  }
}
for (const p of problems) console.error(`breaks recorded operation ${p.operation}: ${p.coordinate}: ${p.message}`);
if (options.check) {
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
