import { roleNames } from "@c360/auth/policy";
import { type Command, InvalidArgumentError, Option } from "commander";

function role(text: string) {
  if (!(roleNames as readonly string[]).includes(text))
    throw new InvalidArgumentError(`unknown role (one of ${roleNames.join(", ")})`);
  return text;
}

/** `30s`, `15m`, `1h`, `7d` or plain seconds. */
function duration(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError("expected a duration like 30m, 1h or 7d");
  const seconds = Number(match[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as "" | "s" | "m" | "h" | "d"];
  if (seconds <= 0 || seconds > 30 * 86_400) throw new InvalidArgumentError("must be between 1s and 30d");
  return seconds;
}

/**
 * `token`, `access-matrix`, `schema --role`, `config`: identity, the policy and the configuration,
 * offline. What a command needs is loaded when it runs, so `--help` stays instant.
 */
export function registerAccessCommands(program: Command): void {
  program
    .command("token")
    .description("mint a development token (HS256, C360_JWT_SECRET or the development secret)")
    .argument("<role>", `one of ${roleNames.join(", ")}`, role)
    .option("--markets <codes>", "row scope: comma-separated marketplace codes (US,CA)")
    .option("--ttl <duration>", "lifetime: 30m, 1h (at most C360_JWT_MAX_TTL, one day by default)", duration, 3600)
    .option("--sub <subject>", "the token's subject (default dev-<role>, so the trail tells roles apart)")
    .action(async (name: string, options: { markets?: string; ttl: number; sub?: string }) => {
      const [{ mintToken }, { loadConfig }, { isMarketplace, marketplaces }] = await Promise.all([
        import("@c360/auth"),
        import("@c360/config"),
        import("@c360/db"),
      ]);
      let markets: string[] | undefined;
      if (options.markets !== undefined) {
        markets = options.markets
          .split(",")
          .map((m) => m.trim().toUpperCase())
          .filter(Boolean);
        if (!markets.length || !markets.every(isMarketplace))
          throw new InvalidArgumentError(
            `--markets: expected marketplace codes from ${Object.keys(marketplaces).join(",")}`,
          );
      }
      console.log(
        await mintToken(
          loadConfig().identity,
          { subject: options.sub ?? `dev-${name}`, roles: [name], markets },
          options.ttl,
        ),
      );
    });

  program
    .command("access-matrix")
    .description("print the role x schema coordinate matrix of the access policy, or what changed since a git ref")
    .addOption(new Option("--format <format>", "output format").choices(["md", "csv"]).default("md"))
    .option(
      "--diff <git-ref>",
      "print who gained or lost each field between the policy at <git-ref> and the working tree's (Markdown)",
    )
    .option("--to <git-ref>", "with --diff: compare with the policy at this ref instead of the working tree")
    .action(async (options: { format: "md" | "csv"; diff?: string; to?: string }) => {
      if (options.diff === undefined) {
        if (options.to !== undefined) throw new InvalidArgumentError("--to compares with --diff <git-ref>: give both");
        const [{ accessMatrix }, { supergraphSdl }] = await Promise.all([
          import("@c360/auth"),
          import("@c360/supergraph"),
        ]);
        console.log(accessMatrix(supergraphSdl(), options.format));
        return;
      }
      const [{ accessDiff, formatAccessDiff }, { commitAt, repositoryRoot }, at] = await Promise.all([
        import("@c360/auth"),
        import("@c360/supergraph/git"),
        import("./policy-at"),
      ]);
      const root = repositoryRoot();
      const before = await at.policyAt(commitAt(root, options.diff));
      const after =
        options.to === undefined ? await at.policyOfWorkingTree(root) : await at.policyAt(commitAt(root, options.to));
      console.log(formatAccessDiff(accessDiff(before, after), { before: before.label, after: after.label }));
    });

  program
    .command("roles")
    .description("print the roles of the policy as a Markdown table: entitlements, fields each may read")
    .action(async () => {
      const [{ rolesTable }, { supergraphSdl }] = await Promise.all([import("@c360/auth"), import("@c360/supergraph")]);
      console.log(rolesTable(supergraphSdl()));
    });

  program
    .command("schema")
    .description("print the graph's SDL cut down to what a role may read")
    .requiredOption("--role <role>", `one of ${roleNames.join(", ")}`, role)
    .action(async (options: { role: string }) => {
      const [{ roleSchema }, { supergraphSdl }] = await Promise.all([import("@c360/auth"), import("@c360/supergraph")]);
      console.log(roleSchema(supergraphSdl(), [options.role as never]));
    });

  program
    .command("config")
    .description("print the effective configuration: every setting, its value (secrets masked), where it came from")
    .action(async () => {
      const { describeConfig } = await import("@c360/config");
      console.log(describeConfig());
    });
}
