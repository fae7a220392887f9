import { envName, GATEWAY_PORT, subgraphRegistry } from "@c360/registry";
import { z } from "zod";

/**
 * Every setting of every process, declared once: its environment variable, type, default and
 * description. `loadConfig` parses the environment once, at a process's start, and reports every
 * problem in one message; nothing else in the product reads `process.env` (NODE_ENV included).
 */

const DEVELOPMENT_JWT_SECRET = "c360-development-secret-do-not-use-in-production";
const DEVELOPMENT_TRAIL_KEY = "c360-development-trail-key-do-not-use-in-production";

const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d+$/, { error: "must be a whole number" })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `must be between ${min} and ${max}` });
const positive = () =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: "must be a positive number" })
    .transform(Number)
    .refine((n) => n > 0, { error: "must be a positive number" });
const port = () => whole(0, 65_535);
const url = (schemes: RegExp, what: string) => z.string().regex(schemes, { error: `must be ${what}` });
const secret = (min: number) => z.string().min(min, { error: `must be at least ${min} characters` });

/**
 * Why `entry` is not an origin as a browser sends it in `Origin` (`scheme://host[:port]`: http or
 * https, lower case, no default port, no path), or undefined when it is one. Origins are compared
 * as exact text, so anything else would never match, or would match more than was meant.
 */
function originProblem(entry: string): string | undefined {
  if (entry === "") return "is empty";
  if (entry.includes("*")) return "is a wildcard: list each origin";
  if (!URL.canParse(entry)) return "is not a URL";
  const { protocol, origin } = new URL(entry);
  if (protocol !== "http:" && protocol !== "https:") return "is not http:// or https://";
  if (origin !== entry) return `is not an origin as browsers send it: ${origin}`;
  return undefined;
}

/** Comma-separated origins, each checked by `originProblem`; every bad one is named. */
const origins = () =>
  z.string().transform((value, ctx) => {
    const entries = value.split(",").map((entry) => entry.trim());
    const bad = entries.flatMap((entry) => {
      const problem = originProblem(entry);
      return problem ? [`${JSON.stringify(entry)} ${problem}`] : [];
    });
    if (!bad.length) return [...new Set(entries)];
    ctx.addIssue({
      code: "custom",
      message: `must be comma-separated origins scheme://host[:port]: ${bad.join("; ")}`,
    });
    return z.NEVER;
  });

interface Setting {
  schema: z.ZodType<unknown, string>;
  description: string;
  /** The value used when the variable is unset or empty (itself parsed by `schema`). */
  fallback?: string;
  /** Never printed (`c360 config` shows whether it is set). */
  secret?: boolean;
}

const setting = (schema: z.ZodType<unknown, string>, description: string, fallback?: string, isSecret = false) => ({
  schema,
  description,
  fallback,
  secret: isSecret,
});

/** The setting that moves a service's port: `C360_GATEWAY_PORT`, `C360_<NAME>_PORT` for a subgraph. */
export const portSetting = (service: string) => `C360_${envName(service)}_PORT`;

const subgraphSettings = Object.fromEntries(
  subgraphRegistry.flatMap((s): [string, Setting][] => [
    [portSetting(s.name), setting(port(), `Port of the ${s.name} subgraph (0: any free port)`, String(s.port))],
    [
      `C360_${envName(s.name)}_URL`,
      setting(
        url(/^https?:\/\//, "an http(s):// URL"),
        `Where the gateway reaches the ${s.name} subgraph (default: the URL the supergraph records)`,
      ),
    ],
  ]),
);

/** The declared settings, by environment variable. */
export const settings: Readonly<Record<string, Setting>> = {
  NODE_ENV: setting(
    z.enum(["development", "production", "test"], { error: "must be development, production or test" }),
    "production: introspection off, no suggestions, real secrets required",
    "development",
  ),
  DATABASE_URL: setting(
    url(/^postgres(ql)?:\/\//, "a postgres:// or postgresql:// URL"),
    "Postgres server; unset: the embedded PGlite database",
    undefined,
    true,
  ),
  C360_PGLITE_DIR: setting(z.string(), "Embedded database directory (memory:// keeps it in memory)", ".c360/pglite"),
  C360_STATEMENT_TIMEOUT_MS: setting(whole(0), "Postgres statement_timeout for serving (0: off)", "5000"),
  C360_DB_POOL_SIZE: setting(
    whole(1, 1_000),
    "Postgres connections per pool (a process has two: keyed lookups and the rest)",
    "10",
  ),
  C360_LISTEN_HOST: setting(
    z.enum(["127.0.0.1", "0.0.0.0", "::"], { error: "must be 127.0.0.1, 0.0.0.0 or ::" }),
    "Address every server listens on: loopback by default; 0.0.0.0 in a container behind a Service",
    "127.0.0.1",
  ),
  C360_GATEWAY_PORT: setting(port(), "Port of the gateway (0: any free port)", String(GATEWAY_PORT)),
  ...subgraphSettings,
  C360_SUPERGRAPH: setting(z.string(), "Path of the supergraph SDL to serve (default: the committed one)"),
  C360_JWT_SECRET: setting(
    secret(32),
    "HS256 key of bearer tokens (a fixed development key outside production)",
    undefined,
    true,
  ),
  C360_JWKS_URL: setting(url(/^https?:\/\//, "an http(s):// URL"), "RS256: JWKS endpoint of the identity provider"),
  C360_JWT_PUBLIC_KEY: setting(z.string(), "RS256: PEM public key of the identity provider"),
  C360_JWT_ISSUER: setting(z.string().min(1), "Required iss of bearer tokens", "c360"),
  C360_JWT_AUDIENCE: setting(z.string().min(1), "Required aud of bearer tokens", "c360-graph"),
  C360_JWT_MAX_TTL: setting(whole(1), "Longest lifetime a token may have left, in seconds", "86400"),
  C360_SUBGRAPH_SECRET: setting(
    secret(32),
    "Root of the keys the gateway signs subgraph requests with (required in production)",
    undefined,
    true,
  ),
  C360_TRAIL_KEY: setting(
    secret(32),
    "Key of the access trail's chains and checkpoints, never stored in the database (required by the gateway in production; a fixed development key outside it)",
    undefined,
    true,
  ),
  C360_TRAIL_CHECKPOINTS: setting(
    z.string().min(1),
    "Directory the gateway appends its signed trail checkpoints to, outside the database's reach (required by the gateway in production)",
  ),
  C360_PURPOSES: setting(
    z.string().regex(/^[a-z0-9_-]{1,64}(,[a-z0-9_-]{1,64})*$/, {
      error: "must be comma-separated codes of lower-case letters, digits, _ and -",
    }),
    "The purposes a request may give in x-c360-purpose, as codes (unset: any printable text of at most 200 characters)",
  ),
  C360_PURPOSE_REQUIRED_ROLES: setting(
    z.string().regex(/^[a-z0-9_]{1,64}(,[a-z0-9_]{1,64})*$/, { error: "must be comma-separated role names" }),
    "Roles whose requests for personal data must give a purpose (x-c360-purpose)",
  ),
  C360_METRICS_TOKEN: setting(
    secret(32),
    "Bearer token that opens /metrics on every process (unset: /metrics is open in development and answers 404 in production)",
    undefined,
    true,
  ),
  C360_MAX_DEPTH: setting(whole(1), "Deepest operation accepted", "12"),
  C360_MAX_ALIASES: setting(whole(0), "Most aliases in a document", "15"),
  C360_MAX_ROOT_FIELDS: setting(whole(1), "Most root fields in an operation", "5"),
  C360_MAX_DIRECTIVES: setting(whole(0), "Most directives in a document", "10"),
  C360_MAX_TOKENS: setting(whole(1), "Most lexical tokens in a document", "2000"),
  C360_MAX_CHARACTERS: setting(whole(1), "Longest document, in characters", "15000"),
  C360_MAX_BODY_BYTES: setting(whole(1), "Largest request body after decompression", String(256 * 1024)),
  C360_MAX_COST: setting(whole(1), "Highest static cost of an operation", "2000000"),
  C360_MAX_ENTITIES: setting(whole(1), "Most _entities representations in a request", "1000"),
  C360_MAX_RESPONSE_BYTES: setting(
    whole(1),
    "Largest answer a process sends (a subgraph's to the gateway, the gateway's to its client)",
    String(8 * 1024 * 1024),
  ),
  C360_MAX_VARIABLE_DEPTH: setting(whole(1), "Deepest nesting of variables", "32"),
  C360_MAX_VARIABLE_VALUES: setting(whole(1), "Most values the variables may hold", "20000"),
  C360_SUBJECT_CONCURRENCY: setting(whole(1), "Requests one subject may have in flight at the gateway", "8"),
  C360_SUBJECT_COST_IN_FLIGHT: setting(whole(1), "Estimated cost one subject may have in flight", "2000000"),
  C360_SUBJECT_RATE: setting(positive(), "Requests per second one subject may send, sustained", "100"),
  C360_SUBJECT_BURST: setting(whole(1), "Requests one subject may send in a burst", "200"),
  C360_DOCUMENT_CACHE_MB: setting(
    whole(1, 4_096),
    "Most memory the parsed documents every process keeps for repeated requests take (only documents of verified, admitted requests are kept)",
    "32",
  ),
  C360_REQUEST_TIMEOUT_MS: setting(whole(1), "Budget of a whole request (past it: 504)", "10000"),
  C360_BODY_TIMEOUT_MS: setting(whole(1), "Time a client may take to send its body (past it: 408)", "10000"),
  C360_SUBGRAPH_TIMEOUT_MS: setting(whole(1), "Time the gateway gives one subgraph fetch", "3000"),
  C360_DRAIN_MS: setting(whole(0), "How long a stopping process lets in-flight requests finish", "10000"),
  C360_RESPONSE_CACHE_MS: setting(
    whole(0, 3_600_000),
    "How long the gateway keeps an answer for identical requests of one identity scope (0: off)",
    "0",
  ),
  C360_RESPONSE_CACHE_MB: setting(whole(1, 4_096), "Most memory the gateway's kept answers take", "64"),
  C360_ENTITY_CACHE_MS: setting(
    whole(0, 3_600_000),
    "How long the gateway keeps reference entities (products, suppliers, locations) per identity scope (0: off)",
    "300000",
  ),
  C360_ENTITY_CACHE_MB: setting(whole(1, 4_096), "Most memory the gateway's kept reference entities take", "32"),
  C360_HEAP_GROWTH_PERCENT: setting(
    whole(0, 400),
    "How far the gateway's heap may grow past its live data before a full collection, in percent (0: V8's own choice, up to 300)",
    "20",
  ),
  C360_SEED_SCALE: setting(positive(), "Scale of the data `pnpm start` seeds an empty database with", "0.1"),
  C360_LOG_LEVEL: setting(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be fatal, error, warn, info, debug, trace or silent",
    }),
    "Least severe log line written",
    "info",
  ),
  C360_CORS_ORIGINS: setting(
    origins(),
    "Origins (scheme://host[:port], comma-separated) whose web pages may call the gateway's /graphql: preflights answered and CORS headers sent for them only (unset: none)",
  ),
  C360_EXPLORER: setting(
    z.enum(["on", "off"], { error: "must be on or off" }),
    "The explorer page at the gateway's / (default: on in development, off in production)",
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: setting(
    url(/^https?:\/\//, "an http(s):// URL"),
    "OpenTelemetry collector (OTLP/HTTP); traces are exported to <endpoint>/v1/traces when set, off otherwise",
  ),
};

export type Mode = "development" | "production" | "test";

/** Request limits, the same at the gateway and in every subgraph. */
export interface Limits {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  tokens: number;
  characters: number;
  bodyBytes: number;
  cost: number;
  entities: number;
  responseBytes: number;
  variableDepth: number;
  variableValues: number;
}

/** How bearer tokens are verified (and, in development, minted). */
export interface IdentitySettings {
  issuer: string;
  audience: string;
  /** HS256 key; exclusive with the RS256 keys. */
  secret?: string;
  jwksUrl?: string;
  publicKeyPem?: string;
  maxTtlSeconds: number;
}

export interface DatabaseSettings {
  /** `postgres://` URL; absent: embedded PGlite. */
  url?: string;
  pgliteDir: string;
  statementTimeoutMs: number;
  poolSize: number;
}

/** The parsed configuration of a process. */
export interface Config {
  mode: Mode;
  production: boolean;
  database: DatabaseSettings;
  identity: IdentitySettings;
  /** Root of the subgraph signing keys; unset outside production means no signatures. */
  subgraphSecret?: string;
  /** The bearer token `/metrics` requires; unset, it is open outside production and closed in it. */
  metricsToken?: string;
  /** The address servers listen on. */
  listenHost: string;
  /** Ports by process name (`gateway`, `customer`, ...). */
  ports: Readonly<Record<string, number>>;
  /** Subgraph URLs set in the environment, by subgraph name. */
  subgraphUrls: Readonly<Record<string, string>>;
  supergraphPath?: string;
  limits: Limits;
  budget: { concurrency: number; costInFlight: number; ratePerSecond: number; burst: number };
  timeouts: { requestMs: number; bodyMs: number; subgraphMs: number; drainMs: number };
  /** Parsed documents kept for repeated requests, by every process: at most `maxBytes` of them. */
  documentCache: { maxBytes: number };
  /** The gateway's response cache: off when `ttlMs` is 0. */
  responseCache: { ttlMs: number; maxBytes: number };
  /** The gateway's cache of reference entities: off when `ttlMs` is 0. */
  entityCache: { ttlMs: number; maxBytes: number };
  /** The gateway's V8 heap growth past live data before a full collection, in percent; 0: V8 decides. */
  heapGrowthPercent: number;
  seedScale: number;
  logLevel: string;
  /** The explorer page at the gateway's `/`. */
  explorer: boolean;
  /** The origins whose web pages may call the gateway's `/graphql` (empty: none). */
  corsOrigins: readonly string[];
  /** The access trail's key and where the gateway signs its checkpoints (absent: none are kept). */
  trail: { key: string; keyGiven: boolean; checkpoints?: string };
  /** The purposes requests may give (empty: any printable text), and the roles that must give one for personal data. */
  purposes: { codes: readonly string[]; requiredRoles: readonly string[] };
  /** Where traces go (OTLP/HTTP); absent: tracing off. */
  otlpEndpoint?: string;
}

/** Every problem found in the environment, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/**
 * Parses `env` against every declared setting, with the checks between them (production needs real
 * keys; one kind of token key). Throws ConfigError listing every problem at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, s] of Object.entries(settings)) {
    const given = env[name]?.trim() ? env[name] : undefined;
    const raw = given ?? s.fallback;
    if (raw === undefined) continue;
    const parsed = s.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else
      problems.push(
        `${name}: ${parsed.error.issues[0]?.message ?? "invalid"}${s.secret ? "" : ` (got ${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw)})`}`,
      );
  }
  const n = (name: string) => values[name] as number;
  const t = (name: string) => values[name] as string;
  const o = (name: string) => values[name] as string | undefined;
  const production = t("NODE_ENV") === "production";
  // Checks between settings look at what was given, valid or not (a bad value is reported above).
  const given = (name: string) => Boolean(env[name]?.trim());
  const rsa = given("C360_JWKS_URL") || given("C360_JWT_PUBLIC_KEY");
  if (rsa && given("C360_JWT_SECRET"))
    problems.push("C360_JWT_SECRET and C360_JWKS_URL / C360_JWT_PUBLIC_KEY: set one kind of token key, not both");
  if (production && !rsa && !given("C360_JWT_SECRET"))
    problems.push("C360_JWT_SECRET (or C360_JWKS_URL / C360_JWT_PUBLIC_KEY): required in production");
  if (production && !given("C360_SUBGRAPH_SECRET")) problems.push("C360_SUBGRAPH_SECRET: required in production");
  if (problems.length) throw new ConfigError(problems);

  return {
    mode: t("NODE_ENV") as Mode,
    production,
    database: {
      ...(o("DATABASE_URL") ? { url: o("DATABASE_URL") } : {}),
      pgliteDir: t("C360_PGLITE_DIR"),
      statementTimeoutMs: n("C360_STATEMENT_TIMEOUT_MS"),
      poolSize: n("C360_DB_POOL_SIZE"),
    },
    identity: {
      issuer: t("C360_JWT_ISSUER"),
      audience: t("C360_JWT_AUDIENCE"),
      maxTtlSeconds: n("C360_JWT_MAX_TTL"),
      ...(o("C360_JWKS_URL")
        ? { jwksUrl: o("C360_JWKS_URL") }
        : o("C360_JWT_PUBLIC_KEY")
          ? { publicKeyPem: o("C360_JWT_PUBLIC_KEY") }
          : { secret: o("C360_JWT_SECRET") ?? DEVELOPMENT_JWT_SECRET }),
    },
    ...(o("C360_SUBGRAPH_SECRET") ? { subgraphSecret: o("C360_SUBGRAPH_SECRET") } : {}),
    ...(o("C360_METRICS_TOKEN") ? { metricsToken: o("C360_METRICS_TOKEN") } : {}),
    listenHost: t("C360_LISTEN_HOST"),
    ports: {
      gateway: n("C360_GATEWAY_PORT"),
      ...Object.fromEntries(subgraphRegistry.map((s) => [s.name, values[portSetting(s.name)] as number])),
    },
    subgraphUrls: Object.fromEntries(
      subgraphRegistry.flatMap((s) => {
        const u = values[`C360_${envName(s.name)}_URL`];
        return typeof u === "string" ? [[s.name, u]] : [];
      }),
    ),
    ...(o("C360_SUPERGRAPH") ? { supergraphPath: o("C360_SUPERGRAPH") } : {}),
    limits: {
      depth: n("C360_MAX_DEPTH"),
      aliases: n("C360_MAX_ALIASES"),
      rootFields: n("C360_MAX_ROOT_FIELDS"),
      directives: n("C360_MAX_DIRECTIVES"),
      tokens: n("C360_MAX_TOKENS"),
      characters: n("C360_MAX_CHARACTERS"),
      bodyBytes: n("C360_MAX_BODY_BYTES"),
      cost: n("C360_MAX_COST"),
      entities: n("C360_MAX_ENTITIES"),
      responseBytes: n("C360_MAX_RESPONSE_BYTES"),
      variableDepth: n("C360_MAX_VARIABLE_DEPTH"),
      variableValues: n("C360_MAX_VARIABLE_VALUES"),
    },
    budget: {
      concurrency: n("C360_SUBJECT_CONCURRENCY"),
      costInFlight: n("C360_SUBJECT_COST_IN_FLIGHT"),
      ratePerSecond: n("C360_SUBJECT_RATE"),
      burst: n("C360_SUBJECT_BURST"),
    },
    timeouts: {
      requestMs: n("C360_REQUEST_TIMEOUT_MS"),
      bodyMs: n("C360_BODY_TIMEOUT_MS"),
      subgraphMs: n("C360_SUBGRAPH_TIMEOUT_MS"),
      drainMs: n("C360_DRAIN_MS"),
    },
    documentCache: { maxBytes: n("C360_DOCUMENT_CACHE_MB") * 1024 * 1024 },
    responseCache: { ttlMs: n("C360_RESPONSE_CACHE_MS"), maxBytes: n("C360_RESPONSE_CACHE_MB") * 1024 * 1024 },
    entityCache: { ttlMs: n("C360_ENTITY_CACHE_MS"), maxBytes: n("C360_ENTITY_CACHE_MB") * 1024 * 1024 },
    heapGrowthPercent: n("C360_HEAP_GROWTH_PERCENT"),
    seedScale: n("C360_SEED_SCALE"),
    logLevel: t("C360_LOG_LEVEL"),
    explorer: o("C360_EXPLORER") === undefined ? !production : o("C360_EXPLORER") === "on",
    corsOrigins: (values.C360_CORS_ORIGINS as string[] | undefined) ?? [],
    trail: {
      key: o("C360_TRAIL_KEY") ?? DEVELOPMENT_TRAIL_KEY,
      keyGiven: given("C360_TRAIL_KEY"),
      ...(o("C360_TRAIL_CHECKPOINTS") ? { checkpoints: o("C360_TRAIL_CHECKPOINTS") } : {}),
    },
    purposes: {
      codes: o("C360_PURPOSES")?.split(",") ?? [],
      requiredRoles: o("C360_PURPOSE_REQUIRED_ROLES")?.split(",") ?? [],
    },
    ...(o("OTEL_EXPORTER_OTLP_ENDPOINT") ? { otlpEndpoint: o("OTEL_EXPORTER_OTLP_ENDPOINT") } : {}),
  };
}

/**
 * `loadConfig` for a process's start: a bad configuration ends the process with its message (every
 * problem listed, no stack trace) and exit code 1.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The configuration every default gives (development, embedded database). */
export const defaults: Config = loadConfig({});

/** A URL's password hidden (`http://user:****@collector:4318/`); any other text as it is. */
function withoutPassword(value: string): string {
  if (!URL.canParse(value)) return value;
  const url = new URL(value);
  if (!url.password) return value;
  url.password = "****";
  return url.toString();
}

/**
 * The effective configuration as `c360 config` prints it: every setting, its value (secrets only say
 * whether they are set, a password inside a URL is hidden), where it came from and what it is for.
 */
export function describeConfig(env: NodeJS.ProcessEnv = process.env): string {
  const config = loadConfig(env);
  const rows = Object.entries(settings).map(([name, s]) => {
    const given = env[name]?.trim() ? (env[name] as string) : undefined;
    const value = s.secret
      ? given
        ? "(set, hidden)"
        : "(unset)"
      : given !== undefined
        ? withoutPassword(given)
        : (s.fallback ?? "(unset)");
    return [name, value, given !== undefined ? "environment" : "default", s.description];
  });
  const width = (i: number) => Math.max(...rows.map((r) => (r[i] as string).length));
  const lines = rows.map((r) =>
    [r[0]?.padEnd(width(0)), r[1]?.padEnd(Math.min(width(1), 40)), r[2]?.padEnd(11), r[3]].join("  "),
  );
  return [`mode: ${config.mode}`, ...lines].join("\n");
}
