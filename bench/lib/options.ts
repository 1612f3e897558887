// The bench's command line. The smoke profile is what CI runs: small, short, and only the scenarios whose
// failures (lost, duplicated, dropped) mean a bug rather than a slow machine.
export const SCENARIOS = ["hold", "messages", "steps", "page-cost", "board", "mixed", "bare", "notifications"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Scenarios that run against the app; they share one app stack and one crowd of sockets. */
export const APP_SCENARIOS: readonly Scenario[] = ["hold", "messages", "steps", "page-cost", "board", "mixed"];

const SMOKE_SCENARIOS: Scenario[] = ["hold", "messages", "page-cost", "board", "mixed", "bare"];

const USAGE = `npm run bench -- [--users N] [--duration s] [--rate msg/s] [--instances K] [--pgbouncer] [--replica] [--smoke]
                    [--only ${SCENARIOS.join(",")}] [--cpu-prof] [--no-record] [--step-seconds s] [--db-pool-max n]`;

export type Options = {
  users: number;
  duration: number;
  rate: number;
  instances: number;
  pgbouncer: boolean;
  /** a PostgreSQL primary and streaming replica of the run's own; the app reads lag-tolerant pages from the replica */
  replica: boolean;
  smoke: boolean;
  only: Set<Scenario>;
  cpuProf: boolean;
  record: boolean;
  stepSeconds: number;
  dbPoolMax: number;
};

export function parseArgs(argv: string[]): Options {
  const opts: Options = {
    users: 10_000,
    duration: 60,
    rate: 0,
    instances: 1,
    pgbouncer: false,
    replica: false,
    smoke: false,
    only: new Set<Scenario>(SCENARIOS),
    cpuProf: false,
    record: true,
    stepSeconds: 10,
    dbPoolMax: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case "--users":
        opts.users = Number(value());
        break;
      case "--duration":
        opts.duration = Number(value());
        break;
      case "--rate":
        opts.rate = Number(value());
        break;
      case "--instances":
        opts.instances = Number(value());
        break;
      case "--pgbouncer":
        opts.pgbouncer = true;
        break;
      case "--replica":
        opts.replica = true;
        break;
      case "--smoke":
        opts.smoke = true;
        break;
      case "--only": {
        const wanted = value().split(",") as Scenario[];
        for (const w of wanted) if (!SCENARIOS.includes(w)) throw new Error(`--only: unknown scenario ${w} (one of ${SCENARIOS.join(", ")})`);
        opts.only = new Set(wanted);
        break;
      }
      case "--cpu-prof":
        opts.cpuProf = true;
        break;
      case "--no-record":
        opts.record = false;
        break;
      case "--step-seconds":
        opts.stepSeconds = Number(value());
        break;
      case "--db-pool-max":
        opts.dbPoolMax = Number(value());
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg} (try --help)`);
    }
  }
  if (opts.smoke) {
    opts.users = argv.includes("--users") ? opts.users : 500;
    opts.duration = argv.includes("--duration") ? opts.duration : 10;
    opts.stepSeconds = argv.includes("--step-seconds") ? opts.stepSeconds : 5;
    opts.record = false;
    if (!argv.includes("--only")) opts.only = new Set(SMOKE_SCENARIOS);
  }
  if (!opts.rate) opts.rate = opts.smoke ? 100 : opts.instances > 1 ? 1_000 : 2_000;
  if (opts.users % 2) opts.users++;
  if (!opts.dbPoolMax) opts.dbPoolMax = opts.pgbouncer ? 20 : 10;
  return opts;
}

/**
 * BENCHMARKS.md's status shows issue 10's targets, which are for one instance at 10,000 sockets with every
 * scenario: only such a run rewrites it, so a quick `--only` run cannot replace the numbers of a full one.
 */
export function isFullRun(opts: Options): boolean {
  return !opts.smoke && !opts.replica && !opts.pgbouncer && opts.instances === 1 && opts.users >= 10_000 && SCENARIOS.every((s) => opts.only.has(s));
}
