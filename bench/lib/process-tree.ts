// The app's CPU and memory over its whole process tree. An app instance may be a front process (HTTP server and
// Socket.IO) that forks child processes (the Next.js web renderer): measuring only the pid the bench started
// would miss the page renders. The tree is resolved afresh at every begin() and end(), so a child that starts
// later (or is restarted) is counted too.
import { readdirSync, readFileSync } from "node:fs";
import { rssKb } from "./stats";

const CLOCK_TICKS = 100; // USER_HZ on Linux

type Stat = { ppid: number; /** utime + stime */ own: number; /** cutime + cstime: reaped children's whole lives */ reaped: number };

function readStat(pid: number): Stat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // f[0] is field 3 (state)
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

let childrenFiles = true; // false on kernels without CONFIG_PROC_CHILDREN

function childrenOf(pid: number): number[] {
  if (childrenFiles) {
    try {
      // each thread's list: a child belongs to the thread that forked it
      return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || readStat(pid) === null) return [];
      childrenFiles = false; // the process exists but the kernel has no children files: scan parents instead
    }
  }
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) if (/^\d+$/.test(entry) && readStat(Number(entry))?.ppid === pid) found.push(Number(entry));
  return found;
}

/** Every process below `pid` (children, grandchildren, …). */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  for (let queue = childrenOf(pid); queue.length; ) {
    const next = queue.shift()!;
    found.push(next);
    queue = queue.concat(childrenOf(next));
  }
  return found;
}

/** CPU of the trees over an interval: % of one core (200 % = both cores of a 2-core box) and CPU ms. */
export type TreeCpu = {
  pct: number;
  ms: number;
  /** the started processes themselves (the socket role) */
  frontPct: number;
  frontMs: number;
  /** everything below them (the web role once the app forks one) */
  childrenPct: number;
  childrenMs: number;
  /** processes seen in the trees (roots included) */
  processes: number;
  seconds: number;
};

type TreeSample = { at: number; roots: Set<number>; stats: Map<number, Stat> };

export class TreeCpuMeter {
  private start: TreeSample | null = null;
  constructor(private readonly roots: () => number[]) {}

  private sample(): TreeSample {
    const roots = new Set(this.roots());
    const stats = new Map<number, Stat>();
    for (const root of roots) {
      for (const pid of [root, ...descendants(root)]) {
        const stat = readStat(pid);
        if (stat) stats.set(pid, stat);
      }
    }
    return { at: Date.now(), roots, stats };
  }

  begin(): void {
    this.start = this.sample();
  }

  /**
   * Since begin(): each process's own and reaped time, new processes from zero. A process that ended in
   * between is in its parent's reaped time for its whole life, so what it had at begin() is taken off again.
   */
  end(): TreeCpu {
    const start = this.start ?? this.sample();
    const stop = this.sample();
    let total = 0;
    let front = 0;
    for (const [pid, s] of stop.stats) {
      const before = start.stats.get(pid);
      total += s.own + s.reaped - (before ? before.own + before.reaped : 0);
      if (stop.roots.has(pid)) front += s.own - (before?.own ?? 0);
    }
    for (const [pid, s] of start.stats) if (!stop.stats.has(pid)) total -= s.own + s.reaped;
    const seconds = Math.max(0.001, (stop.at - start.at) / 1000);
    // a child that ended without a parent in the tree to reap it would make this negative
    const children = Math.max(0, total - front);
    const pct = (ticks: number) => Math.round((ticks / CLOCK_TICKS / seconds) * 1000) / 10;
    const ms = (ticks: number) => Math.round((ticks / CLOCK_TICKS) * 1000);
    return {
      pct: pct(front + children),
      ms: ms(front + children),
      frontPct: pct(front),
      frontMs: ms(front),
      childrenPct: pct(children),
      childrenMs: ms(children),
      processes: new Set([...start.stats.keys(), ...stop.stats.keys()]).size,
      seconds: Math.round(seconds * 10) / 10,
    };
  }
}

/** RSS of the started process (which holds the sockets) and of everything below it. */
export function treeRssKb(pid: number): { frontKb: number; childrenKb: number; children: number } {
  const below = descendants(pid);
  return { frontKb: rssKb(pid), childrenKb: below.reduce((sum, child) => sum + rssKb(child), 0), children: below.length };
}
