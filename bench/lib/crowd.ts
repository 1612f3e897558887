// The load-generator processes as one crowd: forks them, splits users and rates between them, merges reports.
import { fork, type ChildProcess } from "node:child_process";
import { emptyWindowCounters, type BenchUser, type ConnectProgress, type FromGenerator, type ToGenerator, type Window } from "./protocol";

type Reply<T extends FromGenerator["type"]> = Extract<FromGenerator, { type: T }>;

export type CrowdOptions = {
  url: string;
  cookieName?: string;
  bare: boolean;
  users: BenchUser[];
  processes: number;
  localAddresses: string[];
  /** connects in flight over the whole crowd */
  maxInFlight: number;
  runTag: string;
};

export type MergedWindow = Omit<Window, "gen" | "rssKb" | "cpuMs"> & { generatorRssMb: number; generatorCpuPct: number };

const children = new Set<ChildProcess>();

/** Kills every generator of every crowd (cleanup on Ctrl-C). */
export function killAllGenerators(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
}

export class Crowd {
  private readonly gens: ChildProcess[] = [];
  private readonly waiters = new Map<string, (message: FromGenerator) => void>();
  onConnectProgress: ((merged: { connected: number; failed: number; ms: number }) => void) | null = null;
  private readonly progress = new Map<number, ConnectProgress>();

  private constructor(private readonly options: CrowdOptions) {}

  static async start(options: CrowdOptions): Promise<Crowd> {
    const crowd = new Crowd(options);
    await crowd.fork();
    return crowd;
  }

  get size(): number {
    return this.gens.length;
  }

  get pids(): number[] {
    return this.gens.map((g) => g.pid!).filter(Boolean);
  }

  private async fork() {
    const { processes, users } = this.options;
    const shards: BenchUser[][] = Array.from({ length: processes }, () => []);
    // user i goes to generator i % processes, so with an even count the two members of a pair sit in different processes
    users.forEach((u, i) => shards[i % processes].push(u));
    const ready: Promise<unknown>[] = [];
    for (let gen = 0; gen < processes; gen++) {
      const child = fork("bench/generator.ts", [], {
        execArgv: ["--import", "tsx", "--max-semi-space-size=32"],
        serialization: "advanced",
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      children.add(child);
      child.once("exit", () => children.delete(child));
      // a generator killed by Ctrl-C cleanup must not crash the parent with ERR_IPC_CHANNEL_CLOSED
      child.on("error", () => undefined);
      child.on("message", (message: FromGenerator) => this.receive(gen, message));
      this.gens.push(child);
      ready.push(this.waitFor(gen, "ready"));
      this.sendTo(gen, {
        type: "init",
        gen,
        url: this.options.url,
        cookieName: this.options.cookieName,
        bare: this.options.bare,
        users: shards[gen],
        // each process its own source addresses, so ephemeral ports never collide between processes
        localAddresses: this.options.localAddresses.filter((_, i) => i % processes === gen),
        maxInFlight: Math.max(1, Math.floor(this.options.maxInFlight / processes)),
        runTag: this.options.runTag,
      });
    }
    await Promise.all(ready);
  }

  private receive(gen: number, message: FromGenerator) {
    if (message.type === "connect-progress") {
      this.progress.set(gen, message);
      const all = [...this.progress.values()];
      this.onConnectProgress?.({
        connected: all.reduce((s, p) => s + p.connected, 0),
        failed: all.reduce((s, p) => s + p.failed, 0),
        ms: Math.max(...all.map((p) => p.ms)),
      });
      if (!message.done) return;
    }
    const key = `${gen}:${message.type}`;
    const waiter = this.waiters.get(key);
    if (waiter) {
      this.waiters.delete(key);
      waiter(message);
    }
  }

  private waitFor<T extends FromGenerator["type"]>(gen: number, type: T, timeoutMs = 600_000): Promise<Reply<T>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`generator ${gen} did not answer ${type}`)), timeoutMs);
      this.waiters.set(`${gen}:${type === "connect-progress" ? "connect-progress" : type}`, (m) => {
        clearTimeout(timer);
        resolve(m as Reply<T>);
      });
    });
  }

  private sendTo(gen: number, message: ToGenerator) {
    const child = this.gens[gen];
    if (child.connected) child.send(message, (error) => void error);
  }

  private async all<T extends FromGenerator["type"]>(message: ToGenerator, reply: T): Promise<Reply<T>[]> {
    const waits = this.gens.map((_, gen) => this.waitFor(gen, reply));
    this.gens.forEach((_, gen) => this.sendTo(gen, message));
    return Promise.all(waits);
  }

  async connect(): Promise<{ connected: number; failed: number; seconds: number; errors: Record<string, number>; instances: Record<string, number> }> {
    this.progress.clear();
    const started = Date.now();
    const results = (await this.all({ type: "connect" }, "connect-progress")) as ConnectProgress[];
    const errors: Record<string, number> = {};
    const instances: Record<string, number> = {};
    for (const r of results) {
      for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
      for (const [k, v] of Object.entries(r.instances)) instances[k] = (instances[k] ?? 0) + v;
    }
    return {
      connected: results.reduce((s, r) => s + r.connected, 0),
      failed: results.reduce((s, r) => s + r.failed, 0),
      seconds: (Date.now() - started) / 1000,
      errors,
      instances,
    };
  }

  setRate(total: number): void {
    this.gens.forEach((_, gen) => this.sendTo(gen, { type: "rate", perSecond: total / this.gens.length }));
  }

  setChurn(total: number): void {
    this.gens.forEach((_, gen) => this.sendTo(gen, { type: "churn", perSecond: total / this.gens.length }));
  }

  async snapshot(): Promise<MergedWindow> {
    const windows = await this.all({ type: "snapshot" }, "snapshot");
    const merged: MergedWindow = {
      ms: Math.max(...windows.map((w) => w.ms)),
      connected: 0,
      ...emptyWindowCounters(),
      pending: 0,
      generatorRssMb: 0,
      generatorCpuPct: 0,
    };
    for (const w of windows) mergeInto(merged, w);
    merged.generatorRssMb = Math.round(windows.reduce((s, w) => s + w.rssKb, 0) / 1024);
    merged.generatorCpuPct = Math.round((windows.reduce((s, w) => s + w.cpuMs, 0) / Math.max(1, merged.ms)) * 1000) / 10;
    return merged;
  }

  async drain(timeoutMs: number): Promise<number> {
    const replies = await this.all({ type: "drain", timeoutMs }, "drained");
    return replies.reduce((s, r) => s + r.pending, 0);
  }

  /** Stops retrying what is still unacked (end of a phase); returns how many sends were given up. */
  async forget(): Promise<number> {
    const replies = await this.all({ type: "forget" }, "forgotten");
    return replies.reduce((s, r) => s + r.abandoned, 0);
  }

  async ledger(): Promise<{ acked: Map<string, number>; delivered: Map<string, number>; unacked: string[]; abandoned: number }> {
    const replies = await this.all({ type: "ledger" }, "ledger");
    const acked = new Map<string, number>();
    const delivered = new Map<string, number>();
    const unacked: string[] = [];
    let abandoned = 0;
    for (const r of replies) {
      abandoned += r.abandoned;
      for (const [k, v] of r.acked) acked.set(k, v);
      for (const [k, v] of r.delivered) delivered.set(k, (delivered.get(k) ?? 0) + v);
      unacked.push(...r.unacked);
    }
    return { acked, delivered, unacked, abandoned };
  }

  async close(): Promise<void> {
    await this.all({ type: "close" }, "closed").catch(() => undefined);
    for (const child of this.gens) {
      child.disconnect();
      if (child.exitCode === null) child.kill("SIGTERM");
    }
  }
}

/** Adds a window's counters and samples into an accumulator (used for phases made of several windows). */
export function mergeInto(into: Omit<MergedWindow, "generatorRssMb" | "generatorCpuPct"> & Partial<MergedWindow>, w: Omit<MergedWindow, "generatorRssMb" | "generatorCpuPct" | "ms"> & { ms?: number }): void {
  into.connected += w.connected;
  into.sent += w.sent;
  into.acked += w.acked;
  into.retries += w.retries;
  into.delivered += w.delivered;
  into.deliveredBySync += w.deliveredBySync;
  into.drops += w.drops;
  into.reconnects += w.reconnects;
  into.reconnectFailures += w.reconnectFailures;
  into.churned += w.churned;
  into.presenceEvents += w.presenceEvents;
  into.pending += w.pending;
  into.skipped += w.skipped;
  for (const [k, v] of Object.entries(w.errors)) into.errors[k] = (into.errors[k] ?? 0) + v;
  for (const [k, v] of Object.entries(w.dropReasons)) into.dropReasons[k] = (into.dropReasons[k] ?? 0) + v;
  for (const [k, v] of Object.entries(w.otherEvents)) into.otherEvents[k] = (into.otherEvents[k] ?? 0) + v;
  for (const v of w.latencies) into.latencies.push(v);
  for (const v of w.crossLatencies) into.crossLatencies.push(v);
  for (const v of w.ackLatencies) into.ackLatencies.push(v);
}
