import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { subgraphs } from "@c360/gateway";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The name's environment prefix: `cx-kpi` -> `C360_CX_KPI`. */
const prefix = (name: string) => `C360_${name.toUpperCase().replaceAll("-", "_")}`;

/** One of the product's processes, started as `pnpm --filter ... start` would. */
export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
}

/**
 * Starts `entry` (a path from the repository root) with `env` and waits for its "ready at <url>"
 * line; a process that exits or stays silent for 60 s fails with what it printed.
 */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not become ready in 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready at (http:\/\/\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({ name, url: ready[1], child, exited, output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** The five subgraphs and the gateway as six processes over one Postgres database, as in production. */
export interface ProcessStack {
  gateway: ServiceProcess;
  subgraphs: Record<string, ServiceProcess>;
  /** Starts `name` again on the port it had (after it was killed or stopped). */
  restart(name: string): Promise<ServiceProcess>;
  /** Kills whatever still runs. */
  stop(): Promise<void>;
}

const subgraphEntry = (name: string) => `subgraphs/${name}/src/index.ts`;

/**
 * Starts every subgraph (`subgraphs/<name>/src/index.ts`) and then the gateway (`gateway/src/main.ts`)
 * on free loopback ports, each its own process reading `DATABASE_URL`, `C360_<NAME>_PORT` and the
 * gateway `C360_<NAME>_URL`, exactly the variables the README documents.
 */
export async function startProcessStack(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessStack> {
  const common = { ...env, DATABASE_URL: databaseUrl };
  const running: Record<string, ServiceProcess> = {};
  let gateway: ServiceProcess | undefined;
  const everything = () => [...Object.values(running), ...(gateway ? [gateway] : [])];
  const stop = async () => {
    for (const service of everything()) {
      if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill("SIGKILL");
      await service.exited;
    }
  };
  try {
    const started = await Promise.all(
      subgraphs.map((s) => startService(s.name, subgraphEntry(s.name), { ...common, [`${prefix(s.name)}_PORT`]: "0" })),
    );
    for (const service of started) running[service.name] = service;
    gateway = await startService("gateway", "gateway/src/main.ts", {
      ...common,
      C360_GATEWAY_PORT: "0",
      ...Object.fromEntries(started.map((s) => [`${prefix(s.name)}_URL`, s.url])),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gateway,
    subgraphs: running,
    async restart(name) {
      const previous = running[name];
      if (!previous) throw new Error(`no subgraph ${name}`);
      const port = new URL(previous.url).port;
      const service = await startService(name, subgraphEntry(name), { ...common, [`${prefix(name)}_PORT`]: port });
      running[name] = service;
      return service;
    },
    stop,
  };
}
