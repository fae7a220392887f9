import type { Viewer } from "@c360/auth";
import { describe, expect, it } from "vitest";
import { type GatewayContext, gatewayContext } from "../src/audit";
import { EntityCache } from "../src/entity-cache";

const viewer = {
  subject: "u",
  roles: ["c360_admin"],
  claimedRoles: ["c360_admin"],
  markets: null,
} as unknown as Viewer;
const context = (): GatewayContext => gatewayContext("", viewer, "r");
const query =
  "query Op__product__1($representations:[_Any!]!){_entities(representations:$representations){...on Product{id productName}}}";
const product = (id: string) => ({ __typename: "Product", id });

/**
 * The product subgraph as a function: it answers each representation with its product, and records
 * what it was asked. `answer` may change what it sends back.
 */
function subgraph(answer: (reps: { id: string }[]) => unknown = (reps) => ({ data: { _entities: reps.map(named) } })) {
  const asked: string[][] = [];
  return {
    asked,
    fetch: async (variables: Record<string, unknown> | undefined) => {
      const reps = variables?.representations as { id: string }[];
      asked.push(Array.isArray(reps) ? reps.map((r) => r?.id) : [String(reps)]);
      return answer(reps);
    },
  };
}
const named = (r: { id: string }) => ({ id: r.id, productName: `name of ${r.id}` });
const entitiesOf = (body: unknown) => (body as { data: { _entities: unknown[] } }).data._entities;

function cache(version = () => 1) {
  return new EntityCache({
    ttlMs: 60_000,
    maxEntries: 1_000,
    maxBytes: 1024 * 1024,
    types: new Map([["product", new Set(["Product"])]]),
    dataVersion: version,
  });
}

describe("the entity cache's merging", () => {
  it("asks only for the entities it does not keep, each once, and answers in the plan's order", async () => {
    const entities = cache();
    const product1 = subgraph();
    await entities.resolve(
      "product",
      context(),
      { query, variables: { representations: [product("P1")] } },
      product1.fetch,
    );
    const mixed = subgraph();
    const reps = ["P2", "P1", "P2", "P3"].map(product);
    const body = await entities.resolve(
      "product",
      context(),
      { query, variables: { representations: reps } },
      mixed.fetch,
    );
    expect(mixed.asked).toEqual([["P2", "P3"]]);
    expect(entitiesOf(body)).toEqual(["P2", "P1", "P2", "P3"].map((id) => named({ id })));
    expect(entities.stats).toEqual({ hits: 1, misses: 4 });
  });

  it("serves a copy: what one request's plan does to its entities never reaches another", async () => {
    const entities = cache();
    const variables = { representations: [product("P1")] };
    const first = entitiesOf(await entities.resolve("product", context(), { query, variables }, subgraph().fetch));
    const second = entitiesOf(await entities.resolve("product", context(), { query, variables }, subgraph().fetch));
    (second[0] as Record<string, unknown>).productName = "changed by a merge";
    const third = entitiesOf(await entities.resolve("product", context(), { query, variables }, subgraph().fetch));
    expect(third).toEqual(first);
  });

  it("makes a reduced fetch again whole when it fails, so errors keep their paths; keeps nothing of it", async () => {
    const entities = cache();
    await entities.resolve(
      "product",
      context(),
      { query, variables: { representations: [product("P1")] } },
      subgraph().fetch,
    );
    const failing = subgraph((reps) => ({
      data: { _entities: reps.map(named) },
      errors: [{ message: "refused", path: ["_entities", reps.length - 1, "productName"] }],
    }));
    const variables = { representations: ["P1", "P2"].map(product) };
    const body = await entities.resolve("product", context(), { query, variables }, failing.fetch);
    expect(failing.asked).toEqual([["P2"], ["P1", "P2"]]);
    expect(body).toMatchObject({ errors: [{ path: ["_entities", 1, "productName"] }] });
    const again = subgraph();
    await entities.resolve("product", context(), { query, variables }, again.fetch);
    expect(again.asked).toEqual([["P2"]]);
  });

  it("keeps nothing that carried personal data, nothing of another subgraph or type, nothing of an older load", async () => {
    let version = 1;
    const entities = cache(() => version);
    const personal = subgraph((reps) => ({ data: { _entities: reps.map(named) }, extensions: { personalData: {} } }));
    const variables = { representations: [product("P1")] };
    await entities.resolve("product", context(), { query, variables }, personal.fetch);
    await entities.resolve("sales", context(), { query, variables }, subgraph().fetch);
    const supplier = { representations: [{ __typename: "Supplier", id: "S1" }] };
    await entities.resolve("product", context(), { query, variables: supplier }, subgraph().fetch);
    expect(entities.size.entries).toBe(0);
    await entities.resolve("product", context(), { query, variables }, subgraph().fetch);
    expect(entities.size.entries).toBe(1);
    version = 2;
    const afterLoad = subgraph();
    await entities.resolve("product", context(), { query, variables }, afterLoad.fetch);
    expect(afterLoad.asked).toEqual([["P1"]]);
  });

  it("passes through representations that are not objects with a kept type, untouched", async () => {
    const entities = cache();
    for (const representations of [[null], ["P1"], [{ __typename: "__proto__", id: "x" }], [{ id: "P1" }], "P1"]) {
      const direct = subgraph(() => ({ data: { _entities: [] } }));
      const variables = { representations } as Record<string, unknown>;
      expect(await entities.resolve("product", context(), { query, variables }, direct.fetch)).toEqual({
        data: { _entities: [] },
      });
      expect(direct.asked.length).toBe(1);
    }
  });
});
