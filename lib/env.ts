import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

// Development defaults point at the local services; production must set every required variable.
const devDefault = <T extends z.ZodTypeAny>(schema: T, value: string) =>
  isProduction ? schema : z.preprocess((v) => (v === undefined || v === "" ? value : v), schema);

const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: devDefault(z.string().url(), "postgresql://postgres@localhost:5432/tevkil"),
  // not read on a Redis Cluster (REDIS_CLUSTER_NODES), so not required then either
  REDIS_URL: z.preprocess(
    (v) => ((v === undefined || v === "") && process.env.REDIS_CLUSTER_NODES?.trim() ? "redis://unused-on-redis-cluster" : v),
    devDefault(z.string().url(), "redis://127.0.0.1:6379/0"),
  ),
  // host:port of Redis Cluster nodes (comma-separated, a few masters are enough to find the rest): set, every
  // connection is an ioredis Cluster and REDIS_URL is not used; unset, one Redis at REDIS_URL
  REDIS_CLUSTER_NODES: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.split(",").map((n) => n.trim()) : []),
    z.array(z.string().regex(/^[^\s:]+:\d+$/, "host:port")),
  ),
  // every key, channel and queue this deployment uses in Redis starts with this (tests use their own)
  REDIS_PREFIX: z.string().min(1).default("tevkil"),
  AUTH_SECRET: devDefault(z.string().min(32), "development-secret-not-for-production-use-000"),
  APP_URL: devDefault(z.string().url(), "http://localhost:3000"),
  // streaming replicas (comma-separated URLs) for the reads that tolerate lag: the board, profiles, reviews
  DATABASE_REPLICA_URLS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.split(",").map((u) => u.trim()) : []),
    z.array(z.string().url()),
  ),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  // named prepared statements for the hot raw statements (planned once per connection); set to false behind a
  // pooler in transaction mode that does not track them (PgBouncer before 1.21)
  DB_PREPARED_STATEMENTS: z.preprocess((v) => v === undefined || v === "" || v === "1" || v === "true", z.boolean()),
  // only behind a proxy that sets X-Forwarded-For itself; otherwise the socket address is used
  TRUST_PROXY: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  // all: this process carries the sockets and forks one web process for pages (a page render never runs on
  // the thread that delivers messages); socket / web: one role only, for deployments that route /socket.io/
  // to socket instances and everything else to web instances
  SERVER_ROLE: z.enum(["all", "socket", "web"]).default("all"),
  // production: how long a new web process views its own public pages before it takes traffic (0: not at all),
  // see lib/server/web-warm-up.ts
  WEB_WARM_UP_MS: z.coerce.number().int().min(0).max(60_000).default(3_000),
  // off: every page is rendered on every request (the page cache is on in production by default)
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  // "Hesabımı sil": time to change one's mind (a login cancels) before the account is closed for good
  ACCOUNT_DELETION_GRACE_HOURS: z.coerce.number().min(0).max(24 * 90).default(24 * 7),
  // GET /api/metrics (Prometheus) answers only with `Authorization: Bearer <METRICS_TOKEN>`; unset: 404
  METRICS_TOKEN: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // fair dealing: this many cancellations (by the assignee) and no-shows in 12 months pause applying for the period
  APPLY_PAUSE_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  APPLY_PAUSE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SMTP_URL: optionalString,
  MAIL_FROM: z.string().default("Tevkil <bildirim@tevkil.local>"),
  WHATSAPP_API_URL: optionalString,
  WHATSAPP_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: optionalString,
  // inbound WhatsApp (app/api/whatsapp/webhook): the token Meta echoes in the handshake and the app secret its
  // deliveries are signed with; unset: the webhook answers 404 and nothing is read
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_APP_SECRET: optionalString,
  VAPID_PUBLIC_KEY: optionalString,
  VAPID_PRIVATE_KEY: optionalString,
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parsed configuration. Throws `ConfigError` naming the first bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    const missing = process.env[name] === undefined || process.env[name] === "";
    throw new ConfigError(
      missing ? `Missing required environment variable ${name}` : `Invalid environment variable ${name}: ${issue.message}`,
    );
  }
  cached = parsed.data;
  return cached;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}
