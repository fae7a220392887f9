import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger };

export interface LogSettings {
  /** Least severe level written: fatal, error, warn, info, debug, trace or silent. */
  level: string;
  /** Human-readable lines (a terminal in development) instead of one JSON object per line. */
  pretty: boolean;
  /**
   * Censor fields named like credentials (the default). Off only for a log whose every line has
   * fields its one writer fixes (the HTTP layer's line per request): censoring walks each line's
   * fields and their objects, 4.3 of the 7 us a request line costs.
   */
  redact?: boolean;
}

/** Batches of at least this many bytes reach stdout, one write each, instead of a write per line. */
const BATCH_BYTES = 4096;
/** A batch that has not filled is written after this long, so a quiet process's lines still appear. */
const BATCH_MS = 100;
/** Lines beyond this much unwritten output (stdout stalled) are dropped rather than held in memory. */
const BACKLOG_BYTES = 16 * 1024 * 1024;

/** Fields named like credentials, censored at the top of a line and one level down. */
const CREDENTIALS = {
  paths: ["authorization", "token", "secret", "password", "*.authorization", "*.token", "*.secret", "*.password"],
  censor: "[redacted]",
};

let stdout: ReturnType<typeof pino.destination> | undefined;

/**
 * The process's stdout as every logger writes to it: lines batched (a write per line cost the
 * subgraphs 6-10% of their time under load), flushed every `BATCH_MS` and synchronously at exit, and
 * bounded. One per process, however many loggers.
 */
function batchedStdout(): ReturnType<typeof pino.destination> {
  if (stdout) return stdout;
  const destination = pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES, maxLength: BACKLOG_BYTES });
  setInterval(() => destination.flush(), BATCH_MS).unref();
  stdout = destination;
  return destination;
}

/**
 * A process's log: one JSON object per line on stdout (time, level, service, message, fields), or
 * coloured lines on a terminal in development. Fields named like credentials are censored wherever
 * they appear (unless `redact` is false), so a careless call cannot write a token.
 */
export function createLogger(service: string, settings: LogSettings): Logger {
  const options: pino.LoggerOptions = {
    level: settings.level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    ...(settings.redact === false ? {} : { redact: CREDENTIALS }),
  };
  if (!settings.pretty) return pino(options, batchedStdout());
  return pino(options, pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname", sync: true }));
}

/** The header a request's id travels in: from the client (or made), to every subgraph, back in the answer. */
export const REQUEST_ID_HEADER = "x-request-id";

const acceptedId = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of a request: the client's `x-request-id` when it is a plain token (letters, digits and
 * `._:-`, at most 128), so a caller can follow its own id; anything else (absent, repeated, too long,
 * control characters) gets a fresh UUID instead of being echoed or logged.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && acceptedId.test(header) ? header : randomUUID();
}
