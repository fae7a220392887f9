/**
 * The explorer at the gateway's `/`: GraphiQL, from its npm package, with React's UMD builds and the
 * page's own script, all served by the gateway (no CDN: it works offline), under a content security
 * policy that lets the page talk to this gateway only.
 *
 * The page asks `/explorer/session` with a bearer token and gets what that token may see: the
 * example operations (`gateway/operations/*.graphql`) whose every field its roles may read, and its
 * roles' own schema for the docs pane (introspection stays off at `/graphql` in production). In
 * development `/explorer/token?role=` mints a token per role for the page's role picker; in production
 * there is no such route and the page asks for a token.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  isRole,
  mayRead,
  mintToken,
  type RoleName,
  requestedFields,
  roleNames,
  roleSchema,
  type TokenVerifier,
} from "@c360/auth";
import type { Config } from "@c360/config";
import { REQUEST_ID_HEADER } from "@c360/observability";
import { requestEndOf } from "@c360/subgraph-kit";
import { buildSchema, GraphQLError, type GraphQLSchema, introspectionFromSchema, parse } from "graphql";
import { type AuditTrail, accessEventOf, type GatewayContext, gatewayContext } from "./audit";
import type { SubjectBudget } from "./budget";

const here = dirname(fileURLToPath(import.meta.url));
const packageFile = (name: string, file: string) =>
  join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), file);

/** What the page loads, by the name it asks for: nothing else is served. */
const assets: Record<string, { file: string; type: string }> = {
  "graphiql.js": { file: packageFile("graphiql", "graphiql.min.js"), type: "text/javascript" },
  "graphiql.css": { file: packageFile("graphiql", "graphiql.min.css"), type: "text/css" },
  "react.js": { file: packageFile("react", "umd/react.production.min.js"), type: "text/javascript" },
  "react-dom.js": { file: packageFile("react-dom", "umd/react-dom.production.min.js"), type: "text/javascript" },
  "explorer.js": { file: join(here, "../explorer/explorer.js"), type: "text/javascript" },
  "explorer.css": { file: join(here, "../explorer/explorer.css"), type: "text/css" },
};

const policy = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL's editors set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** An example operation: its name, what it shows (the file's leading comment) and its text. */
export interface Example {
  name: string;
  description: string;
  query: string;
}

/** The recorded client operations (`gateway/operations/*.graphql`), by name. */
export function recordedOperations(dir = join(here, "../operations")): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => {
      const query = readFileSync(join(dir, f), "utf8");
      return {
        name: f.replace(/\.graphql$/, ""),
        description: /^#\s*(.+)$/m.exec(query)?.[1] ?? "",
        query,
      };
    });
}

export interface ExplorerOptions {
  supergraphSdl: string;
  /** The API schema the examples are measured against. */
  apiSchema: GraphQLSchema;
  verify: TokenVerifier;
  /** The gateway's access trail and each subject's share: a session is a request like any other. */
  audit: AuditTrail;
  budget: SubjectBudget;
  config: Config;
}

/** A request the explorer serves: true when it answered it, false for a path that is not its own. */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers = {}) => {
  res.writeHead(status, {
    "content-type": type,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...headers,
  });
  res.end(body);
};

const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body), { "cache-control": "no-store" });

const refuse = (res: ServerResponse, status: number, code: string, message: string, headers = {}) =>
  send(
    res,
    status,
    "application/json; charset=utf-8",
    JSON.stringify({ errors: [{ message, extensions: { code } }] }),
    {
      "cache-control": "no-store",
      ...headers,
    },
  );

/** The explorer's routes (`/`, `/explorer/...`), for the gateway's HTTP layer. */
export function explorerPages(options: ExplorerOptions): PageHandler {
  const { config, apiSchema } = options;
  const examples = recordedOperations().map((e) => ({
    ...e,
    coordinates: requestedFields(apiSchema, parse(e.query)).map((f) => f.coordinate),
  }));
  const page = readFileSync(join(here, "../explorer/index.html"), "utf8")
    .replace("{{mode}}", config.production ? "production" : "development")
    .replace("{{roles}}", roleNames.join(" "));
  /**
   * Each set of roles' schema, as introspection (null for roles that may read nothing); the last 32
   * sets are kept (a set is about 100 KB, and tokens may carry any combination of roles).
   */
  const schemas = new Map<string, unknown>();
  const schemaOf = (roles: readonly RoleName[]) => {
    const key = [...roles].sort().join(",");
    if (!schemas.has(key)) {
      // Roles that may read nothing (none the policy knows, say) have no schema at all: null.
      const sdl = roleSchema(options.supergraphSdl, roles);
      const schema = sdl.trim() ? buildSchema(sdl) : undefined;
      if (schemas.size >= 32) schemas.delete(schemas.keys().next().value as string);
      schemas.set(key, schema?.getQueryType() ? introspectionFromSchema(schema) : null);
    }
    return schemas.get(key);
  };

  /** What `viewer` may see, for the page. */
  const sessionOf = (viewer: Awaited<ReturnType<TokenVerifier>>) => ({
    mode: config.production ? "production" : "development",
    subject: viewer.subject,
    roles: viewer.roles,
    markets: viewer.markets,
    examples: examples
      .filter((e) => e.coordinates.every((c) => mayRead(viewer.entitlements, c)))
      .map(({ name, description, query }) => ({ name, description, query })),
    schema: schemaOf(viewer.roles),
  });

  /**
   * `/explorer/session`: it verifies a token and tells what it opens, so it is recorded in the trail
   * like a request to `/graphql` (refused ones included) and taken from the subject's share.
   */
  const session = async (req: IncomingMessage, res: ServerResponse) => {
    const end = requestEndOf<GatewayContext>(req);
    res.setHeader(REQUEST_ID_HEADER, end.requestId);
    try {
      const viewer = await options.verify(req.headers.authorization);
      end.context = gatewayContext(req.headers.authorization ?? "", viewer, end.requestId);
      const release = options.budget.admit(viewer.subject, 0);
      try {
        json(res, 200, sessionOf(viewer));
      } finally {
        release();
      }
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const code = String(error.extensions.code);
      const http = error.extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
      end.codes.push(code);
      refuse(res, http?.status ?? 401, code, error.message, http?.headers);
    } finally {
      end.status = res.headersSent ? res.statusCode : 0;
      options.audit.record(accessEventOf(end));
    }
  };

  return async (req, res, url) => {
    const path = url.pathname;
    if (path !== "/" && !path.startsWith("/explorer/")) return false;
    if (req.method !== "GET") {
      refuse(res, 405, "METHOD_NOT_ALLOWED", `${req.method} is not accepted here; use GET`);
      return true;
    }
    if (path === "/") {
      send(res, 200, "text/html; charset=utf-8", page, {
        "content-security-policy": policy,
        "cache-control": "no-store",
      });
      return true;
    }
    const name = path.slice("/explorer/".length);
    if (Object.hasOwn(assets, name)) {
      const asset = assets[name] as { file: string; type: string };
      send(res, 200, `${asset.type}; charset=utf-8`, readFileSync(asset.file), { "cache-control": "max-age=3600" });
      return true;
    }
    if (name === "token" && !config.production) {
      const role = url.searchParams.get("role") ?? "";
      if (!isRole(role)) {
        refuse(res, 400, "BAD_REQUEST", `role must be one of ${roleNames.join(", ")}`);
        return true;
      }
      const token = await mintToken(config.identity, { subject: `dev-${role}`, roles: [role] });
      json(res, 200, { token, subject: `dev-${role}`, roles: [role] });
      return true;
    }
    if (name === "session") {
      await session(req, res);
      return true;
    }
    refuse(res, 404, "NOT_FOUND", "not found");
    return true;
  };
}
