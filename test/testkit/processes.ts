import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { envName, GATEWAY_NODE_OPTIONS, subgraphRegistry } from "@c360/registry";
import { manifestNodeOptions } from "./manifests";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The name's environment prefix: `cx-kpi` -> `C360_CX_KPI`. */
const prefix = (name: string) => `C360_${envName(name)}`;

/** One of the product's processes, started as `pnpm --filter ... start` would. */
export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** What it wrote to stdout and stderr so far (the last 4 MiB: a process logs a line per request). */
  output(): string;
}

const OUTPUT_KEPT = 4 * 1024 * 1024;

/** How the product's processes are started: the built JavaScript, from the repository root, as in production. */
const node = (entry: string, nodeArgs: readonly string[] = []): [string, ...string[]] => [
  process.execPath,
  ...nodeArgs,
  entry,
];

/**
 * Starts `command` (from the repository root) with `env` and waits for its "ready at <url>" line; a
 * process that exits or stays silent for 60 s fails with what it printed.
 */
export function startService(
  name: string,
  [command, ...args]: [string, ...string[]],
  env: NodeJS.ProcessEnv,
): Promise<ServiceProcess> {
  const child = spawn(command, args, {
    cwd: root,
    // The product's deployed log level: the test reads the "ready at" line and the request lines.
    env: { ...process.env, C360_LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Chunks, not one growing string: a process under the bench's load writes hundreds of lines a
  // second, and re-joining (or scanning) megabytes per chunk would take a core from the processes measured.
  const chunks: Buffer[] = [];
  let kept = 0;
  const keep = (chunk: Buffer) => {
    chunks.push(chunk);
    kept += chunk.length;
    while (kept - (chunks[0]?.length ?? 0) >= OUTPUT_KEPT) kept -= (chunks.shift() as Buffer).length;
  };
  const output = () => Buffer.concat(chunks).toString();
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not become ready in 60 s:\n${output()}`));
    }, 60_000);
    // Only until ready: the "ready at" line is looked for in what came so far (it may span chunks).
    const onData = () => {
      const ready = /ready at (http:\/\/[^\s"]+)/.exec(output());
      if (ready?.[1]) {
        child.stdout?.off("data", onData);
        clearTimeout(timer);
        resolve({ name, url: ready[1], child, exited, output });
      }
    };
    child.stdout?.on("data", keep);
    child.stdout?.on("data", onData);
    child.stderr?.on("data", keep);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output()}`));
    });
  });
}

/** The five subgraphs and the gateway as six processes over one Postgres database, as in production. */
export interface ProcessStack {
  gateway: ServiceProcess;
  subgraphs: Record<string, ServiceProcess>;
  /** The `C360_SUBGRAPH_SECRET` the processes share (a test calling a subgraph directly signs with it). */
  subgraphSecret: string;
  /** The gateway's `C360_TRAIL_KEY`, and the directory it signs the trail's checkpoints in. */
  trail: { key: string; checkpoints: string };
  /** Starts `name` again on the port it had (after it was killed or stopped). */
  restart(name: string): Promise<ServiceProcess>;
  /** Kills whatever still runs. */
  stop(): Promise<void>;
}

const subgraphEntry = (name: string) => `subgraphs/${name}/dist/index.js`;

/**
 * Starts every subgraph (`subgraphs/<name>/dist/index.js`) and then the gateway (`gateway/dist/main.js`)
 * on free loopback ports, each its own process reading `DATABASE_URL`, `C360_<NAME>_PORT` and the
 * gateway `C360_<NAME>_URL`, exactly the variables the README documents; in production mode, as a
 * deployment runs them: `NODE_ENV=production`, the test run's JWT secret, a subgraph secret and a
 * trail key of their own, and the V8 heap cap each service's manifest gives it.
 */
export async function startProcessStack(
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
  /** Extra Node.js options of every process (the bench's `--cpu-prof`). */
  nodeArgs: readonly string[] = [],
): Promise<ProcessStack> {
  const subgraphSecret = randomBytes(32).toString("hex");
  const trail = { key: randomBytes(32).toString("hex"), checkpoints: mkdtempSync(join(tmpdir(), "c360-trail-")) };
  const common = {
    NODE_ENV: "production",
    C360_SUBGRAPH_SECRET: subgraphSecret,
    ...env,
    DATABASE_URL: databaseUrl,
  };
  const running: Record<string, ServiceProcess> = {};
  let gateway: ServiceProcess | undefined;
  const everything = () => [...Object.values(running), ...(gateway ? [gateway] : [])];
  const stop = async () => {
    for (const service of everything()) {
      if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill("SIGKILL");
      await service.exited;
    }
    rmSync(trail.checkpoints, { recursive: true, force: true });
  };
  try {
    const started = await Promise.all(
      subgraphRegistry.map((s) =>
        startService(s.name, node(subgraphEntry(s.name), nodeArgs), {
          ...common,
          NODE_OPTIONS: manifestNodeOptions(s.name),
          [`${prefix(s.name)}_PORT`]: "0",
        }),
      ),
    );
    for (const service of started) running[service.name] = service;
    gateway = await startService("gateway", node("gateway/dist/main.js", [...GATEWAY_NODE_OPTIONS, ...nodeArgs]), {
      ...common,
      NODE_OPTIONS: manifestNodeOptions("gateway"),
      C360_GATEWAY_PORT: "0",
      C360_TRAIL_KEY: trail.key,
      C360_TRAIL_CHECKPOINTS: trail.checkpoints,
      ...Object.fromEntries(started.map((s) => [`${prefix(s.name)}_URL`, s.url])),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gateway,
    subgraphs: running,
    subgraphSecret,
    trail,
    async restart(name) {
      const previous = running[name];
      if (!previous) throw new Error(`no subgraph ${name}`);
      const port = new URL(previous.url).port;
      const service = await startService(name, node(subgraphEntry(name), nodeArgs), {
        ...common,
        NODE_OPTIONS: manifestNodeOptions(name),
        [`${prefix(name)}_PORT`]: port,
      });
      running[name] = service;
      return service;
    },
    stop,
  };
}
