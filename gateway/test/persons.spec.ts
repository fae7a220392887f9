import { MAX_PERSONS, PersonsSeen } from "@c360/subgraph-kit";
import { describe, expect, it } from "vitest";
import { notePersons, type RequestAccess } from "../src/audit";

const access = (): RequestAccess => ({
  coordinates: [],
  customerIds: [],
  customerIdsTruncated: false,
  variables: null,
});
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `CUST${from + i}`);

describe("whose personal data an answer carried", () => {
  it("is noted once per person, at most MAX_PERSONS, and says when there were more", () => {
    const seen = new PersonsSeen();
    expect(seen.report()).toBeNull();
    for (const id of ["CUST1", "CUST1", 7]) seen.note(id);
    expect(seen.report()).toEqual({ keys: ["CUST1", "7"], truncated: false });
    // A person without a usable key is not named: the answer may have carried anyone's.
    for (const id of [null, { id: "CUST2" }]) expect(seen.note(id)).toBe(true);
    expect(seen.report()).toEqual({ keys: ["CUST1", "7"], truncated: true });
    // To a viewer with a limit, such a person cannot be counted, so not answered.
    expect(new PersonsSeen(20).note(null)).toBe(false);
    for (const id of ids(MAX_PERSONS + 5)) seen.note(id);
    expect(seen.report()?.keys).toHaveLength(MAX_PERSONS);
    expect(seen.report()?.truncated).toBe(true);
  });

  it("adds up the subgraphs' reports at the gateway within the same bound", () => {
    const request = access();
    notePersons(request, { keys: ids(600), truncated: false });
    notePersons(request, { keys: ids(600, 600), truncated: false });
    expect(request.customerIds).toHaveLength(MAX_PERSONS);
    expect(request.customerIdsTruncated).toBe(true);
    const small = access();
    notePersons(small, { keys: ["CUST1"], truncated: true });
    expect(small).toMatchObject({ customerIds: ["CUST1"], customerIdsTruncated: true });
  });

  it("ignores a report of another shape and keeps each id printable and bounded", () => {
    const request = access();
    for (const report of [null, "CUST1", 5, [], { keys: "CUST1" }, { keys: [1, null, {}] }, { truncated: "yes" }])
      notePersons(request, report);
    notePersons(request, JSON.parse('{"__proto__": {"keys": ["CUST9"]}, "keys": ["constructor", "a\\u0000b"]}'));
    notePersons(request, { keys: ["x".repeat(10_000)] });
    expect(request.customerIdsTruncated).toBe(false);
    expect(request.customerIds.slice(0, 2)).toEqual(["constructor", "a\ufffdb"]);
    expect(request.customerIds[2]?.length).toBeLessThan(200);
    expect(request.customerIds).toHaveLength(3);
  });
});
