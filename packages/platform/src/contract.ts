import { contractSchemaObject } from "@c360/db";
import { durationMs, subgraphRegistry } from "@c360/registry";
import { schemaVersionOf } from "@c360/subgraph-kit";
import { stringify } from "yaml";
import { subgraphs } from "./subgraphs";

/** The ODCS release the contracts follow. */
const ODCS_VERSION = "v3.0.2";

/** A name that is not a registered data product; `names` are the valid ones. */
export class UnknownDataProductError extends Error {
  readonly code = "UNKNOWN_DATA_PRODUCT";
  constructor(
    name: string,
    readonly names: readonly string[],
  ) {
    super(`unknown data product "${name}": expected one of ${names.join(", ")}`);
    this.name = "UnknownDataProductError";
  }
}

/** A freshness SLA as ODCS writes one: a whole number of days, hours or minutes. */
function freshness(sla: string) {
  const minutes = durationMs(sla) / 60_000;
  const [value, unit] =
    minutes % 1440 === 0 ? [minutes / 1440, "d"] : minutes % 60 === 0 ? [minutes / 60, "h"] : [minutes, "m"];
  return { property: "freshness", value, unit, driver: "operational" };
}

/**
 * The data contract of one data product in the Open Data Contract Standard (v3.0.2), as a plain
 * object: owner and freshness SLA from the registry, description and tables from its subgraph, each
 * table's columns as migrated with their classification from the policy and its quality checks as
 * rules. Its version is pinned to the subgraph's SDL (`schemaVersion`), so a schema change shows.
 */
export function dataContract(name: string) {
  const registered = subgraphRegistry.find((s) => s.name === name);
  const definition = subgraphs.find((s) => s.name === name);
  if (!registered || !definition)
    throw new UnknownDataProductError(
      name,
      subgraphRegistry.map((s) => s.name),
    );
  const schemaVersion = schemaVersionOf(definition.typeDefs);
  return {
    apiVersion: ODCS_VERSION,
    kind: "DataContract",
    id: `urn:c360:data-product:${name}`,
    name,
    version: `1.0.0+${schemaVersion}`,
    status: "active",
    domain: registered.schema,
    dataProduct: name,
    description: {
      purpose: definition.description,
      usage: `Read through the c360 graph; every field is guarded by the access policy, and \`dataProducts\` reports its tables, freshness and latest checks.`,
    },
    team: [{ username: registered.owner, role: "owner" }],
    schema: definition.tables.map(({ table }) => contractSchemaObject(table)),
    ...(registered.freshnessSla ? { slaProperties: [freshness(registered.freshnessSla)] } : {}),
    customProperties: [{ property: "schemaVersion", value: schemaVersion }],
  };
}

/** `dataContract(name)` as the YAML document `c360 contract` writes. */
export const dataContractYaml = (name: string) => stringify(dataContract(name), { lineWidth: 0 });
