import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { type Endpoints, startProcessTestStack, type TestStack } from "../testkit/stack";

let t: TestStack<Endpoints>;
let transaction: string;
let shipment: string;
let emails: string[];
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
  [{ transaction, shipment }] = (await t.db.query(
    "SELECT transaction_id AS transaction, min(shipment_id) AS shipment FROM logistics.shipments GROUP BY 1 ORDER BY 1 LIMIT 1",
  )) as [{ transaction: string; shipment: string }];
  emails = (await t.db.query<{ email: string }>("SELECT email FROM customer.customers")).map((r) => r.email);
});
afterAll(() => t.dispose());

const leaks = (response: unknown) => emails.filter((e) => JSON.stringify(response).includes(e));
const forbidden = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  [
    ...new Set(
      (response.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN").map((e) => e.extensions?.coordinate),
    ),
  ].sort();

describe("paths to personal data", () => {
  const paths: [string, "sales_analyst" | "marketing_analyst" | "logistics_ops", () => string, string[]][] = [
    ["an alias", "marketing_analyst", () => '{ customer(id: "CUST001") { id contact: email } }', ["Customer.email"]],
    [
      "inline and named fragments",
      "marketing_analyst",
      () =>
        '{ customer(id: "CUST001") { ... on Customer { phone } ...Pii } } fragment Pii on Customer { e: email dateOfBirth }',
      ["Customer.dateOfBirth", "Customer.email", "Customer.phone"],
    ],
    [
      "Transaction.customer",
      "sales_analyst",
      () => `{ transaction(id: "${transaction}") { customer { id email addressLine1 } } }`,
      ["Customer.addressLine1", "Customer.email"],
    ],
    [
      "a shipment's transaction's customer",
      "logistics_ops",
      () => `{ shipment(id: "${shipment}") { id transaction { id customer { email } } } }`,
      // the planner also asks sales for the buyer id the customer subgraph needs, and is refused that too
      ["Transaction.customer", "Transaction.customerId"],
    ],
  ];
  for (const [name, role, query, denied] of paths) {
    it(`is denied through ${name} (${role})`, async () => {
      const response = await t.query(query(), {}, { token: await tokenFor(role) });
      expect({ denied: forbidden(response), leaks: leaks(response) }).toEqual({ denied, leaks: [] });
    });
  }

  it("ignores identity headers a client makes up", async () => {
    const token = await tokenFor("marketing_analyst");
    const response = await fetch(t.stack.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "x-user-role": "c360_admin",
        "x-roles": "c360_admin",
        "x-user-id": "root",
        "x-forwarded-user": "admin",
      },
      body: JSON.stringify({ query: '{ customer(id: "CUST001") { email } }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    expect({ denied: forbidden(body), leaks: leaks(body) }).toEqual({ denied: ["Customer.email"], leaks: [] });
  });

  it("does not serve a subgraph's SDL to anyone", async () => {
    const response = await t.query("{ _service { sdl } }", {}, { url: t.stack.subgraphUrls.customer });
    expect(forbidden(response)).toEqual(["Query._service"]);
    expect(JSON.stringify(response)).not.toContain("type Customer");
  });

  it("refuses NUL characters in strings as BAD_USER_INPUT, in literals and in variables", async () => {
    const literal = await t.query('{ products(first: 1, filter: { category: "a\\u0000b" }) { totalCount } }');
    const variable = await t.query(
      "query ($c: String) { products(first: 1, filter: { category: $c }) { totalCount } }",
      { c: "a\u0000b" },
    );
    for (const response of [literal, variable]) {
      expect(response.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        ["strings may not contain NUL characters", "BAD_USER_INPUT"],
      ]);
    }
  });
});
