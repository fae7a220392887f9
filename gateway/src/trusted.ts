/**
 * The trusted documents: the recorded client operations (`gateway/operations/*.graphql`) by the
 * SHA-256 of their text, in `gateway/trusted-documents.json` (written by `pnpm compose`, checked by
 * `pnpm compose --check`). In production a role held to trusted documents runs only these.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashDocument } from "./audit";
import { recordedOperations } from "./explorer";

export const trustedDocumentsPath = join(dirname(fileURLToPath(import.meta.url)), "../trusted-documents.json");

/** The registry's text as `pnpm compose` writes it: hash → { name, document }, in name order. */
export function trustedDocumentsJson(): string {
  const entries = recordedOperations().map((op) => [hashDocument(op.query), { name: op.name, document: op.query }]);
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

/**
 * The trusted documents as committed: each document's exact text to its name (text equal to a
 * registered one is the text its hash was made of).
 */
export function trustedDocuments(path = trustedDocumentsPath): ReadonlyMap<string, string> {
  const registry = JSON.parse(readFileSync(path, "utf8")) as Record<string, { name: string; document: string }>;
  return new Map(Object.values(registry).map(({ name, document }) => [document, name]));
}
