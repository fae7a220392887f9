import { join } from "node:path";
import { importDirectory } from "@c360/db";
import { accessEvents } from "@c360/db/schema";
import { insertRows } from "@c360/db-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

const fixtures = join(import.meta.dirname, "../../db/test/fixtures/mini");

let t: TestStack;
let auditor: string;
let marketing: string;
beforeAll(async () => {
  t = await startTestStack(({ db }) => importDirectory(db, fixtures));
  auditor = await tokenFor("auditor");
  marketing = await tokenFor("marketing_analyst");
});
afterAll(() => t.dispose());

type Event = {
  subject: string | null;
  roles: string[];
  operation_name: string | null;
  coordinates: string[];
  denied: string[];
  outcome: string;
};

async function events(): Promise<Event[]> {
  await t.stack.audit.flush();
  return t.db.query<Event>(
    "SELECT subject, roles, operation_name, coordinates, denied, outcome FROM audit.access_events ORDER BY event_id",
  );
}

describe("the access trail", () => {
  it("records every request with who, what was asked, what was denied and how it ended", async () => {
    const before = (await events()).length;
    await t.query(
      'query Profile { customer(id: "CUST001") { id email loyalty { loyaltyTier } } }',
      {},
      { token: marketing },
    );
    await t.query('query Ok { customer(id: "CUST001") { id customerSegment } }', {}, { token: marketing });
    await t.query("query Broken { customer { id } }", {}, { token: marketing });
    await t.query("{ customer(id: 1) { id } }", {}, { token: null });
    const recorded = (await events()).slice(before);
    expect(recorded).toEqual([
      {
        subject: "test-marketing_analyst",
        roles: ["marketing_analyst"],
        operation_name: "Profile",
        coordinates: ["Customer.email", "Customer.id", "Customer.loyalty", "Loyalty.loyaltyTier", "Query.customer"],
        denied: ["Customer.email"],
        outcome: "denied",
      },
      {
        subject: "test-marketing_analyst",
        roles: ["marketing_analyst"],
        operation_name: "Ok",
        coordinates: ["Customer.customerSegment", "Customer.id", "Query.customer"],
        denied: [],
        outcome: "ok",
      },
      {
        subject: "test-marketing_analyst",
        roles: ["marketing_analyst"],
        operation_name: "Broken",
        coordinates: [],
        denied: [],
        outcome: "invalid",
      },
      { subject: null, roles: [], operation_name: null, coordinates: [], denied: [], outcome: "unauthenticated" },
    ]);
  });

  it("answers who selected a field and who was denied it, with the text of what they sent", async () => {
    const care = await tokenFor("customer_care", { subject: "care-reader" });
    const prober = await tokenFor("sales_analyst", { subject: "email-prober" });
    const read = 'query CareEmail { customer(id: "CUST001") { email } }';
    const probe = 'query ProbeEmail { customer(id: "CUST001") { id email } }';
    await t.query(read, {}, { token: care });
    await t.query(read, {}, { token: care });
    await t.query(probe, {}, { token: prober });
    await t.query("# ring \u0007\nquery Tab { dataProducts { customer { name } } }\t", {}, { token: prober });
    await t.stack.audit.flush();
    type Page = {
      accessEvents: { edges: { node: { subject: string; operationName: string; document: string | null } }[] };
    };
    const by = async (filter: string) =>
      (
        await t.query<Page>(
          `{ accessEvents(filter: { ${filter} }, first: 500) { edges { node { subject operationName document } } } }`,
          {},
          { token: auditor },
        )
      ).data?.accessEvents.edges.map((e) => e.node) ?? [];
    const selected = await by('coordinate: "Customer.email"');
    expect(selected.filter((e) => e.subject === "care-reader")).toEqual([
      { subject: "care-reader", operationName: "CareEmail", document: read },
      { subject: "care-reader", operationName: "CareEmail", document: read },
    ]);
    expect(selected.filter((e) => e.subject === "email-prober").map((e) => e.document)).toEqual([probe]);
    const denied = await by('deniedCoordinate: "Customer.email"');
    expect(denied.map((e) => e.subject)).toContain("email-prober");
    expect(denied.map((e) => e.subject)).not.toContain("care-reader");
    // Each distinct document is stored once, its control characters replaced (tabs and newlines kept).
    const stored = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit.access_documents WHERE document LIKE '%CareEmail%'",
    );
    expect(stored[0]?.n).toBe(1);
    const [tab] = await by('subject: "email-prober", operationName: "Tab"');
    expect(tab?.document).toBe("# ring \ufffd\nquery Tab { dataProducts { customer { name } } }\t");
  });

  it("answers who saw a person's personal data, however the request reached it", async () => {
    const care = await tokenFor("customer_care", { subject: "care-person" });
    const analyst = await tokenFor("marketing_analyst", { subject: "analyst-person" });
    // CUST003's email through an alias and a fragment, its id never selected.
    await t.query(
      'query CareMail { customer(id: "CUST003") { ... on Customer { mail: email } } }',
      {},
      { token: care },
    );
    // A buyer's name through the sales subgraph (TXN002 is CUST002's): answered by the customer subgraph.
    await t.query('query Buyer { transaction(id: "TXN002") { customer { firstName } } }', {}, { token: care });
    // A list: CUST002 has no phone, so its (empty) phone carries no personal data.
    await t.query("query Phones { customers(first: 10) { edges { node { phone } } } }", {}, { token: care });
    // The same customer without contact data: a segment and a city are personal data too. With its
    // personal data denied, nobody's was seen.
    await t.query('query NoPii { customer(id: "CUST003") { id customerSegment city } }', {}, { token: analyst });
    await t.query('query Denied { customer(id: "CUST003") { id email } }', {}, { token: analyst });
    await t.stack.audit.flush();
    type Page = {
      accessEvents: {
        edges: {
          node: { subject: string; operationName: string; customerIds: string[]; customerIdsTruncated: boolean };
        }[];
      };
    };
    const sightingsOf = async (customerId: string) =>
      (
        await t.query<Page>(
          "query Who($id: String!) { accessEvents(filter: { customerId: $id }) { edges { node { subject operationName customerIds customerIdsTruncated } } } }",
          { id: customerId },
          { token: auditor },
        )
      ).data?.accessEvents.edges
        .map((e) => e.node)
        .filter((e) => e.subject === "care-person" || e.subject === "analyst-person") ?? [];
    expect(await sightingsOf("CUST003")).toEqual([
      { subject: "analyst-person", operationName: "NoPii", customerIds: ["CUST003"], customerIdsTruncated: false },
      {
        subject: "care-person",
        operationName: "Phones",
        customerIds: ["CUST001", "CUST003"],
        customerIdsTruncated: false,
      },
      { subject: "care-person", operationName: "CareMail", customerIds: ["CUST003"], customerIdsTruncated: false },
    ]);
    expect(await sightingsOf("CUST002")).toEqual([
      { subject: "care-person", operationName: "Buyer", customerIds: ["CUST002"], customerIdsTruncated: false },
    ]);
    expect(await sightingsOf("__proto__")).toEqual([]);
    // An event whose list of persons was cut may have carried anyone's: it is found for every customer.
    await insertRows(t.db, accessEvents, [
      {
        occurredAt: new Date(),
        subject: "care-person",
        roles: ["customer_care"],
        markets: null,
        operationName: "Everyone",
        documentHash: "h",
        coordinates: [],
        denied: [],
        outcome: "ok",
        status: 200,
        codes: [],
        policyVersion: "v",
        customerIds: [],
        customerIdsTruncated: true,
        chain: "test-cut",
        prevHash: "",
        hash: "",
      },
    ]);
    expect((await sightingsOf("CUST002")).map((e) => e.operationName)).toEqual(["Everyone", "Buyer"]);
  });

  it("keeps requests working while the trail cannot be written, and writes everything once it can", async () => {
    const before = (await events()).length;
    await t.db.query("ALTER TABLE audit.access_events RENAME TO access_events_away");
    const failuresBefore = t.stack.audit.stats.failures;
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await t.query('{ customer(id: "CUST002") { id } }', {}, { token: marketing }));
    expect(answers).toEqual(Array(5).fill({ data: { customer: { id: "CUST002" } } }));
    await t.stack.audit.flush();
    expect(t.stack.audit.stats.failures).toBeGreaterThan(failuresBefore);
    expect(t.stack.audit.stats.pending).toBeGreaterThanOrEqual(5);
    await t.db.query("ALTER TABLE audit.access_events_away RENAME TO access_events");
    expect((await events()).length - before).toBe(5);
    expect(t.stack.audit.stats).toMatchObject({ pending: 0, dropped: 0 });
  });
});

/** An event as the gateway records it, for a probe of the trail itself. */
const probeEvent = (name: string) => ({
  occurredAt: new Date(),
  subject: "flush-probe",
  roles: ["auditor"],
  markets: null,
  operationName: name,
  documentHash: `flush-probe-${name}-${Date.now()}`,
  coordinates: [],
  denied: [],
  outcome: "ok" as const,
  status: 200,
  codes: [],
  policyVersion: "v",
  customerIds: [],
  customerIdsTruncated: false,
  variables: null,
  requestId: `probe-${name}`,
  purpose: null,
  document: `query ${name} { __typename }`,
});

describe("the access trail's flush", () => {
  it("returns only once what was recorded during a write already under way is stored, documents included", async () => {
    const first = probeEvent("First");
    const second = probeEvent("Second");
    t.stack.audit.record(first);
    const underWay = t.stack.audit.flush();
    t.stack.audit.record(second);
    await t.stack.audit.flush();
    const stored = await t.db.query<{ operation_name: string; document: string | null }>(
      `SELECT e.operation_name, d.document FROM audit.access_events e
         LEFT JOIN audit.access_documents d USING (document_hash)
        WHERE e.subject = 'flush-probe' ORDER BY e.event_id`,
    );
    expect(stored).toEqual([
      { operation_name: "First", document: first.document },
      { operation_name: "Second", document: second.document },
    ]);
    await underWay;
  });
});

describe("the access trail under bad events", () => {
  it("writes events whose documents the database refuses, and sets those documents aside", async () => {
    await t.db.query(
      "ALTER TABLE audit.access_documents ADD CONSTRAINT refuse_document CHECK (document NOT LIKE '%RefusedText%')",
    );
    try {
      const before = (await events()).length;
      const dropped = t.stack.audit.stats.documentsDropped;
      for (const name of ["RefusedText", "AfterRefusedText"])
        await t.query(`query ${name} { customer(id: "CUST001") { id } }`, {}, { token: marketing });
      expect((await events()).slice(before).map((e) => e.operation_name)).toEqual(["RefusedText", "AfterRefusedText"]);
      // A document a write could not take for a passing reason (CI's load) is tried again at the next
      // flush: what must hold is that both are set aside, neither stored nor lost from the count.
      await vi.waitFor(async () => {
        await t.stack.audit.flush();
        expect(t.stack.audit.stats).toMatchObject({ documentsDropped: dropped + 2, pending: 0 });
      }, 10_000);
      const beside = probeEvent("KeptBesideRefused");
      t.stack.audit.record(probeEvent("RefusedTextBesideKept"));
      t.stack.audit.record(beside);
      await t.stack.audit.flush();
      const stored = await t.db.query("SELECT document FROM audit.access_documents WHERE document_hash = $1", [
        beside.documentHash,
      ]);
      expect(stored).toEqual([{ document: beside.document }]);
      expect(t.stack.audit.stats).toMatchObject({ documentsDropped: dropped + 3, pending: 0 });
    } finally {
      await t.db.query("ALTER TABLE audit.access_documents DROP CONSTRAINT refuse_document");
    }
    const kept = await t.db.query("SELECT 1 FROM audit.access_documents WHERE document LIKE '%RefusedText%'");
    expect(kept).toEqual([]);
  });

  it("sets aside an event the database refuses for its data and writes the rest of its batch", async () => {
    await t.db.query(
      "ALTER TABLE audit.access_events ADD CONSTRAINT refuse_probe CHECK (operation_name IS DISTINCT FROM 'Refused')",
    );
    try {
      const before = (await events()).length;
      const rejected = t.stack.audit.stats.rejected;
      for (const name of ["Before", "Refused", "After"])
        await t.query(`query ${name} { customer(id: "CUST001") { id } }`, {}, { token: marketing });
      expect((await events()).slice(before).map((e) => e.operation_name)).toEqual(["Before", "After"]);
      expect(t.stack.audit.stats).toMatchObject({ rejected: rejected + 1, pending: 0 });
    } finally {
      await t.db.query("ALTER TABLE audit.access_events DROP CONSTRAINT refuse_probe");
    }
  });
});

describe("the auditor queries", () => {
  it("serve the policy, explanations and the trail to auditors", async () => {
    const result = await t.query<{
      accessPolicy: {
        fields: { coordinate: string; roles: string[] }[];
        roles: { name: string; entitlements: string[] }[];
      };
      explainAccess: unknown;
      accessEvents: { totalCount: number; edges: { node: { operationName: string | null; denied: string[] } }[] };
    }>(
      `query ($document: String!) {
        accessPolicy { roles { name entitlements } fields { coordinate roles } }
        explainAccess(role: "marketing_analyst", document: $document) { role allowed denied { coordinate path missing } }
        accessEvents(filter: { role: "marketing_analyst", subject: "test-marketing_analyst", outcome: "denied" }, first: 10) { totalCount edges { node { operationName denied } } }
      }`,
      {
        document: `query { c: customer(id: "X") { ...Contact loyalty { loyaltyTier } } }
                   fragment Contact on Customer { id mail: email ... on Customer { phone } }`,
      },
      { token: auditor },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.accessPolicy.fields.find((f) => f.coordinate === "Customer.email")).toEqual({
      coordinate: "Customer.email",
      roles: ["c360_admin", "customer_care"],
    });
    expect(result.data?.accessPolicy.roles.find((r) => r.name === "auditor")).toEqual({
      name: "auditor",
      entitlements: ["graph:paginate", "meta:read", "audit:read"],
    });
    expect(result.data?.explainAccess).toEqual({
      role: "marketing_analyst",
      allowed: false,
      denied: [
        { coordinate: "Customer.email", path: "...Contact.mail", missing: ["customer:readPii"] },
        { coordinate: "Customer.phone", path: "...Contact.phone", missing: ["customer:readPii"] },
      ],
    });
    expect(result.data?.accessEvents.totalCount).toBeGreaterThanOrEqual(1);
    expect(result.data?.accessEvents.edges[0]?.node).toEqual({ operationName: "Profile", denied: ["Customer.email"] });
  });

  it("explains a document that does not validate, or is no query, as BAD_USER_INPUT", async () => {
    const result = await t.query(
      '{ explainAccess(role: "auditor", document: "{ nope") { allowed } }',
      {},
      { token: auditor },
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    const invalid = "the document does not validate against the graph:";
    for (const [document, message] of [
      ['{ customer(id: "x") { ... on Bogus { email } } }', `${invalid} Unknown type "Bogus".`],
      ['{ customer(id: "x") { bogusField email } }', `${invalid} Cannot query field "bogusField" on type "Customer".`],
      [
        "{ customer { id } }",
        `${invalid} Field "customer" argument "id" of type "ID!" is required, but it was not provided.`,
      ],
      ["mutation { x }", "the graph answers queries only, and this document holds a mutation"],
      [
        '{ __typename } subscription S { customer(id: "x") { id } }',
        "the graph answers queries only, and this document holds a subscription",
      ],
    ]) {
      const explained = await t.query(
        'query ($document: String!) { explainAccess(role: "marketing_analyst", document: $document) { allowed } }',
        { document },
        { token: auditor },
      );
      expect({ document, errors: explained.errors?.map((e) => [e.extensions?.code, e.message]) }).toEqual({
        document,
        errors: [["BAD_USER_INPUT", `document: ${message}`]],
      });
    }
  });

  it("refuses them to everyone but auditors and admins", async () => {
    const result = await t.query("{ accessPolicy { roles { name } } }", {}, { token: marketing });
    expect(result).toMatchObject({
      data: { accessPolicy: null },
      errors: [{ message: "Forbidden: Query.accessPolicy requires audit:read", extensions: { code: "FORBIDDEN" } }],
    });
  });
});
