import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * A PostgreSQL server of this test's own: a new cluster in a temporary directory on a free loopback
 * port, trust auth, so a test can stop and start it without disturbing the shared server that
 * other test files run on. Built with the machine's own `initdb` and `pg_ctl`; as root they run as
 * the `postgres` user, which PostgreSQL requires.
 */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /**
   * With `logStatements`: how many statements sessions whose `application_name` matches `who` have
   * started so far (read from the server's log, where each is written before it runs).
   */
  statements(who: RegExp): number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server for good and removes its directory. */
  destroy(): Promise<void>;
}

const run = promisify(execFile);

function binDir(): string {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error("no PostgreSQL installation under /usr/lib/postgresql");
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startPrivatePostgres(options: { logStatements?: boolean } = {}): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "c360-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const pgTool = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", `${bin}/${tool}`, ...args]) : run(`${bin}/${tool}`, args);
  const data = join(dir, "data");
  await pgTool("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const log = join(dir, "log");
  const settings = [
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`,
    ...(options.logStatements ? ["-c log_statement=all -c log_line_prefix='%a|'"] : []),
  ].join(" ");
  const start = async () => {
    await pgTool("pg_ctl", ["-D", data, "-o", settings, "-l", log, "-w", "start"]);
  };
  const stop = async () => {
    await pgTool("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    statements(who) {
      // Simple queries log "statement:", the extended protocol (pg with parameters) "execute <name>:".
      return readFileSync(log, "utf8")
        .split("\n")
        .filter((line) => {
          const [name, rest] = line.split("|", 2);
          return rest !== undefined && who.test(name ?? "") && /^LOG: {2}(statement|execute [^:]*):/.test(rest);
        }).length;
    },
    async destroy() {
      await pgTool("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
