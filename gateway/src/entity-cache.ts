import { createHash } from "node:crypto";
import { policyVersion } from "@c360/auth";
import { metrics } from "@c360/observability";
import type { GatewayContext } from "./audit";
import { canonical, type ExpiringBounds, ExpiringStore, identityScope } from "./expiring";

export interface EntityCacheOptions extends ExpiringBounds {
  /** By subgraph, the entity types it owns that may be kept: shared reference data (the catalog's products, ...). */
  types: ReadonlyMap<string, ReadonlySet<string>>;
  /** The data's version (the latest load): entities of another version are never served. */
  dataVersion(): number;
}

/** A subgraph fetch as the query plan makes it. */
export interface EntityFetch {
  query: string;
  variables: Record<string, unknown> | undefined;
}

/** What a subgraph answered, as JSON. */
type Body = { data?: { _entities?: unknown } | null; errors?: unknown; extensions?: Record<string, unknown> };

/** The planner names each fetch after the client's operation (`Customer360__product__2`): not part of its meaning. */
const operationName = /^query [_A-Za-z][_0-9A-Za-z]*/;

/**
 * Reference entities (the catalog's products, ...) the gateway keeps for a while: a query plan's
 * `_entities` fetch of such types asks the subgraph only for the ones not kept, and every request
 * of a Customer 360 names the products of its line items. An entity is kept under the subgraph, the
 * caller's identity scope (the policy's roles it holds and its markets: one scope's entities are
 * never served to another), the policy's version, the data's version (a load replaces them all),
 * the fetch's selection and its other variables, and the entity's representation. Only answers
 * without errors and without personal data are kept, as JSON text, so that no request can change
 * what another is served (the gateway merges into the entities it receives). An entity the plan
 * names more than once is asked for once. A fetch partly answered from the cache, or reduced, that
 * then fails or answers out of shape is made again whole, so its errors keep their paths.
 */
export class EntityCache {
  private readonly entries: ExpiringStore<string>;
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly options: EntityCacheOptions) {
    this.entries = new ExpiringStore(options);
  }

  async resolve(
    subgraph: string,
    context: GatewayContext,
    request: EntityFetch,
    fetch: (variables: Record<string, unknown> | undefined) => Promise<unknown>,
  ): Promise<unknown> {
    const { variables } = request;
    const representations = variables?.representations;
    const types = this.options.types.get(subgraph);
    if (!types || !Array.isArray(representations) || !representations.every((r) => typeOf(r, types)))
      return fetch(variables);
    const { representations: _, ...others } = variables as Record<string, unknown>;
    const prefix = createHash("sha256")
      .update(
        JSON.stringify([
          subgraph,
          identityScope(context.viewer),
          policyVersion,
          this.options.dataVersion(),
          request.query.replace(operationName, "query"),
          canonical(others),
        ]),
      )
      .digest("base64");
    const keys = representations.map((r) => `${prefix}${JSON.stringify(canonical(r))}`);
    const entities: unknown[] = keys.map((key) => {
      const text = this.entries.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    });
    // The entities not kept, each asked for once however often the plan names it.
    const wanted = new Map<string, number[]>();
    entities.forEach((entity, at) => {
      if (entity !== undefined) return;
      const key = keys[at] as string;
      const positions = wanted.get(key);
      if (positions) positions.push(at);
      else wanted.set(key, [at]);
    });
    const missing = [...wanted.values()];
    const misses = missing.reduce((n, at) => n + at.length, 0);
    this.count("hits", representations.length - misses);
    this.count("misses", misses);
    if (misses === 0) return { data: { _entities: entities } };
    const whole = missing.length === representations.length;
    const body = (await fetch(
      whole ? variables : { ...others, representations: missing.map(([at]) => representations[at as number]) },
    )) as Body;
    const answered = body.data?._entities;
    const clean = body.errors === undefined && Array.isArray(answered) && answered.length === missing.length;
    if (!clean) return whole ? body : fetch(variables);
    const personal = body.extensions !== undefined && Object.keys(body.extensions).length > 0;
    missing.forEach(([first, ...more], j) => {
      const entity = answered[j];
      const text = JSON.stringify(entity);
      entities[first as number] = entity;
      for (const at of more) entities[at] = JSON.parse(text);
      if (!personal && entity !== null && typeof entity === "object")
        this.entries.set(keys[first as number] as string, text, text.length);
    });
    return { ...body, data: { ...body.data, _entities: entities } };
  }

  private count(outcome: "hits" | "misses", n: number) {
    this.stats[outcome] += n;
    metrics.cacheLookups.inc({ cache: "entity", outcome: outcome === "hits" ? "hit" : "miss" }, n);
  }

  /** How many entities are kept, and their bytes. */
  get size(): { entries: number; bytes: number } {
    return this.entries.size;
  }
}

function typeOf(representation: unknown, types: ReadonlySet<string>): boolean {
  const type = (representation as { __typename?: unknown } | null)?.__typename;
  return typeof type === "string" && types.has(type);
}
