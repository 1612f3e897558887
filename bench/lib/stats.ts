import { readdirSync, readFileSync } from "node:fs";

export type Percentiles = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function percentiles(samples: number[]): Percentiles {
  if (samples.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  let sum = 0;
  for (const v of sorted) sum += v;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sum / sorted.length),
  };
}

/** High-resolution wall clock in ms, comparable between processes on one machine. */
export const wallMs = () => performance.timeOrigin + performance.now();

const CLOCK_TICKS = 100; // USER_HZ on Linux

type ProcSample = { at: number; ticks: Map<number, number> };

function readTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15)
  } catch {
    return null;
  }
}

export function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Pids whose command name (comm) matches, e.g. "postgres", "redis-server", "nginx", "pgbouncer". */
export function pidsByName(pattern: RegExp): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (pattern.test(readFileSync(`/proc/${entry}/comm`, "utf8").trim())) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** CPU of a group of processes over an interval, in % of one core (200 % = both cores of a 2-core box). */
export class CpuMeter {
  private start: ProcSample | null = null;
  constructor(private readonly pids: () => number[]) {}

  private sample(): ProcSample {
    const ticks = new Map<number, number>();
    for (const pid of this.pids()) {
      const t = readTicks(pid);
      if (t !== null) ticks.set(pid, t);
    }
    return { at: Date.now(), ticks };
  }

  begin(): void {
    this.start = this.sample();
  }

  /** % of one core since begin(); processes that started in between count from zero. */
  end(): number {
    const start = this.start ?? this.sample();
    const stop = this.sample();
    let used = 0;
    for (const [pid, t] of stop.ticks) used += t - (start.ticks.get(pid) ?? 0);
    const seconds = Math.max(0.001, (stop.at - start.at) / 1000);
    return Math.round((used / CLOCK_TICKS / seconds) * 1000) / 10;
  }
}

export function machineInfo() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? "unknown";
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync("/proc/meminfo", "utf8"))?.[1] ?? 0);
  return { nproc: cores, cpu: model, ramGiB: Math.round((memKb / 1024 / 1024) * 10) / 10 };
}
