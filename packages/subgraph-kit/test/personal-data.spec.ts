import { createRequire } from "node:module";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type * as GraphQL from "graphql";
import { describe, expect, it } from "vitest";
import { notingPersonalData, ofCustomer } from "../src/personal-data";

// Subgraph schemas are built with graphql's CommonJS build, as the kit builds them.
const { parse } = createRequire(import.meta.url)("graphql") as typeof GraphQL;

const schemaOf = (sdl: string) =>
  buildSubgraphSchema({
    typeDefs:
      parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires"])
      type Query { ticket: SupportTicket }
      ${sdl}`),
  });

describe("notingPersonalData", () => {
  it("refuses, at build, a type that answers personal fields without the key naming its customer", () => {
    expect(() => notingPersonalData(schemaOf("type SupportTicket { id: ID! category: String }"))).toThrow(
      "SupportTicket.category is personal data, but SupportTicket has no field customerId of its own",
    );
    // An external key is another subgraph's: it cannot name the person here either.
    expect(() =>
      notingPersonalData(
        schemaOf(
          `type SupportTicket @key(fields: "id") { id: ID! customerId: ID @external category: String @requires(fields: "customerId") }`,
        ),
      ),
    ).toThrow("has no field customerId of its own");
  });

  it("builds a type with its key, and one that answers none of the personal fields itself", () => {
    expect(() =>
      notingPersonalData(schemaOf("type SupportTicket { id: ID! customerId: ID category: String }")),
    ).not.toThrow();
    // A transaction's buyer, answered where only the transaction's id is known, is not personal itself.
    expect(() =>
      notingPersonalData(
        schemaOf(`type SupportTicket { id: ID! customerId: ID }
          type Transaction @key(fields: "id") { id: ID! customerId: String @external customer: String @requires(fields: "customerId") }`),
      ),
    ).not.toThrow();
  });

  it("gives a record's rows their customer's id, copying the loader's rows", () => {
    const rows = [{ eventId: "E1" }, { eventId: "E2" }];
    expect(ofCustomer(rows, "CUST001")).toEqual([
      { eventId: "E1", customerId: "CUST001" },
      { eventId: "E2", customerId: "CUST001" },
    ]);
    expect(rows).toEqual([{ eventId: "E1" }, { eventId: "E2" }]);
  });
});
