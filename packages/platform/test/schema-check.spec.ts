import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { throwawayRepository } from "../../../test/testkit/git";
import { schemaCheck } from "../src/schema-check";

/** A domain team's change, against recorded operations that use some of the graph. */
const before = `
  enum Grain { DAY MONTH }
  type Customer { id: ID! email: String phone: String @deprecated(reason: "use contact") nickname: String }
  type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int): [Customer!] }
`;
const operations = [
  { name: "Care", query: '{ customer(id: "1") { id email } }' },
  { name: "Monthly", query: '{ customer(id: "1", grain: MONTH) { id } }' },
];
const changed = (sdl: string) => schemaCheck(before, sdl, operations);

describe("the schema check of pnpm compose --check", () => {
  it("passes an added field and type", async () => {
    expect(
      await changed(`
        enum Grain { DAY MONTH }
        type Address { city: String }
        type Customer { id: ID! email: String phone: String @deprecated(reason: "use contact") nickname: String address: Address }
        type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int): [Customer!] }`),
    ).toEqual([]);
  });

  it("fails a removed field a recorded operation uses, naming the coordinate and the operation", async () => {
    const problems = await changed(`
      enum Grain { DAY MONTH }
      type Customer { id: ID! phone: String nickname: String }
      type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int): [Customer!] }`);
    expect(problems).toContainEqual(expect.objectContaining({ coordinate: "Customer.email", operation: "Care" }));
    expect(problems.some((p) => p.operation === "Monthly" && p.coordinate !== "-")).toBe(false);
  });

  it("passes removing a deprecated or unused field no recorded operation uses", async () => {
    expect(
      await changed(`
        enum Grain { DAY MONTH }
        type Customer { id: ID! email: String }
        type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int): [Customer!] }`),
    ).toEqual([]);
  });

  it("fails nullability tightened on an argument, and an enum value removed that an operation writes", async () => {
    const problems = await changed(`
      enum Grain { DAY }
      type Customer { id: ID! email: String phone: String nickname: String }
      type Query { customer(id: ID!, grain: Grain = DAY): Customer customers(first: Int!): [Customer!] }`);
    expect(problems.map((p) => [p.coordinate, p.operation])).toContainEqual(["Grain.MONTH", "Monthly"]);
    // customers(first:) is used by no recorded operation: tightening it breaks nobody we know of.
    expect(problems.some((p) => p.coordinate.startsWith("Query.customers"))).toBe(false);
  });
});

describe("pnpm compose --check --base <git-ref>", () => {
  const root = join(import.meta.dirname, "../../..");
  const compose = async (cwd: string, ...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        join(root, "node_modules/.bin/tsx"),
        ["--conditions=development", join(root, "packages/platform/src/compose-cli.ts"), ...args],
        { cwd, timeout: 120_000 },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it("checks the new graph against the base's supergraph and recorded operations", async () => {
    // v0: the graph and operations as they are; v1: a base where clients read Customer.nickname.
    const {
      dir: repo,
      commit,
      dispose,
    } = throwawayRepository(["packages/supergraph/supergraph.graphql", "gateway/operations"]);
    try {
      commit("v0");
      const supergraph = readFileSync(join(repo, "packages/supergraph/supergraph.graphql"), "utf8");
      const withNickname = supergraph.replace(/(\ntype Customer\b[^{]*\{\n)/, "$1  nickname: String\n");
      expect(withNickname).not.toBe(supergraph);
      writeFileSync(join(repo, "packages/supergraph/supergraph.graphql"), withNickname);
      writeFileSync(
        join(repo, "gateway/operations/Nick.graphql"),
        'query Nick { customer(id: "CUST001") { id nickname } }\n',
      );
      commit("v1");

      const same = await compose(repo, "--check", "--base", "v0");
      expect(same.stdout).toMatch(/^checked against v0 \([0-9a-f]{12}\): \d+ recorded operations$/m);
      expect(same.code).toBe(0);
      const broken = await compose(repo, "--check", "--base", "v1");
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/breaks recorded operation Nick at v1 \([0-9a-f]{12}\): .*nickname/);
      const unknown = await compose(repo, "--check", "--base=--upload-pack=x");
      expect({ code: unknown.code, stderr: unknown.stderr.trim() }).toEqual({
        code: 2,
        stderr: '--base: "--upload-pack=x" is not a git ref',
      });
    } finally {
      dispose();
    }
  });
});
