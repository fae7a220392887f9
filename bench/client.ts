/**
 * The load of one bench round, run as its own process so that the servers' CPU time is theirs alone:
 * autocannon against `url`, every request a fresh draw of its scenario (a random customer, filter or
 * date range), each request from one of many users (a token drawn from each role's pool). Reads its
 * settings as JSON from argv[2]; writes the result as JSON to stdout.
 */
import { readFileSync } from "node:fs";
import { Random } from "@c360/db";
import autocannon from "autocannon";
import { type Pools, scenarios } from "./scenarios";

export interface ClientSettings {
  url: string;
  scenario: string;
  connections: number;
  seconds: number;
  seed: string;
  pools: Pools;
  /** Tokens by role: a pool of users each request draws one from. */
  tokens: Record<string, string[]>;
  /** The target's own document for each of ours, when its schema differs (PostGraphile). */
  documents?: Record<string, string>;
}

export interface ClientResult {
  requests: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Responses whose body carried GraphQL errors (sampled: every response is checked). */
  graphqlErrors: number;
  /** The first such body (its first 1,000 characters), to tell what went wrong. */
  firstError?: string;
}

const settings = JSON.parse(readFileSync(process.argv[2] as string, "utf8")) as ClientSettings;
const make = scenarios[settings.scenario];
if (!make) throw new Error(`unknown scenario ${settings.scenario}`);
const rng = new Random(settings.seed);
let graphqlErrors = 0;
let firstError: string | undefined;
/** Latency of every response, measured from when its request was built for sending. */
const latencies: number[] = [];

const result = await autocannon({
  url: settings.url,
  connections: settings.connections,
  duration: settings.seconds,
  requests: [
    {
      method: "POST",
      setupRequest: (request: autocannon.Request, context: { sentAt?: number }) => {
        context.sentAt = performance.now();
        const { role, query, variables } = make(rng, settings.pools);
        return {
          ...request,
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${rng.pick(settings.tokens[role] ?? [])}`,
          },
          body: JSON.stringify({ query: settings.documents?.[query] ?? query, variables }),
        };
      },
      onResponse: (_status: number, body: string, context: { sentAt?: number }) => {
        if (context.sentAt !== undefined) latencies.push(performance.now() - context.sentAt);
        if (!body.includes('"errors"')) return;
        graphqlErrors++;
        firstError ??= body.slice(0, 1000);
      },
    },
  ],
});

latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
const out: ClientResult = {
  requests: result.requests.total,
  rate: result.requests.total / settings.seconds,
  p50: percentile(50),
  p95: percentile(95),
  p99: percentile(99),
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  graphqlErrors,
  ...(firstError ? { firstError } : {}),
};
process.stdout.write(JSON.stringify(out));
