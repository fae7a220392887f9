import { mintToken } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Endpoints, startProcessTestStack, type TestStack } from "../testkit/stack";

/**
 * Customer care reads personal data of at most 20 customers per request, as deployed (six
 * production-mode processes on Postgres; in process on PGlite), however the document reaches them:
 * a root list and a list of other facts' buyers are separate fetches of the customer subgraph. In
 * production a care token is held to the trusted documents whatever second role it carries (but
 * c360_admin), and none of these documents is one: there it is refused whole, and the limit is shown
 * in process, where the gateway runs them.
 */
let t: TestStack<Endpoints>;
beforeAll(async () => {
  t = await startProcessTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }));
});
afterAll(() => t.dispose());

type Person = { id: string; email: string | null } | null;
type Answer = {
  customers: { edges: { node: Person }[] } | null;
  transactions: { edges: { node: { customer: Person } | null }[] } | null;
};

const document = `{ customers(first: 20) { edges { node { id email } } }
  transactions(first: 100) { edges { node { customer { id email } } } } }`;

/** The customers whose email an answer carries, through both lists. */
const emailed = (answer: Answer | null | undefined) =>
  new Set(
    [
      ...(answer?.customers?.edges.map((e) => e.node) ?? []),
      ...(answer?.transactions?.edges.map((e) => e.node?.customer ?? null) ?? []),
    ]
      .filter((p) => p?.email)
      .map((p) => p?.id),
  );

/**
 * True, once it checked that the answer is the refusal of the whole document, where care is held to
 * trusted documents (the processes, in production); false in process, where the document runs.
 */
function heldToTrustedDocuments(answer: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }) {
  if (!t.stack.processes) return false;
  expect({ data: answer.data ?? null, codes: answer.errors?.map((e) => e.extensions?.code) }).toEqual({
    data: null,
    codes: ["FORBIDDEN"],
  });
  return true;
}

describe("the persons a request may carry personal data of", () => {
  it("are at most 20 for customer care across every fetch of one request, a second role notwithstanding", async () => {
    const identity = loadConfig().identity;
    // Without a limit, the document answers more than 20 customers' emails.
    const admin = await mintToken(identity, { subject: "admin-reader", roles: ["c360_admin"] });
    const unlimited = await t.query<Answer>(document, {}, { token: admin });
    expect(unlimited.errors).toBeUndefined();
    expect(emailed(unlimited.data).size).toBeGreaterThan(20);
    // With a second role the limit is still care's, also with logistics_ops, which reads every
    // shipment without a limit but no email.
    for (const second of ["merchandiser", "logistics_ops"]) {
      const care = await mintToken(identity, { subject: "care-collector", roles: ["customer_care", second] });
      const limited = await t.query<Answer>(document, {}, { token: care });
      if (heldToTrustedDocuments(limited)) continue;
      expect(emailed(limited.data).size).toBeGreaterThan(0);
      expect({ second, emailed: emailed(limited.data).size <= 20 }).toEqual({ second, emailed: true });
      const codes = limited.errors?.map((e) => e.extensions?.code) ?? [];
      expect(codes).toContain("FORBIDDEN");
      expect(codes.filter((c) => c !== "FORBIDDEN")).toEqual([]);
    }
  });

  it("hold care's row limit across every list of one request, with a second role and forged cursors", async () => {
    const identity = loadConfig().identity;
    const care = await mintToken(identity, { subject: "care-pager", roles: ["customer_care", "logistics_ops"] });
    const key = (n: number) =>
      Buffer.from(JSON.stringify({ k: `CUST${String(n).padStart(4, "0")}` })).toString("base64url");
    const pages = [0, 20, 40, 60, 80].map((n) => `p${n}: customers(first: 20, after: "${key(n)}") { ...Ids }`);
    const paged = `{ ${pages.join(" ")} } fragment Ids on CustomerConnection { edges { node { id } } }`;
    type Pages = Record<string, { edges: { node: { id: string } }[] } | null>;
    const listed = (answer: Pages | null | undefined) => Object.values(answer ?? {}).flatMap((p) => p?.edges ?? []);
    const admin = await mintToken(identity, { subject: "admin-pager", roles: ["c360_admin"] });
    expect(listed((await t.query<Pages>(paged, {}, { token: admin })).data)).toHaveLength(100);
    const rowLimited = (answer: { data?: Pages | null; errors?: { extensions?: Record<string, unknown> }[] }) => {
      expect(listed(answer.data)).toHaveLength(20);
      expect(answer.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual(
        Array(4).fill(["BAD_USER_INPUT", 20]),
      );
    };
    // Straight at the customer subgraph (signed as the gateway signs), and through the gateway, which
    // in production holds a care token to the trusted documents before any list is counted.
    rowLimited(await t.query<Pages>(paged, {}, { token: care, url: t.stack.subgraphUrls.customer }));
    const through = await t.query<Pages>(paged, {}, { token: care });
    if (t.stack.processes) expect(through.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    else rowLimited(through);
  });

  it("count shipments' destination addresses as their buyers' personal data, with the customers' own", async () => {
    const identity = loadConfig().identity;
    type Addressed = {
      customers: { edges: { node: Person }[] } | null;
      shipments: { edges: { node: { customerId: string; destinationAddress: string | null } }[] } | null;
    };
    const both = `{ customers(first: 20) { edges { node { id email } } }
      shipments(first: 100) { edges { node { customerId destinationAddress } } } }`;
    const persons = (answer: Addressed | null | undefined) =>
      new Set([
        ...(answer?.customers?.edges.flatMap(({ node }) => (node?.email ? [node.id] : [])) ?? []),
        ...(answer?.shipments?.edges.flatMap(({ node }) => (node.destinationAddress ? [node.customerId] : [])) ?? []),
      ]);
    const admin = await mintToken(identity, { subject: "admin-reader", roles: ["c360_admin"] });
    expect(persons((await t.query<Addressed>(both, {}, { token: admin })).data).size).toBeGreaterThan(20);
    const care = await mintToken(identity, { subject: "care-shipper", roles: ["customer_care", "merchandiser"] });
    const limited = await t.query<Addressed>(both, {}, { token: care });
    if (!heldToTrustedDocuments(limited)) {
      expect(persons(limited.data).size).toBeGreaterThan(0);
      expect(persons(limited.data).size).toBeLessThanOrEqual(20);
      expect(new Set(limited.errors?.map((e) => e.extensions?.code))).toEqual(new Set(["FORBIDDEN"]));
    }
    // The trail finds a read of an address under the buyer whose address it was (written every 200 ms):
    // by care in process; in production, where care runs only trusted documents, by logistics_ops.
    const [reader, subject] = t.stack.processes
      ? [await mintToken(identity, { subject: "shipper", roles: ["logistics_ops"] }), "shipper"]
      : [care, "care-shipper"];
    const one = await t.query<Addressed>(
      "{ shipments(first: 1) { edges { node { customerId destinationAddress } } } }",
      {},
      { token: reader },
    );
    const [shipment] = one.data?.shipments?.edges ?? [];
    expect(shipment?.node.destinationAddress).toBeTruthy();
    const auditor = await mintToken(identity, { subject: "auditor", roles: ["auditor"] });
    type Events = { accessEvents: { edges: { node: { subject: string } }[] } };
    await vi.waitFor(
      async () => {
        const seen = await t.query<Events>(
          "query ($id: String!) { accessEvents(filter: { customerId: $id }) { edges { node { subject } } } }",
          { id: shipment?.node.customerId },
          { token: auditor },
        );
        expect(seen.errors).toBeUndefined();
        expect(seen.data?.accessEvents.edges.map((e) => e.node.subject)).toContain(subject);
      },
      { timeout: 5_000, interval: 200 },
    );
  });

  it("stay at most 20 when the second role lists customers without a limit but reads no contact data", async () => {
    const token = await mintToken(loadConfig().identity, {
      subject: "care-marketer",
      roles: ["customer_care", "marketing_analyst"],
    });
    const response = await t.query<Answer>("{ customers(first: 100) { edges { node { id email } } } }", {}, { token });
    if (heldToTrustedDocuments(response)) return;
    expect(response.data?.customers?.edges).toHaveLength(100);
    expect(emailed(response.data).size).toBe(20);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(Array(80).fill("FORBIDDEN"));
  });
});
