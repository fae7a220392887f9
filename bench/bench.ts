/**
 * `pnpm bench [--scale 1] [--seconds 10] [--rounds 2] [--warmup 20] [--connections 20] [--scenarios ...] [--targets ...]`:
 * the Customer 360 under load, side by side in one run, on a fresh Postgres database it seeds and
 * drops (on the server of DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 *
 * Targets: `c360` (the product as deployed: seven production-mode processes, authorization, limits,
 * budget and access trail on), `plain` (@apollo/gateway as its docs set it up, over the same subgraph
 * processes), `hive` (Hive Gateway over them), `postgraphile` (PostGraphile 5 over the same database,
 * no authorization; c360 and onehop only), `floor` (one hand-written SQL statement building the same
 * JSON, trivial HTTP; c360 and onehop only). Scenarios (bench/scenarios.ts), every request
 * distinct: `c360`, `onehop`, `list`, `kpi`, `mixed`; and `dashboard`, six KPI panels repeated by
 * many users of one scope (c360 keeps answers 2 s, C360_RESPONSE_CACHE_MS). The load comes from a separate process; rounds
 * alternate which target goes first. For each: requests/s, p50/p95/p99, errors, CPU ms per request of
 * every process involved and of Postgres, SQL statements per request, resident memory of the router.
 * Results: bench/results/<date>.json, a Markdown table (.md) and an SVG chart (.svg).
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { mintToken, roleNames } from "@c360/auth";
import { loadConfig } from "@c360/config";
import { migrate, seed } from "@c360/db";
import { openDatabase } from "@c360/db-client";
import { buildAll } from "../build";
import "../test/testkit/setup";
import { type ServiceProcess, startProcessStack, startService } from "../test/testkit/processes";
import type { ClientResult, ClientSettings } from "./client";
import type { Pools } from "./scenarios";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    /**
     * Seconds of unmeasured load per target before each scenario's rounds. Seven freshly started
     * processes on two cores take some 2,000 Customer 360 requests to reach compiled code: after 3 s,
     * four 10 s rounds cost the subgraphs 13.2, 11.1, 8.2, 7.8 ms of CPU per request.
     */
    warmup: { type: "string", default: "20" },
    connections: { type: "string", default: "20" },
    scenarios: { type: "string", default: "c360,onehop,list,kpi,dashboard,mixed" },
    targets: { type: "string", default: "c360,plain,hive,postgraphile,floor" },
    /** Writes a CPU profile of every c360 process to bench/results/profiles (they exit cleanly at the end). */
    profile: { type: "boolean", default: false },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const scenarioNames = values.scenarios.split(",");
const targetNames = values.targets.split(",");
/** The targets that are not a federated gateway answer only these. */
const singleSqlScenarios = new Set(["c360", "onehop"]);
/** Targets that read the database themselves, without the subgraphs. */
const standalone = new Set(["postgraphile", "floor"]);

const root = new URL("..", import.meta.url).pathname;
const server = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const name = `c360_bench_${randomBytes(4).toString("hex")}`;

/** CPU time (ms) a process has used so far, from /proc; 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
const rssMiB = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};
/**
 * CPU time (ms) the Postgres server has used so far: its running processes, plus what its backends
 * that have exited used (the postmaster's children's time). The bench database is the only busy one.
 */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      const parent = Number(fields[1]);
      const parentIsPostgres = readFileSync(`/proc/${parent}/comm`, "utf8").trim() === "postgres";
      total += Number(fields[11]) + Number(fields[12]);
      if (!parentIsPostgres) total += Number(fields[13]) + Number(fields[14]);
    } catch {
      // a process that ended while being read
    }
  }
  return (total * 1000) / 100;
}

await buildAll();
const admin = await openDatabase({ url: urlOf("postgres") });
await admin.query(`CREATE DATABASE ${name}`);
const db = await openDatabase({ url: urlOf(name) });
const everything: ServiceProcess[] = [];
const started = new Date();
try {
  await migrate(db);
  console.log(`seeding scale ${values.scale} into ${name} ...`);
  await seed(db, { scale: Number(values.scale), seed: 1 });
  const ids = async (sql: string) => (await db.query<{ id: string }>(sql)).map((r) => r.id);
  const [range] = await db.query<{ from: string; to: string }>(
    "SELECT min(dt)::text AS from, max(dt)::text AS to FROM cx.kpi_purchase_daily",
  );
  const pools: Pools = {
    customers: await ids("SELECT customer_id AS id FROM customer.customers"),
    shipments: await ids("SELECT shipment_id AS id FROM logistics.shipments ORDER BY shipment_id LIMIT 5000"),
    segments: await ids("SELECT DISTINCT customer_segment AS id FROM customer.customers"),
    markets: ["US", "UK", "DE", "FR", "JP", "CA"],
    kpiFrom: range?.from as string,
    kpiTo: range?.to as string,
  };

  const profiles = join(root, "bench/results/profiles");
  // The product as deployed for dashboards: answers kept for 2 s per identity scope (only the
  // dashboard scenario repeats requests; the others pay the cache's lookup and gain nothing).
  const stack = await startProcessStack(
    urlOf(name),
    { C360_RESPONSE_CACHE_MS: "2000" },
    values.profile ? ["--cpu-prof", `--cpu-prof-dir=${profiles}`] : [],
  );
  /** c360's own processes: their error lines explain a round's errors. */
  const c360 = [stack.gateway, ...Object.values(stack.subgraphs)];
  everything.push(...c360);
  const subgraphUrls = Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url]));
  const sidecar = (label: string, entry: string, env: NodeJS.ProcessEnv) =>
    startService(label, [process.execPath, "--conditions=development", "--import", "tsx", entry], {
      BENCH_URLS: JSON.stringify(subgraphUrls),
      C360_SUBGRAPH_SECRET: stack.subgraphSecret,
      APOLLO_TELEMETRY_DISABLED: "true",
      NODE_ENV: "production",
      DATABASE_URL: urlOf(name),
      ...env,
    });
  const routers: Record<string, ServiceProcess> = { c360: stack.gateway };
  if (targetNames.includes("plain")) routers.plain = await sidecar("plain", "bench/targets/plain-gateway.ts", {});
  if (targetNames.includes("hive")) routers.hive = await sidecar("hive", "bench/targets/hive-gateway.ts", {});
  if (targetNames.includes("postgraphile"))
    routers.postgraphile = await sidecar("postgraphile", "bench/targets/postgraphile.ts", {});
  if (targetNames.includes("floor")) routers.floor = await sidecar("floor", "bench/targets/floor.ts", {});
  everything.push(...Object.entries(routers).flatMap(([k, s]) => (k === "c360" ? [] : [s])));
  const subgraphPids = Object.values(stack.subgraphs).map((s) => s.child.pid as number);
  /** The processes whose CPU a target's requests cost: its router, and the subgraphs unless it reads the database itself. */
  const processesOf = (target: string) => [
    routers[target]?.child.pid as number,
    ...(standalone.has(target) ? [] : subgraphPids),
  ];

  const identity = loadConfig().identity;
  // Many users per role, each request from one of them: every user stays well inside their share.
  const tokens: Record<string, string[]> = {};
  for (const role of roleNames)
    tokens[role] = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        mintToken(identity, { subject: `bench-${role}-${i}`, roles: [role] }, 6 * 3600),
      ),
    );
  const dir = mkdtempSync(join(tmpdir(), "c360-bench-"));
  const transactions = async () =>
    Number(
      (
        (await admin.query("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1", [
          name,
        ])) as [{ n: string }]
      )[0].n,
    );

  interface Measured extends ClientResult {
    target: string;
    scenario: string;
    round: number;
    cpuPerRequest: Record<string, number>;
    statementsPerRequest: number;
    routerRssMiB: number;
  }
  const measured: Measured[] = [];
  async function run(target: string, scenario: string, round: number, duration = seconds): Promise<Measured> {
    const url = routers[target]?.url as string;
    const file = join(dir, `${target}-${scenario}-${round}.json`);
    const settings: ClientSettings = {
      url,
      scenario,
      connections,
      seconds: duration,
      seed: `${scenario}:${target}:${round}`,
      pools,
      tokens,
      ...(target === "postgraphile" ? { documents: POSTGRAPHILE } : {}),
    };
    writeFileSync(file, JSON.stringify(settings));
    const pids = processesOf(target);
    const cpuBefore = [...pids.map(cpuMs), postgresCpuMs()];
    const xactBefore = await transactions();
    let rss = 0;
    const sampler = setInterval(() => {
      rss = Math.max(rss, rssMiB(routers[target]?.child.pid as number));
    }, 500);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=development", "--import", "tsx", join(root, "bench/client.ts"), file],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    clearInterval(sampler);
    const result = JSON.parse(stdout) as ClientResult;
    const cpuAfter = [...pids.map(cpuMs), postgresCpuMs()];
    const delta = (from: number, to: number) =>
      cpuAfter.slice(from, to).reduce((sum, v, i) => sum + v - (cpuBefore[from + i] ?? 0), 0) / result.requests;
    return {
      ...result,
      target,
      scenario,
      round,
      cpuPerRequest: {
        router: delta(0, 1),
        subgraphs: delta(1, pids.length),
        postgres: delta(pids.length, pids.length + 1),
      },
      statementsPerRequest: ((await transactions()) - xactBefore) / result.requests,
      routerRssMiB: rss,
    };
  }

  // The routers must give the same answers as c360's gateway to the same requests, or the comparison means nothing.
  const { Random } = await import("@c360/db");
  const { scenarios, POSTGRAPHILE } = await import("./scenarios");
  for (const scenario of scenarioNames) {
    const rng = new Random(`check:${scenario}`);
    for (let i = 0; i < 5; i++) {
      const request = scenarios[scenario]?.(rng, pools);
      if (!request) throw new Error(`unknown scenario ${scenario}`);
      const answer = async (target: string) =>
        (
          await fetch(routers[target]?.url as string, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${tokens[request.role]?.[0]}` },
            body: JSON.stringify({
              query: (target === "postgraphile" && POSTGRAPHILE[request.query]) || request.query,
              variables: request.variables,
            }),
          })
        ).text();
      const same = (text: string) => JSON.stringify(JSON.parse(text));
      const expected = same(await answer("c360"));
      if (expected.includes('"errors"')) throw new Error(`${scenario}: c360 answered with errors: ${expected}`);
      for (const target of ["plain", "hive"].filter((t) => routers[t])) {
        const got = same(await answer(target));
        if (got !== expected) {
          let at = 0;
          while (got[at] === expected[at]) at++;
          throw new Error(
            `${scenario}: ${target} answers differently from c360 at character ${at}:\n` +
              `${target}: …${got.slice(Math.max(0, at - 200), at + 200)}\nc360: …${expected.slice(Math.max(0, at - 200), at + 200)}`,
          );
        }
      }
      // PostGraphile and the floor name things their own way: the same values must come back.
      if (!singleSqlScenarios.has(scenario)) continue;
      for (const target of [...standalone].filter((t) => routers[t])) {
        // The floor answers c360_admin's selection, whoever asks.
        if (target === "floor" && request.role !== "c360_admin") continue;
        const got = valuesOf(JSON.parse(await answer(target)));
        const want = valuesOf(JSON.parse(expected));
        if (got.join("\n") !== want.join("\n"))
          throw new Error(
            `${scenario}: ${target} answers other values than c360:\n${got.join(" ")}\nc360: ${want.join(" ")}`,
          );
      }
    }
  }

  for (const scenario of scenarioNames) {
    const targets = targetNames.filter((t) => routers[t] && (!standalone.has(t) || singleSqlScenarios.has(scenario)));
    for (const target of targets) await run(target, scenario, 0, Number(values.warmup));
    for (let round = 1; round <= Number(values.rounds); round++) {
      const order = round % 2 ? targets : [...targets].reverse();
      for (const target of order) {
        const m = await run(target, scenario, round);
        measured.push(m);
        const cpu = Object.values(m.cpuPerRequest).reduce((a, b) => a + b, 0);
        console.log(
          `${scenario.padEnd(7)} ${target.padEnd(6)} round ${round}: ${m.rate.toFixed(0)} req/s, p50 ${m.p50.toFixed(1)} p99 ${m.p99.toFixed(1)} ms, ` +
            `${cpu.toFixed(2)} ms CPU/req, ${m.statementsPerRequest.toFixed(2)} statements/req, errors ${m.non2xx + m.errors}/${m.graphqlErrors}` +
            (m.firstError ? `\n  first GraphQL error: ${m.firstError}${target === "c360" ? whyIn(c360) : ""}` : ""),
        );
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
  writeResults(measured, started);
} finally {
  // SIGTERM first: the processes drain and exit (writing their CPU profiles when asked); then anything left is killed.
  for (const service of everything) if (service.child.exitCode === null) service.child.kill("SIGTERM");
  await Promise.race([Promise.all(everything.map((s) => s.exited)), new Promise((r) => setTimeout(r, 15_000))]);
  for (const service of everything) if (service.child.exitCode === null) service.child.kill("SIGKILL");
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}

/**
 * The last error lines each process logged (a round with errors must say why): the same errors a
 * deployment's log would show, one JSON line each, cut to 500 characters.
 */
function whyIn(services: readonly ServiceProcess[]): string {
  const lines = services.flatMap((s) =>
    s
      .output()
      .split("\n")
      .filter((line) => /"level":"(error|fatal)"/.test(line))
      .slice(-3)
      .map((line) => `\n  ${s.name}: ${line.slice(0, 500)}`),
  );
  return lines.length ? lines.join("") : "\n  (no error lines in c360's logs)";
}

/**
 * Every value an answer holds, whatever it is named or nested in, sorted: timestamps as instants and
 * numbers as text, so that two schemas' answers to the same selection compare equal.
 */
function valuesOf(answer: unknown): string[] {
  if (answer === null || typeof answer !== "object") {
    const text = String(answer);
    return [/^\d{4}-\d\d-\d\dT/.test(text) ? new Date(text).toISOString() : text];
  }
  return Object.values(answer).flatMap(valuesOf).sort();
}

/** The median of the rounds of each target and scenario, written as JSON, a Markdown table and an SVG chart. */
function writeResults(
  measured: {
    target: string;
    scenario: string;
    rate: number;
    p50: number;
    p95: number;
    p99: number;
    non2xx: number;
    errors: number;
    graphqlErrors: number;
    cpuPerRequest: Record<string, number>;
    statementsPerRequest: number;
    routerRssMiB: number;
  }[],
  at: Date,
) {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2;
  };
  const keys = [...new Set(measured.map((m) => `${m.scenario}|${m.target}`))];
  const rows = keys.map((key) => {
    const [scenario, target] = key.split("|") as [string, string];
    const runs = measured.filter((m) => m.scenario === scenario && m.target === target);
    const cpu = (part: string) => median(runs.map((r) => r.cpuPerRequest[part] ?? 0));
    return {
      scenario,
      target,
      rate: median(runs.map((r) => r.rate)),
      p50: median(runs.map((r) => r.p50)),
      p95: median(runs.map((r) => r.p95)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((s, r) => s + r.non2xx + r.errors + r.graphqlErrors, 0),
      cpu: { router: cpu("router"), subgraphs: cpu("subgraphs"), postgres: cpu("postgres") },
      statements: median(runs.map((r) => r.statementsPerRequest)),
      rssMiB: Math.max(...runs.map((r) => r.routerRssMiB)),
    };
  });
  const date = at.toISOString().slice(0, 10);
  const base = join(root, "bench/results", date);
  const settings = { scale: values.scale, seconds, rounds: values.rounds, connections, at: at.toISOString() };
  writeFileSync(`${base}.json`, `${JSON.stringify({ settings, rows, runs: measured }, null, 2)}\n`);
  const table = [
    `Scale ${values.scale}, ${connections} connections, ${values.rounds} rounds of ${seconds} s (medians), ${at.toISOString()}`,
    "",
    "| scenario | target | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req (router + subgraphs + Postgres) | SQL statements/req | router RSS MiB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.target} | ${r.rate.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ` +
        `${(r.cpu.router + r.cpu.subgraphs + r.cpu.postgres).toFixed(2)} (${r.cpu.router.toFixed(2)} + ${r.cpu.subgraphs.toFixed(2)} + ${r.cpu.postgres.toFixed(2)}) | ` +
        `${r.statements.toFixed(2)} | ${r.rssMiB.toFixed(0)} |`,
    ),
  ].join("\n");
  writeFileSync(`${base}.md`, `${table}\n`);
  writeFileSync(`${base}.svg`, chart(rows));
  console.log(`\n${table}\n\nwrote ${base}.{json,md,svg}`);
}

/** Requests/s (bars) and p99 (marks) per target, grouped by scenario; each scenario scaled to its own best. */
function chart(rows: { scenario: string; target: string; rate: number; p99: number }[]): string {
  const scenariosShown = [...new Set(rows.map((r) => r.scenario))];
  const colors: Record<string, string> = {
    c360: "#2563eb",
    plain: "#9ca3af",
    hive: "#f59e0b",
    postgraphile: "#8b5cf6",
    floor: "#10b981",
  };
  const groupWidth = 200;
  const height = 260;
  const bars: string[] = [];
  scenariosShown.forEach((scenario, g) => {
    const group = rows.filter((r) => r.scenario === scenario);
    const max = Math.max(...group.map((r) => r.rate), 1);
    group.forEach((r, i) => {
      const h = (r.rate / max) * 180;
      const x = 20 + g * groupWidth + i * 42;
      bars.push(
        `<rect x="${x}" y="${210 - h}" width="34" height="${h}" fill="${colors[r.target] ?? "#6b7280"}"><title>${r.target}: ${r.rate.toFixed(0)} req/s, p99 ${r.p99.toFixed(1)} ms</title></rect>`,
        `<text x="${x + 17}" y="${205 - h}" font-size="10" text-anchor="middle">${r.rate.toFixed(0)}</text>`,
        `<text x="${x + 17}" y="224" font-size="9" text-anchor="middle">p99 ${r.p99.toFixed(0)}</text>`,
      );
    });
    bars.push(`<text x="${20 + g * groupWidth + 80}" y="244" font-size="12" text-anchor="middle">${scenario}</text>`);
  });
  const legend = Object.entries(colors).map(
    ([t, c], i) =>
      `<rect x="${20 + i * 90}" y="6" width="12" height="12" fill="${c}"/><text x="${36 + i * 90}" y="16" font-size="11">${t}</text>`,
  );
  const width = 40 + scenariosShown.length * groupWidth;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" role="img">
<title>Requests per second and p99 latency per target and scenario</title>
<rect width="100%" height="100%" fill="white"/>
${legend.join("\n")}
${bars.join("\n")}
<text x="${width - 10}" y="${height - 4}" font-size="9" text-anchor="end">requests/s (bar height relative within each scenario), p99 latency in ms below each bar</text>
</svg>
`;
}
