import { entitlementsOf, mayRead } from "@c360/auth";
import { customers } from "@c360/db/schema";
import { describe, expect, it } from "vitest";
import { useSeededDatabase } from "../../../test/testkit/database";
import { viewerFor } from "../../../test/testkit/identity";
import { executeSubgraph } from "../../../test/testkit/subgraph";
import { filterCondition } from "../src/data";
import { subgraph } from "../src/schema";

/** `customers(filter, orderBy)` on the seed (scale 0.01: 100 customers), checked against SQL written by hand. */
const db = useSeededDatabase();

type Page = {
  customers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string } }[];
  };
};
const list = `query ($filter: CustomerFilter, $orderBy: CustomerOrder, $first: Int, $after: String) {
  customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

async function page(
  variables: Record<string, unknown>,
  role: Parameters<typeof viewerFor>[0] = "c360_admin",
  document = list,
) {
  return executeSubgraph<Page>(subgraph, db().db, document, variables, viewerFor(role));
}

/** The list without its count (customer care may not count a search by personal data). */
const uncounted = list.replace("totalCount ", "");

async function ids(variables: Record<string, unknown>): Promise<string[]> {
  const result = await page(variables);
  expect(result.errors).toBeUndefined();
  return result.data?.customers.edges.map((e) => e.node.id) ?? [];
}

/** Every page of a list, `first` rows at a time, following endCursor. */
async function walk(variables: Record<string, unknown>, first: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await page({ ...variables, first, after });
    expect(result.errors).toBeUndefined();
    const c = result.data?.customers as Page["customers"];
    out.push(...c.edges.map((e) => e.node.id));
    if (!c.pageInfo.hasNextPage) return out;
    after = c.pageInfo.endCursor;
  }
}

const column = async (sql: string) => (await db().db.query(sql)).map((r) => (r as { id: string }).id);

describe("customers: find", () => {
  it("by email (exact, case-insensitive), phone (digits only) and name (prefix of first or last)", async () => {
    const [someone] = (await db().db.query(
      "SELECT customer_id AS id, email, phone, first_name, last_name FROM customer.customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 1",
    )) as { id: string; email: string; phone: string; first_name: string; last_name: string }[];
    if (!someone) throw new Error("the seed has no customer with a phone");
    expect(await ids({ filter: { email: someone.email.toUpperCase() } })).toEqual([someone.id]);
    expect(await ids({ filter: { email: `${someone.email}x` } })).toEqual([]);
    const spaced = `(${someone.phone.replace(/\D/g, "").split("").join(" ")})`;
    expect(await ids({ filter: { phone: spaced } })).toContain(someone.id);
    const prefix = someone.last_name.slice(0, 3).toLowerCase();
    expect(await ids({ filter: { name: prefix }, first: 500 })).toEqual(
      await column(
        `SELECT customer_id AS id FROM customer.customers WHERE lower(first_name) LIKE '${prefix}%' OR lower(last_name) LIKE '${prefix}%' ORDER BY customer_id`,
      ),
    );
  });

  it("by email, phone and name through an index: a lookup reads what it finds, not the table", async () => {
    for (const [filter, index] of [
      [{ email: "Someone@Example.test" }, "customers_email_lookup_idx"],
      [{ phone: "+1 (555) 010-3" }, "customers_phone_lookup_idx"],
      [{ name: "Gra" }, "customers_first_name_lookup_idx"],
      [{ name: "Hop" }, "customers_last_name_lookup_idx"],
    ] as const) {
      const query = db()
        .db.drizzle.select({ id: customers.customerId })
        .from(customers)
        .where(filterCondition(filter))
        .toSQL();
      // With sequential scans priced out, the plan shows whether an index can serve the condition at all.
      const plan = await db().db.transaction(async (session) => {
        await session.query("SET LOCAL enable_seqscan = off");
        return session.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query.sql}`, query.params);
      });
      const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(text, JSON.stringify(filter)).toContain(index);
      expect(text).not.toContain("Seq Scan");
    }
  });

  it("by loyalty tier and minimum lifetime value", async () => {
    expect(await ids({ filter: { loyaltyTier: "Gold", minLifetimeValue: "1000" }, first: 500 })).toEqual(
      await column(
        "SELECT c.customer_id AS id FROM customer.customers c JOIN customer.loyalty_program l USING (customer_id) WHERE l.loyalty_tier = 'Gold' AND l.lifetime_value >= 1000 ORDER BY 1",
      ),
    );
  });

  it("refuses bad filter values as BAD_USER_INPUT naming the argument", async () => {
    for (const [filter, argument] of [
      [{ phone: "no digits" }, "filter.phone"],
      [{ email: "x".repeat(300) }, "filter.email"],
      [{ name: "a\u0000" }, "filter.name"],
      [{ minLifetimeValue: "1e9" }, "filter.minLifetimeValue"],
    ] as const) {
      const result = await page({ filter });
      expect(result.errors?.[0]?.extensions?.code, argument).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toContain(argument);
    }
  });
});

describe("customers: order", () => {
  const orders = [
    ["ID", "c.customer_id"],
    ["REGISTRATION_DATE", "c.registration_date"],
    ["LAST_NAME", "c.last_name"],
    ["LIFETIME_VALUE", "coalesce(l.lifetime_value, 0)"],
  ] as const;
  for (const [field, expression] of orders) {
    for (const direction of ["ASC", "DESC"] as const) {
      it(`${field} ${direction}: a keyset walk returns every row once, in the order SQL gives`, async () => {
        const expected = await column(
          `SELECT c.customer_id AS id FROM customer.customers c LEFT JOIN customer.loyalty_program l USING (customer_id)
           ORDER BY ${expression} ${direction}, c.customer_id ${direction}`,
        );
        const walked = await walk({ orderBy: { field, direction } }, 7);
        expect(walked).toEqual(expected);
        expect(new Set(walked).size).toBe(walked.length);
      });
    }
  }

  it("a forged cursor carries no value to SQL: an unknown key gives an empty page, not an error", async () => {
    const forged = (cursor: object) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
    for (const field of ["REGISTRATION_DATE", "LAST_NAME", "LIFETIME_VALUE"]) {
      const result = await page({ orderBy: { field }, after: forged({ k: "NOPE'; --", s: `${field}:ASC` }) });
      expect(result.errors, field).toBeUndefined();
      expect(result.data?.customers.edges).toEqual([]);
    }
  });

  it("refuses a cursor of another order", async () => {
    const first = await page({ orderBy: { field: "LAST_NAME" }, first: 2 });
    const after = first.data?.customers.pageInfo.endCursor;
    const other = await page({ orderBy: { field: "LIFETIME_VALUE" }, after });
    expect(other.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const none = await page({ after });
    expect(none.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("customers: a search or order by personal data reads it", () => {
  it("notes every customer it answers or tells of, within customer care's limit; care may not count it", async () => {
    const persons = (result: { extensions?: Record<string, unknown> }) =>
      ((result.extensions?.personalData as { keys: string[] } | undefined)?.keys ?? []).sort();
    const found = (result: { data?: Page | null }) => result.data?.customers.edges.map((e) => e.node.id).sort() ?? [];
    const [someone] = await db().db.query<{ name: string }>(
      "SELECT left(last_name, 1) AS name FROM customer.customers GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
    );
    for (const variables of [{ filter: { name: someone?.name } }, { orderBy: { field: "LAST_NAME" } }]) {
      const label = JSON.stringify(variables);
      const care = await page({ ...variables, first: 1 }, "customer_care", uncounted);
      expect(care.errors, label).toBeUndefined();
      expect(found(care), label).toHaveLength(1);
      // The person past the page counts too when hasNextPage tells of them.
      expect(care.data?.customers.pageInfo.hasNextPage, label).toBe(true);
      expect(persons(care), label).toHaveLength(2);
      expect(persons(care), label).toEqual(expect.arrayContaining(found(care)));
      // Asking for no rows still tells whether one matches: that one is noted.
      const probe = await page({ ...variables, first: 0 }, "customer_care", uncounted);
      expect({ found: found(probe), persons: persons(probe).length }, label).toEqual({ found: [], persons: 1 });
      const idsOnly = await page(
        { ...variables, first: 3 },
        "customer_care",
        list.replace("totalCount pageInfo { hasNextPage endCursor } ", ""),
      );
      expect(persons(idsOnly), label).toEqual(found(idsOnly));
      const counted = await page({ ...variables, first: 1 }, "customer_care");
      expect(
        counted.errors?.map((e) => e.extensions?.code),
        label,
      ).toEqual(["FORBIDDEN"]);
      expect(counted.data?.customers ?? null, label).toBeNull();
      const admin = await page({ ...variables, first: 20 });
      expect(admin.errors, label).toBeUndefined();
      expect(persons(admin), label).toEqual(expect.arrayContaining(found(admin)));
    }
    // A search by segment tells each customer's segment, personal data too; a list in id order, nobody's.
    const pageOnly = list.replace("totalCount pageInfo { hasNextPage endCursor } ", "");
    const premium = await page({ filter: { segment: "Premium" }, first: 3 }, "customer_care", pageOnly);
    expect(premium.errors).toBeUndefined();
    expect(persons(premium)).toEqual(found(premium));
    const plain = await page({ first: 20 }, "customer_care");
    expect({ errors: plain.errors, persons: plain.extensions?.personalData }).toEqual({
      errors: undefined,
      persons: undefined,
    });
  });
});

describe("customers: what a role may not read, it may not filter or order by", () => {
  it("a filter or order on a field the role may not read is FORBIDDEN, naming that field; others are allowed", async () => {
    const cases = [
      [{ filter: { email: "a@b.c" } }, "Customer.email"],
      [{ filter: { phone: "555" } }, "Customer.phone"],
      [{ filter: { name: "so" } }, "Customer.firstName"],
      [{ filter: { loyaltyTier: "Gold" } }, "Loyalty.loyaltyTier"],
      [{ filter: { minLifetimeValue: "1" } }, "Loyalty.lifetimeValue"],
      [{ orderBy: { field: "LIFETIME_VALUE" } }, "Loyalty.lifetimeValue"],
      [{ orderBy: { field: "LAST_NAME" } }, "Customer.lastName"],
    ] as const;
    for (const role of ["marketing_analyst", "sales_analyst", "customer_care"] as const) {
      const held = entitlementsOf([role]);
      for (const [variables, coordinate] of cases) {
        const result = await page({ ...variables, first: 10 }, role, uncounted);
        const label = `${role} ${JSON.stringify(variables)}`;
        if (!mayRead(held, "Query.customers")) continue;
        if (mayRead(held, coordinate)) expect(result.errors, label).toBeUndefined();
        else {
          expect(result.errors?.[0]?.extensions, label).toMatchObject({ code: "FORBIDDEN", coordinate });
          expect(result.data?.customers ?? null, label).toBeNull();
        }
      }
    }
    // marketing_analyst reads no PII: the email and phone probes are refused.
    expect((await page({ filter: { email: "a@b.c" } }, "marketing_analyst")).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
  });

  it("customer_care lists at most 20 customers per request, coded; a lookup by email or phone is not a listing", async () => {
    expect((await page({ first: 20 }, "customer_care")).errors).toBeUndefined();
    for (const variables of [{ first: 21 }, {}]) {
      const refused = await page(variables, "customer_care");
      expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(refused.errors?.[0]?.message).toContain("at most 20 customers");
    }
    expect((await page({ first: 100 }, "marketing_analyst")).errors).toBeUndefined();
    expect((await page({ filter: { phone: "555" }, first: 50 }, "customer_care", uncounted)).errors).toBeUndefined();
  });

  it("counts care's row limit across every list of the request: aliases, fragments, forged cursors", async () => {
    const roles = ["customer_care", "logistics_ops"] as const;
    const viewer = {
      ...viewerFor("customer_care"),
      roles: [...roles],
      claimedRoles: [...roles],
      entitlements: entitlementsOf([...roles]),
    };
    const key = (n: number) =>
      Buffer.from(JSON.stringify({ k: `CUST${String(n).padStart(4, "0")}` })).toString("base64url");
    const aliases = [0, 20, 40, 60, 80]
      .map((n) => `p${n}: customers(first: 20, after: "${key(n)}") { ...Ids }`)
      .join(" ");
    const document = `{ ${aliases} } fragment Ids on CustomerConnection { edges { node { id } } }`;
    const result = await executeSubgraph<Record<string, Page["customers"] | null>>(
      subgraph,
      db().db,
      document,
      {},
      viewer,
    );
    const answered = Object.values(result.data ?? {}).flatMap((p) => p?.edges ?? []);
    expect(answered).toHaveLength(20);
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual(
      Array(4).fill(["BAD_USER_INPUT", 20]),
    );
    expect(result.errors?.[0]?.message).toContain("at most 20 customers per request, counted across all its lists");
    expect(result.extensions?.rowsListed).toEqual({ "Query.customers": 20 });
    // Without a limit, the same document answers all 100.
    const admin = await executeSubgraph<Record<string, Page["customers"] | null>>(subgraph, db().db, document);
    expect(Object.values(admin.data ?? {}).flatMap((p) => p?.edges ?? [])).toHaveLength(100);
  });

  it("customer_care reads personal data of at most 20 customers per request, however it reaches them", async () => {
    const people = await db().db.query<{ id: string }>(
      "SELECT customer_id AS id FROM customer.customers WHERE email <> '' ORDER BY 1 LIMIT 30",
    );
    const [first] = people as [{ id: string }];
    const buyers = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }`;
    // A transaction's buyers arrive as entity references: 30 of them, one repeated, in one fetch.
    const r = [...people, first].map(({ id }) => ({ __typename: "Customer", id }));
    type Buyers = { _entities: ({ id: string; email: string | null } | null)[] };
    const care = await executeSubgraph<Buyers>(subgraph, db().db, buyers, { r }, viewerFor("customer_care"));
    const entities = care.data?._entities ?? [];
    const answered = new Set(entities.filter((e) => e?.email).map((e) => e?.id));
    // Which 20 depends on the order the emails resolve in; never more, and a person is answered alike each time.
    expect(answered.size).toBe(20);
    expect(entities[0]?.email).toBe(entities[30]?.email);
    const refused = entities.flatMap((e, at) => (e?.email ? [] : [at]));
    expect(refused).toHaveLength(answered.has(first.id) ? 10 : 11);
    expect(care.errors?.map((e) => [e.path?.[1], e.extensions?.code]).sort()).toEqual(
      refused.map((at) => [at, "FORBIDDEN"]).sort(),
    );
    expect(care.errors?.[0]?.message).toContain("your role reads personal data of at most 20");
    const report = care.extensions?.personalData as { keys: string[] } | undefined;
    expect(report?.keys.sort()).toEqual([...answered].sort());
    const admin = await executeSubgraph<Buyers>(subgraph, db().db, buyers, { r });
    expect({ errors: admin.errors, emails: admin.data?._entities.filter((e) => e?.email).length }).toEqual({
      errors: undefined,
      emails: 31,
    });
  });

  it("customer_care may look a caller up by email and phone", async () => {
    const [someone] = (await db().db.query("SELECT email FROM customer.customers ORDER BY customer_id LIMIT 1")) as {
      email: string;
    }[];
    const result = await page({ filter: { email: someone?.email } }, "customer_care", uncounted);
    expect(result.errors).toBeUndefined();
    expect(result.data?.customers.edges).toHaveLength(1);
    // The one found is a person whose personal data was read, for the trail.
    expect(result.extensions?.personalData).toEqual({
      keys: [result.data?.customers.edges[0]?.node.id],
      truncated: false,
    });
  });
});
