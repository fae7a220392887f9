import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTokenVerifier } from "@c360/auth";
import { type Config, loadConfig } from "@c360/config";
import type { Database } from "@c360/db-client";
import { auditTrailFor, type RunningGateway, startGateway } from "@c360/gateway";
import { type Stack, startStack } from "@c360/platform";
import { SIGNATURE_HEADER, sign, subgraphSecret, telemetryOf } from "@c360/subgraph-kit";
import { supergraphSdl } from "@c360/supergraph";
import { createTestDatabase, type TestDatabase } from "./database";
import { tokenFor } from "./identity";
import { type ProcessStack, startProcessStack } from "./processes";

/** A gateway's trail key and the directory it signs the trail's checkpoints in. */
export interface TrailSettings {
  key: string;
  checkpoints: string;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** What a spec that talks to the stack only over HTTP needs of it. */
export interface Endpoints {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** The six processes, when the stack runs as processes (fault specs signal them). */
  processes?: ProcessStack;
  /** The `C360_SUBGRAPH_SECRET` its subgraphs require signatures with, if any. */
  subgraphSecret?: string;
  /** Its gateway's trail key (`C360_TRAIL_KEY`) and where it signs the trail's checkpoints (`C360_TRAIL_CHECKPOINTS`). */
  trail?: TrailSettings;
}

/**
 * Sends a request as a client would. To a subgraph of a stack that requires the gateway's signature
 * (the processes run in production mode), it is signed as the gateway signs it, unless `unsigned`.
 */
export function send(
  endpoints: Endpoints,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; unsigned?: boolean } = {},
): Promise<Response> {
  const method = init.method ?? "POST";
  const headers: Record<string, string> = { ...init.headers };
  const name = Object.entries(endpoints.subgraphUrls).find(([, u]) => url.startsWith(u))?.[0];
  const root = endpoints.subgraphSecret;
  if (name && root && !init.unsigned) {
    const target = new URL(url);
    headers[SIGNATURE_HEADER] = sign(subgraphSecret(root, name) as Buffer, {
      method,
      target: `${target.pathname}${target.search}`,
      authorization: headers.authorization ?? "",
      body: typeof init.body === "string" ? init.body : init.body ? Buffer.from(init.body).toString("utf8") : "",
    });
  }
  return fetch(url, { method, headers, body: init.body as BodyInit | undefined });
}

/**
 * The SQL statements an in-process stack's database has run for requests so far: its count less the
 * gateway's own, which run on their timers whatever the requests (the trail's writes, the reads of
 * the data's version). Flush the trail first for a count that includes its events.
 */
export const requestStatements = (t: TestStack) =>
  t.db.statements - t.stack.audit.stats.statements - (t.stack.loads?.stats.statements ?? 0);

export interface TestStack<S extends Endpoints = Stack> extends TestDatabase {
  stack: S;
  /**
   * POSTs an operation as a client would: to the gateway unless `url` says otherwise, with an admin
   * token unless `token` says otherwise (`null`: no Authorization header at all).
   */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { url?: string; token?: string | null },
  ): Promise<GraphQLResponse<T>>;
}

async function testStack<S extends Endpoints>(
  database: TestDatabase,
  stack: S,
  stop: () => Promise<void>,
): Promise<TestStack<S>> {
  const admin = await tokenFor("c360_admin");
  return {
    ...database,
    stack,
    async query(query, variables = {}, { url = stack.gatewayUrl, token = admin } = {}) {
      const response = await send(stack, url, {
        headers: {
          "content-type": "application/json",
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as never;
    },
    async dispose() {
      await stop();
      await database.dispose();
    },
  };
}

/**
 * A fresh database, prepared by `load`, behind the real subgraphs and gateway on free loopback ports,
 * all in this process (specs that look inside: statement counters, the audit writer, breakers).
 */
export async function startTestStack(
  load: (t: TestDatabase) => Promise<unknown>,
  /** Settings over the environment's (`C360_ENTITY_CACHE_MS: "0"`). */
  settings: Record<string, string> = {},
): Promise<TestStack<Stack & { trail: TrailSettings }>> {
  const database = await createTestDatabase();
  await load(database);
  const trail = {
    key: process.env.C360_TRAIL_KEY ?? randomBytes(32).toString("hex"),
    checkpoints: mkdtempSync(join(tmpdir(), "c360-trail-")),
  };
  const config = loadConfig({
    ...process.env,
    C360_TRAIL_KEY: trail.key,
    C360_TRAIL_CHECKPOINTS: trail.checkpoints,
    ...settings,
  });
  const stack = await startStack(database.db, config, { ephemeralPorts: true });
  const endpoints = Object.assign(stack, { subgraphSecret: process.env.C360_SUBGRAPH_SECRET, trail });
  return testStack(database, endpoints, async () => {
    await stack.stop();
    rmSync(trail.checkpoints, { recursive: true, force: true });
  });
}

/**
 * The same, in the shape the product runs in: on Postgres (DATABASE_URL's server, or `server`) the
 * five subgraphs and the gateway as six processes, each started as the README starts it, in
 * production mode with real secrets; on PGlite, which serves one process only, the in-process stack.
 */
export async function startProcessTestStack(
  load: (t: TestDatabase) => Promise<unknown>,
  server?: string,
  /** More environment for the six processes (an OTLP endpoint). */
  env: NodeJS.ProcessEnv = {},
): Promise<TestStack<Endpoints>> {
  const database = await createTestDatabase(server);
  if (!database.url) {
    await database.dispose();
    return startTestStack(load);
  }
  await load(database);
  const processes = await startProcessStack(database.url, env);
  const subgraphUrls = Object.fromEntries(Object.values(processes.subgraphs).map((s) => [s.name, s.url]));
  return testStack(
    database,
    {
      gatewayUrl: processes.gateway.url,
      subgraphUrls,
      processes,
      subgraphSecret: processes.subgraphSecret,
      trail: processes.trail,
    },
    processes.stop,
  );
}

/**
 * One more gateway, on a free loopback port, in front of `subgraphUrls` (a test stack's, or an impostor
 * among them), writing its trail to `db`, with `config` (the environment's by default): for specs that
 * try a gateway's settings or its readiness. The caller stops it.
 */
export async function startExtraGateway(options: {
  subgraphUrls: Record<string, string>;
  db: Database;
  config?: Config;
}): Promise<RunningGateway> {
  const given = options.config ?? loadConfig();
  // A production gateway needs the trail's key and checkpoints: a test's own, unless the config names them.
  const config: Config = given.trail.checkpoints
    ? given
    : {
        ...given,
        trail: {
          key: randomBytes(32).toString("hex"),
          keyGiven: true,
          checkpoints: mkdtempSync(join(tmpdir(), "c360-trail-")),
        },
      };
  const telemetry = telemetryOf("gateway", { ...config, logLevel: "silent" });
  return startGateway({
    supergraphSdl: supergraphSdl(),
    subgraphUrls: options.subgraphUrls,
    port: 0,
    verify: await createTokenVerifier(config.identity),
    audit: auditTrailFor(options.db, telemetry.log, config),
    db: options.db,
    config,
    telemetry,
  });
}
