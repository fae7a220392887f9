import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/testkit/database";
import { type Database, openDatabase } from "../src";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const zoneOf = (db: Database) =>
  db.query("SELECT current_setting('TimeZone') AS zone, $1::date::timestamptz::text AS midnight", ["2024-03-01"]);

describe("every session's time zone", () => {
  it("is UTC whatever the server's default, in both pools: a date compared with a timestamp is a UTC day", async () => {
    const utc = [{ zone: "UTC", midnight: "2024-03-01 00:00:00+00" }];
    if (!t.url) {
      expect(await zoneOf(t.db)).toEqual(utc);
      return;
    }
    await t.db.query(`ALTER DATABASE ${new URL(t.url).pathname.slice(1)} SET timezone = 'Pacific/Auckland'`);
    const db = await openDatabase({ url: t.url });
    try {
      expect(await zoneOf(db)).toEqual(utc);
      expect(await zoneOf(db.lookups)).toEqual(utc);
    } finally {
      await db.close();
    }
  });
});
