import { apiSchemaOf, supergraphSdl } from "@c360/supergraph";
import { type GraphQLObjectType, isNonNullType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import {
  entitlements,
  entitlementsOf,
  heldToTrustedDocuments,
  liftsTrustedDocuments,
  mayRead,
  openedBy,
  personalCoordinates,
  personalData,
  personsLimitOf,
  roleNames,
  roles,
  rolesFor,
  rowLimitOf,
} from "../src/policy";

const supergraph = apiSchemaOf(supergraphSdl());
const machinery = /^(__|_|join__|link__)/;

/** Every `Type.field` of the composed supergraph's object types, federation machinery aside. */
const coordinates = Object.values(supergraph.getTypeMap())
  .filter((t) => isObjectType(t) && !machinery.test(t.name))
  .flatMap((t) =>
    isObjectType(t)
      ? Object.keys(t.getFields())
          .filter((f) => !f.startsWith("_"))
          .map((f) => `${t.name}.${f}`)
      : [],
  );

describe("the access policy", () => {
  it("names every field of the composed supergraph (a new field without a policy entry fails here)", () => {
    expect(coordinates.filter((c) => !openedBy.has(c))).toEqual([]);
    expect(coordinates.length).toBeGreaterThan(250);
  });

  it("names nothing that is not in the supergraph", () => {
    const known = new Set(coordinates);
    expect([...openedBy.keys()].filter((c) => !known.has(c))).toEqual([]);
  });

  it("gives every role only entitlements that exist, and the admin all of them", () => {
    for (const held of Object.values(roles)) for (const e of held) expect(Object.keys(entitlements)).toContain(e);
    expect([...roles.c360_admin].sort()).toEqual(Object.keys(entitlements).sort());
  });

  it("keeps PII, cost and other domains away from the roles the contract excludes", () => {
    expect(rolesFor("Customer.email")).toEqual(["c360_admin", "customer_care"]);
    expect(rolesFor("Customer.dateOfBirth")).toEqual(["c360_admin", "customer_care"]);
    expect(rolesFor("Customer.customerSegment")).toEqual([
      "c360_admin",
      "customer_care",
      "marketing_analyst",
      "sales_analyst",
    ]);
    // Names are direct identifiers: only those who serve the person read them.
    expect(rolesFor("Customer.firstName")).toEqual(["c360_admin", "customer_care"]);
    expect(rolesFor("Location.locationName")).toEqual(["c360_admin", "customer_care", "logistics_ops"]);
    expect(rolesFor("Product.cost")).toEqual(["c360_admin", "merchandiser"]);
    expect(rolesFor("Product.productName")).toEqual([
      "c360_admin",
      "customer_care",
      "marketing_analyst",
      "sales_analyst",
      "merchandiser",
      "logistics_ops",
    ]);
    expect(rolesFor("Shipment.destinationAddress")).toEqual(["c360_admin", "customer_care", "logistics_ops"]);
    expect(rolesFor("InventoryLevel.stockQuantity")).toEqual(["c360_admin", "merchandiser", "logistics_ops"]);
    expect(rolesFor("DiscoverKpi.dpvr")).toEqual(["c360_admin", "cx_discover_analyst", "cx_lead"]);
    expect(rolesFor("FulfillmentKpi.npsScore")).toEqual(["c360_admin", "cx_fulfillment_analyst", "cx_lead"]);
    expect(rolesFor("Query.customer").includes("merchandiser")).toBe(false);
    expect(rolesFor("Customer.id").includes("auditor")).toBe(false);
  });

  it("limits how many customers customer care lists per request; a role without a limit lifts it", () => {
    expect(rowLimitOf(["customer_care"], "Query.customers")).toBe(20);
    expect(rowLimitOf(["customer_care", "marketing_analyst"], "Query.customers")).toBeNull();
    expect(rowLimitOf(["marketing_analyst"], "Query.customers")).toBeNull();
    // A role that may not read the list gives no rows and so no limit of its own.
    expect(rowLimitOf(["customer_care", "auditor"], "Query.customers")).toBe(20);
  });

  it("declares every field of a customer's records personal data, but the ids that name them", () => {
    const personal = new Set(personalCoordinates);
    for (const { type, key, coordinates: fields } of personalData) {
      expect(coordinates).toContain(`${type}.${key}`);
      expect(fields.length, type).toBeGreaterThan(0);
      expect(fields.filter((c) => !coordinates.includes(c))).toEqual([]);
    }
    for (const c of [
      "Customer.zipCode",
      "Customer.customerSegment",
      "Loyalty.lifetimeValue",
      "TransactionItem.product",
    ])
      expect(personal.has(c), c).toBe(true);
    for (const c of ["Customer.id", "Transaction.customerId", "Transaction.id", "Shipment.customerId"])
      expect(personal.has(c), c).toBe(false);
  });

  it("lets every role that reads a personal field read the key naming its customer", () => {
    const blind = roleNames.flatMap((role) =>
      personalData.flatMap(({ type, key, coordinates: fields }) =>
        fields.some((c) => mayRead(entitlementsOf([role]), c)) && !mayRead(entitlementsOf([role]), `${type}.${key}`)
          ? [`${role} ${type}.${key}`]
          : [],
      ),
    );
    expect(blind).toEqual([]);
  });

  it("limits the persons whose personal data customer care reads; only a role reading all of it without a limit lifts it", () => {
    expect(personsLimitOf(["customer_care"])).toBe(20);
    // logistics_ops reads shipments without a limit, marketing_analyst profiles without contact data,
    // but neither reads care's emails and names: neither lifts anything.
    for (const other of roleNames.filter((r) => r !== "customer_care" && r !== "c360_admin"))
      expect({ other, limit: personsLimitOf(["customer_care", other]) }).toEqual({ other, limit: 20 });
    expect(personsLimitOf(["customer_care", "c360_admin"])).toBeNull();
    expect(personsLimitOf(["marketing_analyst"])).toBeNull();
    expect(personsLimitOf(["logistics_ops"])).toBeNull();
  });

  it("holds customer care to trusted documents whatever other role comes with it, unless one that lifts the hold", () => {
    expect(liftsTrustedDocuments).toEqual(["c360_admin"]);
    expect(heldToTrustedDocuments(["customer_care"])).toBe(true);
    for (const second of roleNames.filter((r) => r !== "c360_admin"))
      expect({ second, held: heldToTrustedDocuments(["customer_care", second]) }).toEqual({ second, held: true });
    expect(heldToTrustedDocuments(["cx_funnel_analyst", "customer_care"])).toBe(true);
    expect(heldToTrustedDocuments(["customer_care", "c360_admin"])).toBe(false);
    expect(heldToTrustedDocuments(["cx_funnel_analyst"])).toBe(false);
    expect(heldToTrustedDocuments([])).toBe(false);
  });

  it("makes every field nullable that a role may be denied while it reads other fields of the same type", () => {
    const offenders = new Set<string>();
    for (const type of Object.values(supergraph.getTypeMap())) {
      if (!isObjectType(type) || machinery.test(type.name)) continue;
      const fields = Object.values((type as GraphQLObjectType).getFields()).filter((f) => !f.name.startsWith("_"));
      for (const role of roleNames) {
        const held = entitlementsOf([role]);
        const readsContent = fields.some(
          (f) => !["id", "code"].includes(f.name) && mayRead(held, `${type.name}.${f.name}`),
        );
        if (!readsContent && type.name !== "Query") continue;
        for (const f of fields)
          if (!mayRead(held, `${type.name}.${f.name}`) && isNonNullType(f.type))
            offenders.add(`${type.name}.${f.name}`);
      }
    }
    expect([...offenders]).toEqual([]);
  });
});
