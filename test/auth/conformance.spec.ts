import { entitlementsOf, mayRead, type RoleName, roleNames } from "@c360/auth";
import { runQualityChecks, seed } from "@c360/db";
import { subgraphs } from "@c360/platform";
import { limits, subgraphTypeDefs } from "@c360/subgraph-kit";
import { apiSchemaOf, supergraphSdl } from "@c360/supergraph";
import {
  concatAST,
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isNonNullType,
  isObjectType,
  Kind,
  print,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHiveRouter } from "../testkit/hive";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * The conformance matrix: for every role and every field of the supergraph, a probe through the
 * gateway is allowed exactly when the policy says so; the same probes sent straight to the owning
 * subgraph (root fields and `_entities`) give the same answers.
 */

const supergraph = apiSchemaOf(supergraphSdl());
const machinery = /^(__|_|join__|link__)/;
const queryType = supergraph.getQueryType() as GraphQLObjectType;

let t: TestStack;
let hive: Awaited<ReturnType<typeof startHiveRouter>>;
let args: Record<string, string>;
let keys: Record<string, Record<string, string>>;
const tokens = new Map<RoleName, string>();
const verified = new Map<string, Map<RoleName, boolean>>();

beforeAll(async () => {
  t = await startTestStack(async ({ db }) => {
    await seed(db, { scale: 0.01, seed: 1 });
    await runQualityChecks(db);
  });
  // Entities with every relationship the probes walk through.
  const one = async (sql: string) => ((await t.db.query<{ id: string }>(sql))[0] as { id: string }).id;
  const customer = await one(`SELECT c.customer_id AS id FROM customer.customers c
    JOIN customer.loyalty_program USING (customer_id) JOIN customer.support_tickets USING (customer_id)
    JOIN customer.app_usage USING (customer_id) JOIN sales.transactions USING (customer_id) ORDER BY 1 LIMIT 1`);
  const transaction = await one(`SELECT t.transaction_id AS id FROM sales.transactions t
    JOIN logistics.shipments s USING (transaction_id) ORDER BY 1 LIMIT 1`);
  const buyer = await one(`SELECT customer_id AS id FROM sales.transactions WHERE transaction_id = '${transaction}'`);
  const product = await one(`SELECT p.product_id AS id FROM product.products p
    JOIN product.inventory USING (product_id) JOIN product.product_suppliers USING (product_id) ORDER BY 1 LIMIT 1`);
  const supplier = await one("SELECT supplier_id AS id FROM product.product_suppliers ORDER BY 1 LIMIT 1");
  const shipment = await one("SELECT shipment_id AS id FROM logistics.tracking_events ORDER BY 1 LIMIT 1");
  const tracking = await one(`SELECT tracking_number AS id FROM logistics.shipments WHERE shipment_id = '${shipment}'`);
  const location = await one("SELECT location_id AS id FROM logistics.warehouse_locations ORDER BY 1 LIMIT 1");
  const kpi = '(filter: { from: "2025-04-01", to: "2025-04-02" })';
  const marketKpi = '(from: "2025-04-01", to: "2025-04-02")';
  args = {
    "Query.customer": `(id: "${customer}")`,
    "Query.customers": "(first: 1)",
    // One row of each list: customer care reads personal data of at most 20 customers per request.
    "Query.supportTickets": "(first: 1)",
    "Query.transactions": "(first: 1)",
    "Query.shipments": "(first: 1)",
    "Query.transaction": `(id: "${transaction}")`,
    "Query.regionalSales": '(filter: { from: "2025-01-01", to: "2025-01-02" })',
    "Query.product": `(id: "${product}")`,
    "Query.products": "(first: 1)",
    "Query.supplier": `(id: "${supplier}")`,
    "Query.shipment": `(id: "${shipment}")`,
    "Query.shipmentByTrackingNumber": `(trackingNumber: "${tracking}")`,
    "Query.location": `(id: "${location}")`,
    "Query.marketplace": '(code: "US")',
    "Query.discoverKpis": kpi,
    "Query.purchaseKpis": kpi,
    "Query.fulfillmentKpis": kpi,
    "Query.funnel": kpi,
    "Query.explainAccess": '(role: "auditor", document: "{ dataProducts { customer { name } } }")',
    "Marketplace.discoverKpis": marketKpi,
    "Marketplace.purchaseKpis": marketKpi,
    "Marketplace.fulfillmentKpis": marketKpi,
  };
  keys = {
    Customer: { id: customer },
    Transaction: { id: transaction, customerId: buyer },
    Product: { id: product },
    Supplier: { id: supplier },
    Shipment: { id: shipment },
    Location: { id: location },
    Marketplace: { code: "US" },
  };
  for (const role of roleNames) tokens.set(role, await tokenFor(role));
  // The access trail needs an event in it for AccessEvent's fields to be probed.
  await t.query("{ dataProducts { customer { name } } }");
  await t.stack.audit.flush();
  hive = await startHiveRouter(t.stack);
});
afterAll(async () => {
  await hive.stop();
  await t.dispose();
});

/** The fields clients can select: federation machinery and `@inaccessible` fields (planner-only) aside. */
const ownFields = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter(
    (f) => !machinery.test(f.name) && !f.astNode?.directives?.some((d) => d.name.value === "inaccessible"),
  );

/** `name(args) { __typename }` for object fields, `name` for leaves: selects every field of a type. */
function selectAll(typeName: string, fields: readonly GraphQLField<unknown, unknown>[]): string {
  return fields
    .map(
      (f) =>
        `${f.name}${args[`${typeName}.${f.name}`] ?? ""}${isObjectType(getNamedType(f.type)) ? " { __typename }" : ""}`,
    )
    .join(" ");
}

/** The shortest path from Query to each object type, as [coordinate, selection] steps. */
function pathsToTypes(): Map<string, [string, string][]> {
  const paths = new Map<string, [string, string][]>([["Query", []]]);
  const queue = ["Query"];
  while (queue.length) {
    const typeName = queue.shift() as string;
    const type = supergraph.getType(typeName) as GraphQLObjectType;
    for (const field of ownFields(type)) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || paths.has(target.name) || machinery.test(target.name)) continue;
      const coordinate = `${typeName}.${field.name}`;
      paths.set(target.name, [...(paths.get(typeName) ?? []), [coordinate, `${field.name}${args[coordinate] ?? ""}`]]);
      queue.push(target.name);
    }
  }
  paths.delete("Query");
  return paths;
}

/** Root fields in groups small enough for the root-field limit. */
const inBatches = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / limits.rootFields) }, (_, i) =>
    items.slice(i * limits.rootFields, (i + 1) * limits.rootFields),
  );

type Response = { errors?: { extensions?: { code?: string; coordinate?: string } }[] };

const nonNull = new Set(
  Object.values(supergraph.getTypeMap())
    .filter((x) => isObjectType(x) && !machinery.test(x.name))
    .flatMap((x) =>
      Object.values((x as GraphQLObjectType).getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => `${x.name}.${f.name}`),
    ),
);

/**
 * The denials a response must report: exactly `expected`, except where a denied field is non-null
 * (the policy test allows that only where the role reads nothing else of the type): its parent
 * becomes null and graphql stops at the first such error, so then a non-empty subset is right.
 */
function expectDenied(response: Response, expected: string[], label: Record<string, string>) {
  const actual = denials(response);
  if (expected.some((c) => nonNull.has(c))) {
    expect({
      ...label,
      someDenied: actual.length > 0,
      unexpected: actual.filter((c) => !expected.includes(c)),
    }).toEqual({
      ...label,
      someDenied: true,
      unexpected: [],
    });
  } else {
    expect({ ...label, denied: actual }).toEqual({ ...label, denied: expected });
  }
}

/** The coordinates a response reports as FORBIDDEN; any other error fails the test. */
function denials(response: Response): string[] {
  const other = (response.errors ?? []).filter((e) => e.extensions?.code !== "FORBIDDEN");
  expect(other).toEqual([]);
  return (response.errors ?? []).map((e) => e.extensions?.coordinate as string).sort();
}

function record(coordinate: string, role: RoleName, allowed: boolean) {
  const row = verified.get(coordinate) ?? new Map<RoleName, boolean>();
  row.set(role, allowed);
  verified.set(coordinate, row);
}

describe("conformance matrix", () => {
  it.each([
    ["our gateway (@apollo/gateway)", () => t.stack.gatewayUrl],
    ["Hive Gateway over the same supergraph and subgraphs", () => hive.url],
  ])("through %s: every role x every field is allowed exactly when the policy says so", async (router, urlOf) => {
    const url = urlOf();
    verified.clear();
    const paths = pathsToTypes();
    const rootFields = ownFields(queryType).map((f) => f.name);
    expect([...paths.keys()].length).toBeGreaterThan(30);
    for (const role of roleNames) {
      const held = entitlementsOf([role]);
      for (const [typeName, path] of paths) {
        const type = supergraph.getType(typeName) as GraphQLObjectType;
        const fields = ownFields(type);
        const query = `{ ${path.map(([, s]) => `${s} {`).join(" ")} ${selectAll(typeName, fields)} ${"}".repeat(path.length)} }`;
        const firstDenied = path.map(([c]) => c).find((c) => !mayRead(held, c));
        const expected = firstDenied
          ? [firstDenied]
          : fields
              .map((f) => `${typeName}.${f.name}`)
              .filter((c) => !mayRead(held, c))
              .sort();
        expectDenied(await t.query(query, {}, { url, token: tokens.get(role) }), expected, { router, role, typeName });
        if (!firstDenied)
          for (const f of fields) record(`${typeName}.${f.name}`, role, mayRead(held, `${typeName}.${f.name}`));
      }
      for (const batch of inBatches(rootFields)) {
        const roots = await t.query(
          `{ ${batch.map((f) => `${f}${args[`Query.${f}`] ?? ""} { __typename }`).join(" ")} }`,
          {},
          { url, token: tokens.get(role) },
        );
        const expectedRoots = batch
          .map((f) => `Query.${f}`)
          .filter((c) => !mayRead(held, c))
          .sort();
        expectDenied(roots, expectedRoots, { router, role });
      }
      for (const f of rootFields) record(`Query.${f}`, role, mayRead(held, `Query.${f}`));
    }
    const all = Object.values(supergraph.getTypeMap())
      .filter((x) => isObjectType(x) && !machinery.test(x.name))
      .flatMap((x) => ownFields(x as GraphQLObjectType).map((f) => `${x.name}.${f.name}`));
    expect(all.filter((c) => !verified.has(c))).toEqual([]);
    const header = `${"coordinate".padEnd(40)} ${roleNames.map((r) => r.slice(0, 6).padEnd(6)).join(" ")}`;
    const lines = [...verified.keys()]
      .sort()
      .map((c) => `${c.padEnd(40)} ${roleNames.map((r) => (verified.get(c)?.get(r) ? "  yes " : "   -  ")).join(" ")}`);
    console.log(
      `verified through ${router}: access matrix (${verified.size} coordinates x ${roleNames.length} roles):\n${header}\n${lines.join("\n")}`,
    );
  });

  it("straight to each subgraph: root fields and _entities give the same answers as the policy", async () => {
    for (const definition of subgraphs) {
      const document = concatAST(subgraphTypeDefs(definition));
      const fieldsOf = new Map<string, { name: string; object: boolean }[]>();
      const resolvable = new Set<string>();
      for (const node of document.definitions) {
        if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
        const key = node.directives?.find((d) => d.name.value === "key");
        if (key && !key.arguments?.some((a) => a.name.value === "resolvable" && print(a.value) === "false"))
          resolvable.add(node.name.value);
        const fields = (node.fields ?? []).map((f) => {
          const named = getNamedType(
            supergraph.getType(node.name.value) &&
              (supergraph.getType(node.name.value) as GraphQLObjectType).getFields()[f.name.value]?.type,
          );
          return { name: f.name.value, object: isObjectType(named) };
        });
        fieldsOf.set(node.name.value, [...(fieldsOf.get(node.name.value) ?? []), ...fields]);
      }
      const url = t.stack.subgraphUrls[definition.name] as string;
      for (const role of roleNames) {
        const held = entitlementsOf([role]);
        const token = tokens.get(role);
        const roots = (fieldsOf.get("Query") ?? []).filter((f) => !machinery.test(f.name));
        for (const batch of inBatches(roots)) {
          const rootQuery = `{ ${batch.map((f) => `${f.name}${args[`Query.${f.name}`] ?? ""} { __typename }`).join(" ")} }`;
          const rootExpected = batch
            .map((f) => `Query.${f.name}`)
            .filter((c) => !mayRead(held, c))
            .sort();
          expectDenied(await t.query(rootQuery, {}, { url, token }), rootExpected, { subgraph: definition.name, role });
        }
        for (const typeName of resolvable) {
          const fields = fieldsOf.get(typeName) ?? [];
          const selection = fields
            .map((f) => `${f.name}${args[`${typeName}.${f.name}`] ?? ""}${f.object ? " { __typename }" : ""}`)
            .join(" ");
          const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { ${selection} } } }`;
          const response = await t.query(query, { r: [{ __typename: typeName, ...keys[typeName] }] }, { url, token });
          const expected = fields
            .map((f) => `${typeName}.${f.name}`)
            .filter((c) => !mayRead(held, c))
            .sort();
          expectDenied(response, expected, { subgraph: definition.name, role, typeName });
        }
      }
    }
  });
});
