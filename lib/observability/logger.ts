import pino, { type DestinationStream, type Logger } from "pino";

// Structured logs: one JSON line per event on stdout (pino), pretty-printed in development. Secrets and message
// bodies never belong in a log line; the paths below are censored should one be passed by mistake.
export const REDACTED_PATHS = [
  "password", "*.password", "token", "*.token", "secret", "*.secret", "body", "*.body", "note", "*.note",
  "cookie", "*.cookie", "authorization", "*.authorization", "headers", "*.headers",
];

const globalForLogger = globalThis as unknown as { tevkilLogger?: Logger };

const prettyInDevelopment = () => process.env.NODE_ENV !== "production" && process.env.NODE_ENV !== "test";

export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { pid: process.pid, role: process.env.SERVER_ROLE ?? "worker" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[gizli]" },
      ...(prettyInDevelopment() && !destination
        ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } }
        : {}),
    },
    destination,
  );
}

/** The process's logger. */
export function logger(): Logger {
  globalForLogger.tevkilLogger ??= createLogger();
  return globalForLogger.tevkilLogger;
}
