import { describe, expect, it } from "vitest";
import { SubjectBudget } from "../src/budget";

const refused = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    const { code, http } = (error as { extensions: { code: string; http: { status: number; headers: object } } })
      .extensions;
    return { code, status: http.status, headers: http.headers };
  }
};

describe("each subject's budget", () => {
  it("holds a subject to its requests in flight, and gives them back on release", () => {
    const budget = new SubjectBudget({ concurrency: 2, costInFlight: 1_000, ratePerSecond: 100, burst: 100 });
    const first = budget.admit("ana", 1);
    budget.admit("ana", 1);
    expect(refused(() => budget.admit("ana", 1))).toEqual({
      code: "RATE_LIMITED",
      status: 429,
      headers: { "retry-after": "1" },
    });
    expect(refused(() => budget.admit("bob", 1))).toBeNull();
    first();
    first();
    expect(refused(() => budget.admit("ana", 1))).toBeNull();
  });

  it("lets one heavy request run alone, not two", () => {
    const budget = new SubjectBudget({ concurrency: 8, costInFlight: 2_000_000, ratePerSecond: 100, burst: 100 });
    const heavy = budget.admit("ana", 1_500_000);
    expect(refused(() => budget.admit("ana", 1_500_000))?.code).toBe("RATE_LIMITED");
    expect(refused(() => budget.admit("ana", 100))).toBeNull();
    heavy();
    expect(refused(() => budget.admit("ana", 1_900_000))).toBeNull();
  });

  it("refills at its rate and says when to come back", () => {
    let now = 0;
    const budget = new SubjectBudget({
      concurrency: 100,
      costInFlight: 1e9,
      ratePerSecond: 2,
      burst: 3,
      now: () => now,
    });
    for (let i = 0; i < 3; i++) budget.admit("ana", 1)();
    expect(refused(() => budget.admit("ana", 1))).toEqual({
      code: "RATE_LIMITED",
      status: 429,
      headers: { "retry-after": "1" },
    });
    now += 500;
    expect(refused(() => budget.admit("ana", 1))).toBeNull();
    expect(refused(() => budget.admit("ana", 1))?.code).toBe("RATE_LIMITED");
  });

  it("forgets idle subjects beyond its bound, never busy ones", () => {
    const budget = new SubjectBudget({ concurrency: 1, costInFlight: 1e9, ratePerSecond: 1, burst: 1, maxSubjects: 2 });
    budget.admit("busy", 1);
    budget.admit("idle", 1)();
    budget.admit("third", 1);
    expect(refused(() => budget.admit("busy", 1))?.code).toBe("RATE_LIMITED");
  });
});
