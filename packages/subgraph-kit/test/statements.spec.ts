import { describe, expect, it } from "vitest";
import { postgresName } from "../src/statements";

describe("prepared statements' names", () => {
  it("stay distinct within Postgres's 63 bytes for every filter variant and viewer kind", () => {
    const fields = ["channel", "customerId", "from", "minTotal", "status", "to"];
    const ids: string[] = [];
    for (let set = 0; set < 1 << fields.length; set++) {
      const variant = fields.filter((_, i) => set & (1 << i)).join(",");
      for (const scoped of ["", ".scoped"]) ids.push(`sales.transactionPages${variant ? `[${variant}]` : ""}${scoped}`);
    }
    const names = ids.map(postgresName);
    expect(new Set(names).size).toBe(ids.length);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(postgresName("customer.customersByIds.scoped")).toBe("customer.customersByIds.scoped");
  });
});
