import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger };

export interface LogSettings {
  /** Least severe level written: fatal, error, warn, info, debug, trace or silent. */
  level: string;
  /** Human-readable lines (a terminal in development) instead of one JSON object per line. */
  pretty: boolean;
}

/**
 * A process's log: one JSON object per line on stdout (time, level, service, message, fields), or
 * coloured lines on a terminal in development. Fields named like credentials are censored wherever
 * they appear, so a careless call cannot write a token.
 */
export function createLogger(service: string, settings: LogSettings): Logger {
  const options: pino.LoggerOptions = {
    level: settings.level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ["authorization", "token", "secret", "password", "*.authorization", "*.token", "*.secret", "*.password"],
      censor: "[redacted]",
    },
  };
  if (!settings.pretty) return pino(options);
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
