import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDirectory, seed } from "@c360/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFor } from "../testkit/identity";
import { startTestStack, type TestStack } from "../testkit/stack";

/**
 * The gateway's response cache (C360_RESPONSE_CACHE_MS) shares answers between users of one
 * identity scope only, never across roles or markets, and never serves an answer from before a load.
 */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack(({ db }) => seed(db, { scale: 0.01, seed: 1 }), { C360_RESPONSE_CACHE_MS: "60000" });
});
afterAll(() => t.dispose());

const events = async () => {
  await t.stack.audit.flush();
  return Number(((await t.db.query("SELECT count(*)::int AS n FROM audit.access_events")) as [{ n: number }])[0].n);
};

describe("the response cache", () => {
  it("never gives one role's or one market's answer to another, for the same document", async () => {
    const contacts = "{ customers(first: 20) { edges { node { id country email } } } }";
    const answers: Record<string, unknown> = {};
    for (const role of ["customer_care", "marketing_analyst"] as const) {
      for (const market of ["DE", "US"]) {
        const token = await tokenFor(role, { markets: [market], subject: `${role}-${market}-first` });
        const other = await tokenFor(role, { markets: [market], subject: `${role}-${market}-second` });
        const first = await t.query(contacts, {}, { token });
        const again = await t.query(contacts, {}, { token: other });
        expect(again).toEqual(first);
        answers[`${role} ${market}`] = first;
      }
    }
    const countries = (key: string) =>
      new Set(
        (
          (answers[key] as { data: { customers: { edges: { node: { country: string } }[] } } }).data.customers.edges ??
          []
        ).map((e) => e.node.country),
      );
    expect([...countries("customer_care DE")]).toEqual(["Germany"]);
    expect([...countries("customer_care US")]).toEqual(["USA"]);
    // Customer care's complete answer (emails included) is kept; the marketing analyst of the same
    // market still gets the emails refused.
    expect(JSON.stringify(answers["customer_care DE"])).toContain("@");
    expect(answers["marketing_analyst DE"]).toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN" }) }),
      ]),
    });
    expect(JSON.stringify(answers["marketing_analyst DE"])).not.toContain("@");
    // The answer served from the cache still records whose personal data it carried.
    await t.stack.audit.flush();
    const persons = await t.db.query<{ subject: string; customer_ids: string[] }>(
      "SELECT subject, customer_ids FROM audit.access_events WHERE subject LIKE 'customer_care-DE-%' ORDER BY event_id",
    );
    expect(persons.map((p) => p.subject)).toEqual(["customer_care-DE-first", "customer_care-DE-second"]);
    expect(persons[0]?.customer_ids.length).toBeGreaterThan(0);
    expect(persons[1]?.customer_ids).toEqual(persons[0]?.customer_ids);
  });

  it("serves users of one scope from one computation, and records every request in the trail", async () => {
    const before = { ...t.stack.responseCache?.stats };
    const eventsBefore = await events();
    const panel =
      '{ purchaseKpis(filter: { from: "2025-02-01", to: "2025-03-31" }, grain: MONTH) { periodStart orders pcr } }';
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tokenFor("cx_lead", { subject: `dashboard-viewer-${i}` })),
    );
    const replies = await Promise.all(tokens.map((token) => t.query(panel, {}, { token })));
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    const after = t.stack.responseCache?.stats;
    expect((after?.misses ?? 0) - (before.misses ?? 0)).toBe(1);
    expect((after?.hits ?? 0) + (after?.shared ?? 0) - (before.hits ?? 0) - (before.shared ?? 0)).toBe(9);
    expect((await events()) - eventsBefore).toBe(10);
  });

  it("serves nothing kept from before a load", async () => {
    const token = await tokenFor("c360_admin");
    const name = '{ customer(id: "CUST001") { firstName } }';
    const first = await t.query<{ customer: { firstName: string } }>(name, {}, { token });
    expect(await t.query(name, {}, { token })).toEqual(first);
    const [row] = await t.db.query<Record<string, string>>(
      "SELECT *, registration_date::text AS registered, date_of_birth::text AS born FROM customer.customers WHERE customer_id = 'CUST001'",
    );
    const dir = mkdtempSync(join(tmpdir(), "c360-reload-"));
    const header =
      "customer_id,first_name,last_name,email,phone,date_of_birth,gender,registration_date,customer_segment,preferred_channel,address_line1,city,state,zip_code,country";
    const values = [
      "CUST001",
      "Reloaded",
      row?.last_name,
      row?.email,
      row?.phone,
      row?.born,
      row?.gender,
      row?.registered?.slice(0, 19),
      row?.customer_segment,
      row?.preferred_channel,
      row?.address_line1,
      row?.city,
      row?.state,
      row?.zip_code,
      row?.country,
    ].map((v) => (v ?? "").replaceAll(",", " "));
    writeFileSync(join(dir, "customers.csv"), `${header}\n${values.join(",")}\n`);
    await importDirectory(t.db, dir);
    rmSync(dir, { recursive: true, force: true });
    const deadline = Date.now() + 5_000;
    let answer = first;
    while (Date.now() < deadline && answer.data?.customer.firstName !== "Reloaded") {
      await new Promise((r) => setTimeout(r, 200));
      answer = await t.query(name, {}, { token });
    }
    expect(answer).toEqual({ data: { customer: { firstName: "Reloaded" } } });
  });
});
