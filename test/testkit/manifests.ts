import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const base = fileURLToPath(new URL("../../deploy/k8s/base/", import.meta.url));

type Container = { env?: { name: string; value?: string }[] };

/**
 * The `NODE_OPTIONS` a service's Deployment sets (its V8 heap cap, two thirds of its memory limit),
 * read from the committed manifests (`deploy/k8s/base/<name>.yaml`), so a test can start a process
 * with the heap it gets in production.
 */
export function manifestNodeOptions(name: string): string {
  const objects = parseAllDocuments(readFileSync(`${base}${name}.yaml`, "utf8")).map(
    (d) => d.toJSON() as { kind: string; spec?: { template?: { spec?: { containers?: Container[] } } } },
  );
  const containers = objects.find((o) => o.kind === "Deployment")?.spec?.template?.spec?.containers ?? [];
  const value = containers[0]?.env?.find((e) => e.name === "NODE_OPTIONS")?.value;
  if (!value) throw new Error(`deploy/k8s/base/${name}.yaml: no NODE_OPTIONS in its Deployment`);
  return value;
}
