import { accessMatrix, identityConfigFromEnv, isRole, mintToken, roleNames, roleSchema } from "@c360/auth";
import { marketplaces } from "@c360/db";
import { committedSupergraph } from "@c360/gateway";
import { type Command, InvalidArgumentError, Option } from "commander";

function role(text: string) {
  if (!isRole(text)) throw new InvalidArgumentError(`unknown role (one of ${roleNames.join(", ")})`);
  return text;
}

function marketList(text: string): string[] {
  const markets = text
    .split(",")
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
  const unknown = markets.filter((m) => !(m in marketplaces));
  if (!markets.length || unknown.length)
    throw new InvalidArgumentError(`expected marketplace codes from ${Object.keys(marketplaces).join(",")}`);
  return markets;
}

/** `30s`, `15m`, `1h`, `7d` or plain seconds. */
function duration(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError("expected a duration like 30m, 1h or 7d");
  const seconds = Number(match[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as "" | "s" | "m" | "h" | "d"];
  if (seconds <= 0 || seconds > 30 * 86_400) throw new InvalidArgumentError("must be between 1s and 30d");
  return seconds;
}

/** `token`, `access-matrix`, `schema --role`: identity and the policy, offline. */
export function registerAccessCommands(program: Command): void {
  program
    .command("token")
    .description("mint a development token (HS256, C360_JWT_SECRET or the development secret)")
    .argument("<role>", `one of ${roleNames.join(", ")}`, role)
    .option("--markets <codes>", "row scope: comma-separated marketplace codes (US,CA)", marketList)
    .option("--ttl <duration>", "lifetime: 30m, 1h, 7d", duration, 3600)
    .option("--subject <sub>", "the token's subject", "dev-user")
    .action(async (name: string, options: { markets?: string[]; ttl: number; subject: string }) => {
      console.log(
        await mintToken(
          identityConfigFromEnv(),
          { subject: options.subject, roles: [name], markets: options.markets },
          options.ttl,
        ),
      );
    });

  program
    .command("access-matrix")
    .description("print the role x schema coordinate matrix of the access policy")
    .addOption(new Option("--format <format>", "output format").choices(["md", "csv"]).default("md"))
    .action((options: { format: "md" | "csv" }) => {
      console.log(accessMatrix(committedSupergraph(), options.format));
    });

  program
    .command("schema")
    .description("print the graph's SDL cut down to what a role may read")
    .requiredOption("--role <role>", `one of ${roleNames.join(", ")}`, role)
    .action((options: { role: string }) => {
      console.log(roleSchema(committedSupergraph(), options.role as never));
    });
}
