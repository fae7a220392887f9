import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { requestedFields, type Viewer } from "@c360/auth";
import type { Database } from "@c360/db-client";
import { type GraphQLSchema, getOperationAST } from "graphql";

export type AccessOutcome = "ok" | "denied" | "invalid" | "error" | "unauthenticated";

/** One request through the gateway, as the access trail keeps it. */
export interface AccessEvent {
  occurredAt: Date;
  subject: string | null;
  roles: string[];
  markets: string[] | null;
  operationName: string | null;
  documentHash: string;
  coordinates: string[];
  denied: string[];
  outcome: AccessOutcome;
}

export interface AuditStats {
  /** INSERT statements sent (one per batch, failed ones included). */
  statements: number;
  written: number;
  pending: number;
  failures: number;
  dropped: number;
}

/**
 * The access trail writer: events are queued on the request path and written in batches off it
 * (every `flushMs`, or at once when a batch is full), one INSERT per batch. A failed write is logged
 * and counted, and the batch stays queued for the next try, so nothing is lost while the database
 * comes back; only past `maxPending` queued events are the oldest dropped (and counted).
 */
export class AuditTrail {
  private queue: AccessEvent[] = [];
  private writing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  readonly stats: AuditStats = { statements: 0, written: 0, pending: 0, failures: 0, dropped: 0 };

  constructor(
    private readonly db: Database,
    private readonly options: { flushMs?: number; batchSize?: number; maxPending?: number } = {},
  ) {
    this.timer = setInterval(() => void this.flush(), options.flushMs ?? 200);
    this.timer.unref();
  }

  record(event: AccessEvent): void {
    this.queue.push(event);
    const overflow = this.queue.length - (this.options.maxPending ?? 100_000);
    if (overflow > 0) {
      this.queue.splice(0, overflow);
      this.stats.dropped += overflow;
    }
    this.stats.pending = this.queue.length;
    if (this.queue.length >= (this.options.batchSize ?? 500)) void this.flush();
  }

  /** Writes everything queued so far (one write at a time); resolves when done or when a write failed. */
  flush(): Promise<void> {
    this.writing ??= this.drain().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.slice(0, this.options.batchSize ?? 500);
      try {
        this.stats.statements++;
        await this.db.query(
          `INSERT INTO audit.access_events
             (occurred_at, subject, roles, markets, operation_name, document_hash, coordinates, denied, outcome)
           SELECT occurred_at, subject, roles, markets, operation_name, document_hash, coordinates, denied, outcome
           FROM jsonb_to_recordset($1::jsonb) AS e(occurred_at timestamptz, subject text, roles text[], markets text[],
             operation_name text, document_hash text, coordinates text[], denied text[], outcome text)`,
          [
            JSON.stringify(
              batch.map((e) => ({
                occurred_at: e.occurredAt.toISOString(),
                subject: e.subject,
                roles: e.roles,
                markets: e.markets,
                operation_name: e.operationName,
                document_hash: e.documentHash,
                coordinates: e.coordinates,
                denied: e.denied,
                outcome: e.outcome,
              })),
            ),
          ],
        );
      } catch (error) {
        this.stats.failures++;
        console.error(
          `audit trail: write of ${batch.length} events failed (${(error as Error).message}); kept for retry`,
        );
        return;
      }
      this.queue.splice(0, batch.length);
      this.stats.written += batch.length;
      this.stats.pending = this.queue.length;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

export const hashDocument = (source: string | undefined) =>
  createHash("sha256")
    .update(source ?? "")
    .digest("hex");

/** What the gateway keeps per request: the verified viewer and the token to forward. */
export interface GatewayContext {
  authorization: string;
  viewer: Viewer;
}

/** Records every operation the gateway answers: who, what it asked for, what was denied, how it ended. */
export function auditPlugin(trail: AuditTrail, apiSchema: GraphQLSchema): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let coordinates: string[] = [];
      return {
        async didResolveOperation({ document }) {
          coordinates = [...new Set(requestedFields(apiSchema, document).map((f) => f.coordinate))].sort();
        },
        async willSendResponse({ contextValue, response, operationName, request, document, source }) {
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => e.extensions?.code);
          const denied = [
            ...new Set(
              errors.filter((e) => e.extensions?.code === "FORBIDDEN").map((e) => String(e.extensions?.coordinate)),
            ),
          ].sort();
          const outcome: AccessOutcome = !errors.length
            ? "ok"
            : codes.every((c) => c === "FORBIDDEN")
              ? "denied"
              : codes.some(
                    (c) => c === "GRAPHQL_VALIDATION_FAILED" || c === "GRAPHQL_PARSE_FAILED" || c === "BAD_USER_INPUT",
                  )
                ? "invalid"
                : "error";
          trail.record({
            occurredAt: new Date(),
            subject: contextValue.viewer.subject,
            roles: contextValue.viewer.roles,
            markets: contextValue.viewer.markets,
            operationName:
              operationName ??
              request.operationName ??
              (document ? (getOperationAST(document)?.name?.value ?? null) : null),
            documentHash: hashDocument(source),
            coordinates,
            denied,
            outcome,
          });
        },
      };
    },
  };
}
