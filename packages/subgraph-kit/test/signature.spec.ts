import { describe, expect, it } from "vitest";
import { sign, subgraphSecret, verifySignature } from "../src/signature";

const secret = subgraphSecret("root-secret-for-the-signature-test", "sales") as Buffer;
const parts = { method: "POST", target: "/graphql?a=1", authorization: "Bearer x.y.z", body: '{"query":"{ a }"}' };
const now = Date.parse("2026-11-23T12:00:00Z");

describe("the gateway's signature", () => {
  it("verifies for exactly the parts it was made over, with this subgraph's secret", () => {
    const header = sign(secret, parts, now);
    expect(verifySignature(secret, header, parts, now)).toBe(true);
    expect(
      verifySignature(subgraphSecret("root-secret-for-the-signature-test", "product") as Buffer, header, parts, now),
    ).toBe(false);
    for (const changed of [
      { ...parts, method: "GET" },
      { ...parts, target: "/graphql?a=2" },
      { ...parts, authorization: "Bearer x.y.w" },
      { ...parts, body: '{"query":"{ b }"}' },
    ])
      expect(verifySignature(secret, header, changed, now)).toBe(false);
  });

  it("binds each part to its place: no character moves from one part into the next", () => {
    const shifts = [
      [
        { ...parts, authorization: "Bearer x.y.z", body: '{"query"' },
        { ...parts, authorization: "Bearer x.y.z{", body: '"query"' },
      ],
      [
        { ...parts, target: "/graphql", authorization: "3:abc" },
        { ...parts, target: "/graphql3:", authorization: "abc" },
      ],
      [
        { ...parts, method: "POST", target: "/graphql" },
        { ...parts, method: "POST8", target: ":/graphql" },
      ],
    ];
    for (const [signed, forged] of shifts) {
      expect(verifySignature(secret, sign(secret, signed as typeof parts, now), forged as typeof parts, now)).toBe(
        false,
      );
    }
  });

  it("is refused when malformed, older than a minute, or ahead of the clock beyond a few seconds", () => {
    const header = sign(secret, parts, now);
    expect(verifySignature(secret, undefined, parts, now)).toBe(false);
    expect(verifySignature(secret, `${header}0`, parts, now)).toBe(false);
    expect(verifySignature(secret, header, parts, now + 61_000)).toBe(false);
    expect(verifySignature(secret, header, parts, now - 6_000)).toBe(false);
    expect(verifySignature(secret, header, parts, now + 59_000)).toBe(true);
  });
});
