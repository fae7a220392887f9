import { readFileSync } from "node:fs";
import {
  apiSchemaOf,
  entitlements,
  explainAccess,
  openedBy,
  type RoleName,
  roleNames,
  roles,
  rolesFor,
} from "@c360/auth";
import type { Database } from "@c360/db-client";
import type { GraphQLSchema } from "graphql";
import { keysetConnection, keysetPage } from "./connection";
import { badUserInput } from "./errors";

/** The supergraph the auditors' explanations are checked against (C360_SUPERGRAPH overrides the committed file). */
let apiSchema: GraphQLSchema | undefined;
function supergraphSchema(): GraphQLSchema {
  apiSchema ??= apiSchemaOf(
    readFileSync(
      process.env.C360_SUPERGRAPH ?? new URL("../../../gateway/supergraph.graphql", import.meta.url),
      "utf8",
    ),
  );
  return apiSchema;
}

export interface AccessEventFilter {
  subject?: string | null;
  role?: string | null;
  outcome?: string | null;
  operationName?: string | null;
  from?: Date | null;
  to?: Date | null;
}

interface EventRow {
  event_id: string;
  occurred_at: Date;
  subject: string | null;
  roles: string[];
  markets: string[] | null;
  operation_name: string | null;
  document_hash: string;
  coordinates: string[];
  denied: string[];
  outcome: string;
}

/** Resolvers of the auditor fields every subgraph serves (shield lets auditors and admins through). */
export const accessResolvers = {
  accessPolicy: () => ({
    roles: roleNames.map((name) => ({ name, entitlements: [...roles[name as RoleName]] })),
    entitlements: Object.entries(entitlements).map(([name, e]) => ({
      name,
      description: e.description,
      coordinates: [...e.coordinates],
    })),
    fields: [...openedBy.keys()].sort().map((coordinate) => ({
      coordinate,
      roles: rolesFor(coordinate),
      entitlements: [...(openedBy.get(coordinate) ?? [])],
    })),
  }),
  explainAccess: (_: unknown, args: { role: string; document: string }) => {
    let denied: ReturnType<typeof explainAccess>;
    try {
      denied = explainAccess(supergraphSchema(), args.role, args.document);
    } catch (error) {
      throw badUserInput(/role/.test((error as Error).message) ? "role" : "document", (error as Error).message);
    }
    return { role: args.role, allowed: denied.length === 0, denied };
  },
  accessEvents: async (
    _: unknown,
    args: { filter?: AccessEventFilter | null; first?: number | null; after?: string | null },
    { db }: { db: Database },
  ) => {
    const page = keysetPage(args.first, args.after);
    const f = args.filter ?? {};
    const where = `($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR $2 = ANY(roles))
      AND ($3::text IS NULL OR outcome = $3) AND ($4::text IS NULL OR operation_name = $4)
      AND ($5::timestamptz IS NULL OR occurred_at >= $5) AND ($6::timestamptz IS NULL OR occurred_at < $6)`;
    const params = [
      f.subject ?? null,
      f.role ?? null,
      f.outcome ?? null,
      f.operationName ?? null,
      f.from ?? null,
      f.to ?? null,
    ];
    const [rows, [count]] = await Promise.all([
      db.query<EventRow>(
        `SELECT * FROM audit.access_events WHERE ${where} AND ($7::bigint IS NULL OR event_id < $7)
         ORDER BY event_id DESC LIMIT $8`,
        [...params, page.afterKey, page.limit + 1],
      ),
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.access_events WHERE ${where}`, params),
    ]);
    const connection = keysetConnection(rows, count?.n ?? 0, page, (r) => String(r.event_id));
    return {
      ...connection,
      edges: connection.edges.map((e) => ({
        cursor: e.cursor,
        node: {
          id: e.node.event_id,
          occurredAt: e.node.occurred_at,
          subject: e.node.subject,
          roles: e.node.roles,
          markets: e.node.markets,
          operationName: e.node.operation_name,
          documentHash: e.node.document_hash,
          coordinates: e.node.coordinates,
          denied: e.node.denied,
          outcome: e.node.outcome,
        },
      })),
    };
  },
};
