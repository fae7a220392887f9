import { describe, expect, it } from "vitest";
import { schemaCheck } from "../src/schema-check";

/** A domain team's change, against recorded operations that use some of the graph. */
const before = `
  enum Grain { DAY MONTH }
  type Customer { id: ID! email: String phone: String @deprecated(reason: "use contact") nickname: String }
  type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int): [Customer!] }
`;
const operations = [
  { name: "Care", query: '{ customer(id: "1") { id email } }' },
  { name: "Monthly", query: '{ customer(id: "1", grain: MONTH) { id } }' },
];
const changed = (sdl: string) => schemaCheck(before, sdl, operations);

describe("the schema check of pnpm compose --check", () => {
  it("passes an added field and type", async () => {
    expect(
      await changed(`
        enum Grain { DAY MONTH }
        type Address { city: String }
        type Customer { id: ID! email: String phone: String @deprecated(reason: "use contact") nickname: String address: Address }
        type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int): [Customer!] }`),
    ).toEqual([]);
  });

  it("fails a removed field a recorded operation uses, naming the coordinate and the operation", async () => {
    const problems = await changed(`
      enum Grain { DAY MONTH }
      type Customer { id: ID! phone: String nickname: String }
      type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int): [Customer!] }`);
    expect(problems).toContainEqual(expect.objectContaining({ coordinate: "Customer.email", operation: "Care" }));
    expect(problems.some((p) => p.operation === "Monthly" && p.coordinate !== "-")).toBe(false);
  });

  it("passes removing a deprecated or unused field no recorded operation uses", async () => {
    expect(
      await changed(`
        enum Grain { DAY MONTH }
        type Customer { id: ID! email: String }
        type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int): [Customer!] }`),
    ).toEqual([]);
  });

  it("fails nullability tightened on an argument, and an enum value removed that an operation writes", async () => {
    const problems = await changed(`
      enum Grain { DAY }
      type Customer { id: ID! email: String phone: String nickname: String }
      type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int!): [Customer!] }`);
    expect(problems.map((p) => [p.coordinate, p.operation])).toContainEqual(["Grain.MONTH", "Monthly"]);
    // customers(first:) is used by no recorded operation: tightening it breaks nobody we know of.
    expect(problems.some((p) => p.coordinate.startsWith("Query.customers"))).toBe(false);
  });
});
