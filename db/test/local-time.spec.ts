import { describe, expect, it } from "vitest";
import { localIso, localTimeOf, marketplaces, timeZoneOfMarketSql, timeZones } from "../src/catalog";

describe("local time of a market-owned timestamp", () => {
  it("has one zone per marketplace", () => {
    expect(Object.keys(timeZones).sort()).toEqual(Object.keys(marketplaces).sort());
  });

  // Each pair straddles a DST change: the second instant is an hour (UTC) after the first.
  it.each([
    ["US, spring forward", "America/New_York", "2024-03-10T06:59:59Z", "2024-03-10T01:59:59-05:00"],
    ["US, spring forward", "America/New_York", "2024-03-10T07:00:00Z", "2024-03-10T03:00:00-04:00"],
    ["US, fall back", "America/New_York", "2024-11-03T05:30:00Z", "2024-11-03T01:30:00-04:00"],
    ["US, fall back", "America/New_York", "2024-11-03T06:30:00Z", "2024-11-03T01:30:00-05:00"],
    ["EU, spring forward", "Europe/Berlin", "2024-03-31T00:59:59Z", "2024-03-31T01:59:59+01:00"],
    ["EU, spring forward", "Europe/Berlin", "2024-03-31T01:00:00Z", "2024-03-31T03:00:00+02:00"],
    ["EU, fall back", "Europe/Berlin", "2024-10-27T00:30:00Z", "2024-10-27T02:30:00+02:00"],
    ["EU, fall back", "Europe/Berlin", "2024-10-27T01:30:00Z", "2024-10-27T02:30:00+01:00"],
    ["UK, summer", "Europe/London", "2024-05-15T14:30:00Z", "2024-05-15T15:30:00+01:00"],
    ["Sydney, DST ends in April", "Australia/Sydney", "2024-04-06T15:30:00Z", "2024-04-07T02:30:00+11:00"],
    ["Sydney, DST ends in April", "Australia/Sydney", "2024-04-06T16:30:00Z", "2024-04-07T02:30:00+10:00"],
    ["Sydney, DST starts in October", "Australia/Sydney", "2024-10-05T15:59:59Z", "2024-10-06T01:59:59+10:00"],
    ["Sydney, DST starts in October", "Australia/Sydney", "2024-10-05T16:00:00Z", "2024-10-06T03:00:00+11:00"],
    ["India, half-hour offset", "Asia/Kolkata", "2024-01-15T18:45:00Z", "2024-01-16T00:15:00+05:30"],
    ["Japan, no DST", "Asia/Tokyo", "2024-07-01T00:00:00Z", "2024-07-01T09:00:00+09:00"],
  ])("%s: %s at %s is %s", (_, zone, instant, local) => {
    expect(localIso(new Date(instant), zone)).toBe(local);
  });

  it("is the contract's example for a US instant in May", () => {
    expect(localTimeOf("2024-05-15T14:30:00.000Z", "US")).toBe("2024-05-15T10:30:00-04:00");
  });

  it("is null without a timestamp or a known market", () => {
    expect([localTimeOf(null, "US"), localTimeOf(new Date(0), null), localTimeOf(new Date(0), "CN")]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("gives SQL the same map, UTC for a row without a market", () => {
    expect(timeZoneOfMarketSql("t.marketplace")).toBe(
      `(CASE t.marketplace ${Object.entries(timeZones)
        .map(([code, zone]) => `WHEN '${code}' THEN '${zone}'`)
        .join(" ")} ELSE 'UTC' END)`,
    );
  });
});
