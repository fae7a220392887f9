import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { fragmentBomb } from "../../../test/testkit/documents";
import { checkDocument, checkVariables, documentCheck, fieldTypes, limits } from "../src/limits";

const schema = buildSchema(`
  type Query {
    customer(id: ID!): Customer
    customers(first: Int): CustomerConnection
    series(from: String!, to: String!): [Point!]
  }
  type CustomerConnection { edges: [CustomerEdge!]! }
  type CustomerEdge { node: Customer! }
  type Customer { id: ID! friends: [Customer!] top(first: Int = 5): [Customer!] series(from: String!): [Point!] }
  type Point { day: String! value: Int! }
`);
const typeOf = fieldTypes(schema);

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return "accepted";
};

describe("the limits' own work is linear in the document", () => {
  it("measures fragment bombs of 2^64 and 10^30 fields by visiting each fragment once", () => {
    for (const document of [fragmentBomb(64), fragmentBomb(30, 10), fragmentBomb(64, 2, 'customer(id: "1") { id }')])
      expect(refusal(() => checkDocument(parse(document), {}, typeOf))).toBe("COST_LIMIT_EXCEEDED");
  });

  it("still measures a fragment spread twice at its full weight", () => {
    const twice = `{ customers(first: 500) { ...A } c: customers(first: 500) { ...A } }
      fragment A on CustomerConnection { edges { node { friends { friends { id } } } } }`;
    // friends { id } = 1 + 10 * 1; friends { friends { id } } = 1 + 10 * 11; node 1 + 111; edges 1 + 112
    expect(checkDocument(parse(twice), {}, typeOf)).toBe(2 * (1 + 500 * 113));
  });

  it("refuses a fragment cycle however deep it hides", () => {
    const cycle = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }";
    expect(refusal(() => checkDocument(parse(cycle), {}, typeOf))).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("a document checked once, its requests each", () => {
  it("measures again per request only what a variable sizes", () => {
    const check = documentCheck(
      parse("query ($n: Int) { customers(first: $n) { edges { node { friends { id } } } } }"),
      typeOf,
    );
    // node 1 + friends (1 + 10 * id 1) = 12; edges 1 + 12 = 13; customers 1 + n * 13
    expect(check({ n: 2 })).toBe(1 + 2 * 13);
    expect(check({ n: 500 })).toBe(1 + 500 * 13);
    const deep = `query ($n: Int) { customers(first: $n) { edges { node { friends { friends { friends { friends { friends { friends { id } } } } } } } } } }`;
    const heavy = documentCheck(parse(deep), typeOf);
    expect(refusal(() => heavy({ n: 1 }))).toBe("accepted");
    expect(refusal(() => heavy({ n: 500 }))).toBe("COST_LIMIT_EXCEEDED");
  });

  it("counts representations per request, and reports their limit before the document's own", () => {
    const entities = (over: string) =>
      documentCheck(parse(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename } ${over} }`), typeOf);
    const many = Array(limits.entities + 1).fill({ __typename: "Customer", id: "1" });
    expect(refusal(() => entities("")({ r: [{ __typename: "Customer", id: "1" }] }))).toBe("accepted");
    expect(refusal(() => entities("")({ r: many }))).toBe("ENTITY_LIMIT_EXCEEDED");
    const tooDeep =
      "a: customers(first: 500) { edges { node { friends { friends { friends { friends { id } } } } } } }";
    expect(refusal(() => entities(tooDeep)({ r: many }))).toBe("ENTITY_LIMIT_EXCEEDED");
    expect(refusal(() => entities(tooDeep)({ r: [] }))).toBe("COST_LIMIT_EXCEEDED");
  });

  it("refuses a document over a limit that no variable changes when it is first read", () => {
    expect(refusal(() => documentCheck(parse(fragmentBomb(64)), typeOf))).toBe("COST_LIMIT_EXCEEDED");
  });
});

describe("list sizes", () => {
  it("measures a list that takes arguments at the rows the kit lets it answer, nested lists multiplied", () => {
    // series: 1 + MAX_LIST_ROWS * (day 1 + value 1)
    expect(checkDocument(parse('{ series(from: "a", to: "b") { day value } }'), {}, typeOf)).toBe(1 + 5_000 * 2);
    const nested = '{ customers(first: 200) { edges { node { series(from: "a") { day value } } } } }';
    expect(refusal(() => checkDocument(parse(nested), {}, typeOf))).toBe("COST_LIMIT_EXCEEDED");
  });

  it("refuses before it runs an answer whose keys alone, with its lists at their largest, pass the byte limit", () => {
    const small = { ...limits, responseBytes: 100_000 };
    const series = (alias: string) => `${alias}: series(from: "a", to: "b") { day value }`;
    // Per point: "day":x, and "value":x, at 5 bytes each besides their names; 5,000 points a list.
    expect(refusal(() => checkDocument(parse(`{ ${series("a")} }`), {}, typeOf, small))).toBe("accepted");
    expect(refusal(() => checkDocument(parse(`{ ${series("a")} ${series("b")} }`), {}, typeOf, small))).toBe(
      "RESPONSE_TOO_LARGE",
    );
  });

  it("takes an argument's default in the schema for an absent first", () => {
    // top: 1 + 5 * id 1; node 1 + 6; edges 1 + 7; customers 1 + 1 * 8
    expect(checkDocument(parse("{ customers(first: 1) { edges { node { top { id } } } } }"), {}, typeOf)).toBe(9);
  });

  it("takes a variable's default value when the request does not give the variable", () => {
    const query = (n: string) =>
      `query ($n: Int${n}) { customers(first: $n) { edges { node { friends { friends { friends { friends { id } } } } } } } }`;
    expect(refusal(() => checkDocument(parse(query(" = 500")), {}, typeOf))).toBe("COST_LIMIT_EXCEEDED");
    const check = documentCheck(parse(query(" = 500")), typeOf);
    expect(refusal(() => check({}))).toBe("COST_LIMIT_EXCEEDED");
    expect(refusal(() => check({ n: 1 }))).toBe("accepted");
    // Without a default and without a value, the page is the connection's default of 50.
    expect(checkDocument(parse(query("")), {}, typeOf)).toBe(checkDocument(parse(query("")), { n: 50 }, typeOf));
  });
});

describe("variables", () => {
  it("refuses values nested 20,000 deep without exhausting the stack, and NUL in keys or strings", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(refusal(() => checkVariables({ v: deep }))).toBe("BAD_USER_INPUT");
    expect(refusal(() => checkVariables({ v: { "a\u0000": 1 } }))).toBe("BAD_USER_INPUT");
    expect(refusal(() => checkVariables({ v: ["ok", "b\u0000"] }))).toBe("BAD_USER_INPUT");
    expect(refusal(() => checkVariables({ v: Array(limits.variableValues + 1).fill(1) }))).toBe("BAD_USER_INPUT");
    expect(refusal(() => checkVariables({ filter: { from: "2025-01-01", marketplaces: ["DE"] } }))).toBe("accepted");
  });
});
