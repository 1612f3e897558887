// Messages between bench/run.ts and its forked load generators (bench/generator.ts, bench/http-load.ts).

export type BenchUser = {
  id: string;
  /** session cookie token (app) */
  token?: string;
  /** the user's 1:1 conversation */
  conv: string;
  peer: string;
};

export type GeneratorInit = {
  type: "init";
  gen: number;
  url: string;
  /** Cookie header prefix, e.g. "authjs.session-token=" (app); absent for the bare relay */
  cookieName?: string;
  bare: boolean;
  users: BenchUser[];
  localAddresses: string[];
  maxInFlight: number;
  runTag: string;
};

export type ToGenerator =
  | GeneratorInit
  | { type: "connect" }
  | { type: "rate"; perSecond: number }
  | { type: "churn"; perSecond: number }
  | { type: "snapshot" }
  | { type: "drain"; timeoutMs: number }
  | { type: "forget" }
  | { type: "ledger" }
  | { type: "close" };

export type Window = {
  gen: number;
  ms: number;
  connected: number;
  sent: number;
  acked: number;
  retries: number;
  errors: Record<string, number>;
  delivered: number;
  deliveredBySync: number;
  latencies: number[];
  crossLatencies: number[];
  ackLatencies: number[];
  drops: number;
  dropReasons: Record<string, number>;
  reconnects: number;
  reconnectFailures: number;
  churned: number;
  presenceEvents: number;
  otherEvents: Record<string, number>;
  /** sends not made because the chosen user already had MAX_PENDING_PER_USER unacked */
  skipped: number;
  pending: number;
  cpuMs: number;
  rssKb: number;
};

export type WindowCounters = Omit<Window, "gen" | "ms" | "connected" | "pending" | "cpuMs" | "rssKb">;

/** A window's counters at zero: a generator's fresh window, and the start of merging generators' windows. */
export const emptyWindowCounters = (): WindowCounters => ({
  sent: 0,
  acked: 0,
  retries: 0,
  errors: {},
  delivered: 0,
  deliveredBySync: 0,
  latencies: [],
  crossLatencies: [],
  ackLatencies: [],
  drops: 0,
  dropReasons: {},
  reconnects: 0,
  reconnectFailures: 0,
  churned: 0,
  presenceEvents: 0,
  otherEvents: {},
  skipped: 0,
});

export type ConnectProgress = {
  type: "connect-progress";
  gen: number;
  connected: number;
  failed: number;
  done: boolean;
  ms: number;
  errors: Record<string, number>;
  instances: Record<string, number>;
};

export type FromGenerator =
  | { type: "ready"; gen: number }
  | ConnectProgress
  | ({ type: "snapshot" } & Window)
  | { type: "drained"; gen: number; pending: number }
  | { type: "forgotten"; gen: number; abandoned: number }
  | { type: "ledger"; gen: number; acked: [string, number][]; delivered: [string, number][]; unacked: string[]; abandoned: number }
  | { type: "closed"; gen: number };

/** `accept` defaults to text/html (a page); the personal endpoint is fetched as application/json. */
/** `paths`, when given, are requested in turn instead of `path` (e.g. board filters that miss the page cache) */
export type HttpPage = { name: string; path: string; rate: number; accept?: string; paths?: string[] };

export type ToHttpLoad =
  | { type: "open"; base: string; pages: HttpPage[]; cookies: string[]; durationS: number; localAddress: string }
  /**
   * Page views as fast as `concurrency` keep-alive connections go: a view is the page, then each of `then` (the
   * personal endpoints its browser code asks: the header's, a page's own list) with the same cookie. `warmupS` of views first, then "measuring" is reported.
   */
  | { type: "views"; base: string; page: HttpPage; then: string[]; cookies: string[]; concurrency: number; warmupS: number; durationS: number; localAddress: string };

/** `cacheHits`: answers the app's page cache replayed (`x-page-cache: hit`), the others rendered or were not cacheable. */
export type PageResult = { name: string; path: string; sent: number; ok: number; cacheHits: number; errors: Record<string, number>; latencies: number[]; seconds: number };

export type FromHttpLoad = { type: "measuring" } | { type: "result"; pages: PageResult[] };
