import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../src/breaker";

describe("the circuit breaker", () => {
  it("opens after the threshold of consecutive failures, fails fast, probes once, and closes on success", () => {
    let now = 0;
    const breaker = new CircuitBreaker("sales", { threshold: 3, openMs: 1_000, now: () => now });
    breaker.failure();
    breaker.success();
    breaker.failure();
    breaker.failure();
    expect([breaker.state, breaker.allow()]).toEqual(["closed", true]);
    breaker.failure();
    expect([breaker.state, breaker.allow()]).toEqual(["open", false]);
    now = 999;
    expect(breaker.allow()).toBe(false);
    now = 1_000;
    expect([breaker.state, breaker.allow(), breaker.allow()]).toEqual(["half-open", true, false]);
    breaker.failure();
    expect([breaker.state, breaker.allow()]).toEqual(["open", false]);
    now = 2_000;
    expect(breaker.allow()).toBe(true);
    breaker.success();
    expect([breaker.state, breaker.allow(), breaker.allow()]).toEqual(["closed", true, true]);
  });

  it("counts a subject's timeouts once between successes, and any failure of the subgraph's each time", () => {
    const breaker = new CircuitBreaker("cx-kpi", { threshold: 3 });
    for (let i = 0; i < 20; i++) breaker.timedOut("analyst");
    expect(breaker.state).toBe("closed");
    breaker.timedOut("someone");
    breaker.failure();
    expect(breaker.state).toBe("open");
    const again = new CircuitBreaker("cx-kpi", { threshold: 3 });
    again.timedOut("analyst");
    again.success();
    again.timedOut("analyst");
    again.timedOut("analyst");
    expect(again.state).toBe("closed");
  });
});
