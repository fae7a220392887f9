/**
 * The access property, tested on generated documents: for every role and several market scopes,
 * random operations over the composed schema (entities, aliases, inline and named fragments, real
 * ids inside and outside the scope) are sent through our gateway (POST and GET), through Hive
 * Gateway, and straight at each subgraph (root fields and `_entities`, POST and GET). It fails if
 * any response carries a value of a field the policy denies that role, or a row outside the token's
 * markets. And the trail's property: the customers whose personal values a response carries (found by
 * walking it with the policy's key fields, which every generated selection carries) are the persons
 * the subgraph reports (`extensions.personalData`) and the gateway's access event names, by both of
 * the gateway's paths (its own and Apollo Server's), and no other. Deterministic for
 * `C360_PROPERTY_SEED` (default 1); `C360_PROPERTY_DOCUMENTS` scales it.
 */

import { createRequire } from "node:module";
import { entitlementsOf, mayRead, personalCoordinates, personalData, type RoleName, roleNames } from "@c360/auth";
import { marketplaceOfCountry, marketplaces, Random, seed } from "@c360/db";
import { subgraphs } from "@c360/platform";
import { buildUnguardedSchema } from "@c360/subgraph-kit";
import { apiSchemaOf, supergraphSdl } from "@c360/supergraph";
import {
  buildSchema,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  isUnionType,
  Kind,
  parse,
  type SelectionSetNode,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APOLLO_ONLY } from "../testkit/direct";
import { DocumentGenerator, type ValuePools } from "../testkit/generate";
import { startHiveRouter } from "../testkit/hive";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, type GraphQLResponse, send, startProcessTestStack, type TestStack } from "../testkit/stack";

const propertySeed = process.env.C360_PROPERTY_SEED ?? "1";
const perTarget = Number(process.env.C360_PROPERTY_DOCUMENTS ?? "3");
const scopes: (string[] | null)[] = [null, ["DE"], ["US", "UK"]];

let t: TestStack<Endpoints>;
let hive: { url: string; stop(): Promise<void> };
let pools: ValuePools;
/** The market of every row a response can carry, by type and id (null: a country with no marketplace). */
const marketOf = new Map<string, string | null>();
/** The customer every row of a customer's record belongs to, by type and id: what its key field must say. */
const ownerOf = new Map<string, string>();
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  hive = await startHiveRouter(t.stack);
  const rows = async (type: string, sql: string) => {
    const found = await t.db.query<{ id: string; market: string | null; customer?: string | null }>(sql);
    for (const r of found) {
      marketOf.set(`${type}:${r.id}`, r.market);
      if (r.customer) ownerOf.set(`${type}:${r.id}`, r.customer);
    }
    return found.map((r) => r.id);
  };
  const customers = await rows(
    "Customer",
    "SELECT customer_id AS id, country AS market, customer_id AS customer FROM customer.customers",
  );
  for (const id of customers) {
    const key = `Customer:${id}`;
    marketOf.set(key, marketplaceOfCountry(marketOf.get(key) ?? ""));
  }
  const byCustomer = `JOIN customer.customers c USING (customer_id)`;
  await rows(
    "SupportTicket",
    `SELECT ticket_id AS id, c.country AS market, customer_id AS customer FROM customer.support_tickets ${byCustomer}`,
  );
  await rows(
    "AppSession",
    `SELECT usage_id AS id, c.country AS market, customer_id AS customer FROM customer.app_usage ${byCustomer}`,
  );
  for (const [key, country] of marketOf)
    if (key.startsWith("SupportTicket:") || key.startsWith("AppSession:"))
      marketOf.set(key, marketplaceOfCountry(country ?? ""));
  const transactions = await rows(
    "Transaction",
    "SELECT transaction_id AS id, marketplace AS market, customer_id AS customer FROM sales.transactions",
  );
  await rows(
    "TransactionItem",
    "SELECT item_id AS id, t.marketplace AS market, t.customer_id AS customer FROM sales.transaction_items JOIN sales.transactions t USING (transaction_id)",
  );
  const shipments = await rows(
    "Shipment",
    "SELECT shipment_id AS id, marketplace AS market, customer_id AS customer FROM logistics.shipments",
  );
  await rows(
    "TrackingEvent",
    "SELECT event_id AS id, s.marketplace AS market, s.customer_id AS customer FROM logistics.tracking_events JOIN logistics.shipments s USING (shipment_id)",
  );
  const ids = async (sql: string) => (await t.db.query<{ id: string }>(sql)).map((r) => r.id);
  // A few of each, from every market: the generator draws ids inside and outside any scope.
  const sample = (list: string[], n = 40) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0);
  pools = {
    ids: {
      customer: sample(customers),
      transaction: sample(transactions),
      shipment: sample(shipments),
      trackingNumber: await ids("SELECT tracking_number AS id FROM logistics.shipments ORDER BY shipment_id LIMIT 40"),
      product: await ids("SELECT product_id AS id FROM product.products ORDER BY 1 LIMIT 20"),
      supplier: await ids("SELECT supplier_id AS id FROM product.suppliers ORDER BY 1 LIMIT 10"),
      location: await ids("SELECT location_id AS id FROM logistics.warehouse_locations ORDER BY 1 LIMIT 10"),
      marketplace: Object.keys(marketplaces),
    },
    roles: roleNames,
    markets: Object.keys(marketplaces),
  };
});
afterAll(async () => {
  await hive?.stop();
  await t?.dispose();
});

/** Fields of `set` that apply to an object of `typename`, through inline and named fragments, by response key. */
function fieldsFor(
  set: SelectionSetNode,
  typename: string,
  fragments: Map<string, FragmentDefinitionNode>,
  out = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const key = s.alias?.value ?? s.name.value;
      out.set(key, [...(out.get(key) ?? []), s]);
    } else {
      const fragment = s.kind === Kind.FRAGMENT_SPREAD ? fragments.get(s.name.value) : s;
      const condition = fragment?.typeCondition?.name.value;
      if (fragment && (!condition || condition === typename))
        fieldsFor(fragment.selectionSet, typename, fragments, out);
    }
  }
  return out;
}

interface Findings {
  violations: string[];
  /** Responses whose persons were held to the trail's report, and the persons they carried. */
  reports: number;
  persons: number;
  /** Field values checked against the policy, denied fields seen (null with FORBIDDEN), rows checked against the scope. */
  values: number;
  denied: number;
  rows: number;
}

/**
 * The subgraph that owns each entity (ARCHITECTURE.md §3). Another subgraph answers `_entities` for
 * a type it only extends with a stub holding the key the caller sent and its own fields, which are
 * scoped like any other rows: the stub itself is an echo of the request, not a row.
 */
const owners: Record<string, string> = {
  Customer: "customer",
  Transaction: "sales",
  Shipment: "logistics",
  Location: "logistics",
  Product: "product",
  Supplier: "product",
  Marketplace: "cx-kpi",
};

/** The customers whose personal values a response carried; `unnamed` when one's key was null. */
interface Persons {
  ids: Set<string>;
  unnamed: boolean;
}

const personal = new Set(personalCoordinates);
const keyOf = new Map(personalData.map((p) => [p.type, p.key]));

/** The person `object` (of `typename`) belongs to: its key field's value, under whichever response key selected it. */
function personOf(object: Record<string, unknown>, typename: string, fields: Map<string, FieldNode[]>): unknown {
  const key = keyOf.get(typename);
  for (const [responseKey, nodes] of fields)
    if (nodes[0]?.name.value === key && typeof object[responseKey] === "string") return object[responseKey];
  return null;
}

/**
 * Walks `data` along `document`: every value must be one the role may read, every row one the scope
 * admits (`target`: the subgraph answered directly, whose `_entities` stubs of others' types are echoes).
 * Returns whose personal values it carried.
 */
function check(
  document: string,
  data: unknown,
  role: RoleName,
  scope: string[] | null,
  where: string,
  found: Findings,
  target?: string,
): Persons {
  const persons: Persons = { ids: new Set(), unnamed: false };
  const parsed = parse(document);
  const fragments = new Map(
    parsed.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const operation = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return persons;
  const held = entitlementsOf([role]);
  const visit = (value: unknown, set: SelectionSetNode, typename: string, path: string): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, set, typename, `${path}.${i}`);
      return;
    }
    const object = value as Record<string, unknown>;
    const actual = typeof object.__typename === "string" ? object.__typename : typename;
    const key = String(object.id ?? object.code ?? object.marketplace ?? object.country ?? "");
    const market =
      actual === "Marketplace" || actual.endsWith("Kpi")
        ? key || undefined
        : actual === "RegionalSales"
          ? marketplaceOfCountry(key)
          : marketOf.get(`${actual}:${key}`);
    const echo = target !== undefined && /^data\._entities\.\d+$/.test(path) && owners[actual] !== target;
    if (market !== undefined && key && !echo) {
      found.rows++;
      if (scope !== null && (market === null || !scope.includes(market)))
        found.violations.push(`${where}: ${path} is a ${actual} row of market ${market}, outside ${scope.join(",")}`);
    }
    const fields = fieldsFor(set, actual, fragments);
    const owner = echo ? undefined : ownerOf.get(`${actual}:${key}`);
    const named = personOf(object, actual, fields);
    if (owner !== undefined && named !== null && named !== owner)
      found.violations.push(`${where}: ${path} is ${owner}'s ${actual}, but its key names ${String(named)}`);
    for (const [responseKey, nodes] of fields) {
      const field = nodes[0] as FieldNode;
      if (field.name.value === "__typename" || !(responseKey in object)) continue;
      const coordinate = `${actual}.${field.name.value}`;
      const child = object[responseKey];
      if (coordinate !== "Query._entities" && !mayRead(held, coordinate)) {
        if (child !== null) found.violations.push(`${where}: ${path}.${responseKey} (${coordinate}) carried a value`);
        else found.denied++;
        continue;
      }
      found.values++;
      if (child !== null && personal.has(coordinate)) {
        if (typeof named === "string") persons.ids.add(named);
        else persons.unnamed = true;
      }
      for (const node of nodes) if (node.selectionSet) visit(child, node.selectionSet, "", `${path}.${responseKey}`);
    }
  };
  visit(data, operation.selectionSet, "Query", "data");
  return persons;
}

/**
 * Whether every error of a response nulled its own field only. A value nulled by an error below it (a
 * non-null field refused) may have had its person noted already: the trail then names one more person
 * than the answer shows, erring towards naming, and only containment is held.
 */
function errorsLocal(response: GraphQLResponse): boolean {
  return (response.errors ?? []).every(({ path }) => {
    if (!path?.length) return false;
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((at, k) => (at as Record<string, unknown> | null)?.[k], response.data);
    return (
      typeof parent === "object" &&
      parent !== null &&
      (parent as Record<string, unknown>)[path.at(-1) as string] === null
    );
  });
}

/** Holds a report of persons (a subgraph's extension, a gateway's access event) to those the answer carried. */
function holdPersons(
  carried: Persons,
  reported: { keys: string[]; truncated: boolean },
  strict: boolean,
  where: string,
  found: Findings,
): void {
  found.reports++;
  found.persons += carried.ids.size;
  const missing = [...carried.ids].filter((id) => !reported.keys.includes(id));
  const extra = reported.keys.filter((id) => !carried.ids.has(id));
  if (missing.length || (carried.unnamed && !reported.truncated))
    found.violations.push(`${where}: the trail misses ${carried.unnamed ? "a person not named, " : ""}${missing}`);
  if (strict && (extra.length || reported.truncated !== carried.unnamed))
    found.violations.push(`${where}: the trail names persons whose data the answer did not carry: ${extra}`);
}

/**
 * Sends `document` to `url` as the role, by POST or by GET; `APOLLO` is a POST with an Accept header
 * only Apollo Server takes, past the gateway's own path.
 */
async function run(
  url: string,
  document: string,
  token: string,
  method: "GET" | "POST" | "APOLLO",
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "apollo-require-preflight": "1" };
  if (method === "APOLLO") headers.accept = APOLLO_ONLY;
  if (method === "GET") {
    target.searchParams.set("query", document);
    target.searchParams.set("variables", JSON.stringify(variables));
  } else headers["content-type"] = "application/json";
  const response = await send(t.stack, target.toString(), {
    method: method === "GET" ? "GET" : "POST",
    headers,
    ...(method === "GET" ? {} : { body: JSON.stringify({ query: document, variables }) }),
  });
  return (await response.json()) as GraphQLResponse;
}

/**
 * A subgraph's schema as this module's graphql build sees it (@apollo/subgraph builds with the
 * CommonJS build of graphql, whose types another build refuses), and the entity types it resolves
 * by key: the members of its `_Entity` union.
 */
function subgraphSchema(definition: (typeof subgraphs)[number]): { schema: GraphQLSchema; entities: string[] } {
  const commonJs = createRequire(import.meta.url)("graphql") as typeof import("graphql");
  const schema = buildSchema(commonJs.printSchema(buildUnguardedSchema(definition)));
  const entity = schema.getType("_Entity");
  return { schema, entities: isUnionType(entity) ? entity.getTypes().map((t) => t.name) : [] };
}

/** The persons the access events of the `persons-` subjects name, once all `count` are written. */
async function accessEvents(count: number): Promise<Map<string, { keys: string[]; truncated: boolean }>> {
  let rows: { subject: string; keys: string[]; truncated: boolean }[] = [];
  for (let waited = 0; rows.length < count && waited < 30_000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    rows = await t.db.query(
      "SELECT subject, customer_ids AS keys, customer_ids_truncated AS truncated FROM audit.access_events WHERE subject LIKE 'persons-%'",
    );
  }
  return new Map(rows.map(({ subject, ...persons }) => [subject, persons]));
}

describe("the access property, on generated documents", () => {
  it("no response carries a denied field's value or a row outside the token's markets", {
    timeout: 600_000,
  }, async () => {
    const rng = new Random(`property:${propertySeed}`);
    const api = apiSchemaOf(supergraphSdl());
    const apiRoots = Object.keys(api.getQueryType()?.getFields() ?? {});
    const direct = subgraphs.map((definition) => {
      const { schema, entities } = subgraphSchema(definition);
      const roots = Object.keys(schema.getQueryType()?.getFields() ?? {}).filter((f) => !f.startsWith("_"));
      return { name: definition.name, schema, roots, entities };
    });
    const found: Findings = { violations: [], reports: 0, persons: 0, values: 0, denied: 0, rows: 0 };
    const trails = new Map<string, { carried: Persons; strict: boolean; where: string }>();
    let documents = 0;
    let answered = 0;
    for (const role of roleNames) {
      for (const scope of scopes) {
        const token = await tokenFor(role, { subject: `property-${role}`, ...(scope ? { markets: scope } : {}) });
        const label = `${role}${scope ? `[${scope.join(",")}]` : ""}`;
        const apiGenerator = new DocumentGenerator(api, rng, pools);
        const routed = [
          ["gateway", t.stack.gatewayUrl, "POST"],
          ["gateway", t.stack.gatewayUrl, "APOLLO"],
          ["gateway", t.stack.gatewayUrl, "GET"],
          ["hive", hive.url, "POST"],
        ] as const;
        for (const [name, url, method] of routed) {
          for (let i = 0; i < perTarget; i++) {
            const roots = [rng.pick(apiRoots), rng.pick(apiRoots)];
            const document = apiGenerator.operation([...new Set(roots)], 4);
            // A subject of its own finds the request's access event (Hive Gateway writes no trail).
            const subject = `persons-${trails.size}`;
            const trailed = name === "gateway";
            const own = trailed ? await tokenFor(role, { subject, ...(scope ? { markets: scope } : {}) }) : token;
            const response = await run(url, document, own, method);
            documents++;
            if (response.data) answered++;
            const where = `${label} ${name} ${method} ${document}`;
            const carried = check(document, response.data, role, scope, where, found);
            if (trailed) trails.set(subject, { carried, strict: errorsLocal(response), where });
          }
        }
        for (const subgraph of direct) {
          const generator = new DocumentGenerator(subgraph.schema, rng, pools);
          for (let i = 0; i < perTarget; i++) {
            const method = i % 2 ? "GET" : "POST";
            const root = generator.operation([rng.pick(subgraph.roots)], 3);
            const types = subgraph.entities.filter(() => rng.chance(0.7));
            const representations = (types.length ? types : subgraph.entities).flatMap((typename) => {
              const pool = pools.ids[typename === "Marketplace" ? "marketplace" : typename.toLowerCase()] ?? [];
              return [rng.pick(pool), rng.pick(pool)].map((id) => {
                const key = typename === "Marketplace" ? { code: id } : { id };
                const buyer =
                  typename === "Transaction" && subgraph.name === "customer" ? pools.ids.customer : undefined;
                return { __typename: typename, ...key, ...(buyer ? { customerId: rng.pick(buyer) } : {}) };
              });
            });
            const entities = generator.entities(subgraph.entities, 2);
            for (const [document, variables] of [
              [root, {}],
              [entities, { representations }],
            ] as const) {
              const url = t.stack.subgraphUrls[subgraph.name] as string;
              const response = await run(url, document, token, method, variables);
              documents++;
              if (response.data) answered++;
              const where = `${label} ${subgraph.name} ${method} ${document}`;
              const carried = check(document, response.data, role, scope, where, found, subgraph.name);
              const report = response.extensions?.personalData as Parameters<typeof holdPersons>[1] | undefined;
              holdPersons(carried, report ?? { keys: [], truncated: false }, errorsLocal(response), where, found);
            }
          }
        }
      }
    }
    const events = await accessEvents(trails.size);
    for (const [subject, { carried, strict, where }] of trails) {
      const event = events.get(subject);
      if (event) holdPersons(carried, event, strict, `${where} (access event)`, found);
      else found.violations.push(`${where}: no access event`);
    }
    console.log(
      `access property (seed ${propertySeed}): ${documents} documents, ${answered} with data; ${found.values} readable values, ${found.denied} denied fields (null), ${found.rows} rows checked against the scope; ${found.reports} reports of persons held to the ${found.persons} persons the answers carried`,
    );
    expect(found.violations).toEqual([]);
    // The run exercised what it claims to: most documents ran, denials and scoped rows were met.
    expect(answered / documents).toBeGreaterThan(0.8);
    expect(found.denied).toBeGreaterThan(50);
    expect(found.rows).toBeGreaterThan(200);
    expect(found.persons).toBeGreaterThan(100);
  });
});
