import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type net from "node:net";
import { logger } from "@/lib/observability/logger";
import { replyWithMetrics, type MetricsRequest } from "@/lib/observability/serve-metrics";

// The web process of SERVER_ROLE=all: the same entry point forked with SERVER_ROLE=web. It listens on nothing;
// the front passes it connections over IPC. Messages both ways: {type:"ready"} once Next is prepared, and
// {type:"connection", head} with a socket handle (front → web for pages, web → front for a Socket.IO upgrade
// that arrived on a page connection).

export type ConnectionMessage = { type: "connection"; head: string };
export type WebProcessMessage = { type: "ready" } | ConnectionMessage | MetricsRequest;

const RESTART_DELAY_MS = 1_000;
const UNAVAILABLE = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nSunucu yeniden başlıyor, lütfen birazdan tekrar deneyin.";

export class WebProcess {
  private child: ChildProcess | null = null;
  private ready = false;
  private stopping = false;
  private restarts = 0;
  /** connections handed over but not yet written to the channel: a web process that dies first never gets them */
  private readonly inFlight = new Set<net.Socket>();

  constructor(private readonly onRealtimeConnection: (socket: net.Socket, head: Buffer) => void) {}

  /** Forks the web process and resolves once it can serve pages. */
  async start(): Promise<void> {
    const child = fork(process.argv[1], process.argv.slice(2), {
      // a replacement after a crash takes pages at once: the instance answers 503 until it is ready, and a cold
      // page is better than none (the warm-up is for a deploy, lib/server/web-warm-up.ts)
      env: { ...process.env, SERVER_ROLE: "web", ...(this.restarts > 0 ? { WEB_WARM_UP_MS: "0" } : {}) },
      execArgv: process.execArgv,
      serialization: "advanced",
    });
    this.child = child;
    this.ready = false;
    child.on("message", (message: WebProcessMessage, handle: unknown) => {
      if (message.type === "ready") {
        this.ready = true;
        if (this.restarts > 0) logger().info({ webPid: child.pid }, "web process ready again");
      } else if (message.type === "metrics:request") {
        void replyWithMetrics(message, (reply) => child.connected && child.send(reply));
      } else if (message.type === "connection" && handle) this.onRealtimeConnection(handle as net.Socket, Buffer.from(message.head, "latin1"));
    });
    // the channel closes before "exit" is reported: stop handing connections to it at once
    child.once("disconnect", () => {
      this.ready = false;
      this.dropInFlight();
    });
    child.once("exit", (code, signal) => {
      this.ready = false;
      this.dropInFlight();
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      this.restarts++;
      logger().error({ exit: signal ?? code }, "web process exited; starting a new one");
      setTimeout(() => void this.start().catch((error) => logger().error({ err: error }, "web process failed to start")), RESTART_DELAY_MS).unref();
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: WebProcessMessage) => {
        if (message.type !== "ready") return;
        child.off("exit", onExit);
        child.off("message", onMessage);
        resolve();
      };
      const onExit = (code: number | null) => reject(new Error(`web process exited with ${code} before it was ready`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Hands a page connection (and the bytes already read from it) to the web process. */
  pass(socket: net.Socket, head: Buffer): void {
    const child = this.child;
    if (!child || !this.ready || !child.connected) {
      socket.end(UNAVAILABLE);
      return;
    }
    const message: ConnectionMessage = { type: "connection", head: head.toString("latin1") };
    // keepOpen: this process keeps its copy until the handle is on its way, then closes only its copy (destroy
    // closes the descriptor, it does not shut the connection down). Node would otherwise hold it until the web
    // process acknowledges, and a web process killed in between leaves the browser waiting forever.
    this.inFlight.add(socket);
    child.send(message, socket, { keepOpen: true }, () => {
      this.inFlight.delete(socket);
      socket.destroy();
    });
  }

  /** Closes the connections that never reached the web process, so their clients retry at once. */
  private dropInFlight(): void {
    for (const socket of this.inFlight) socket.destroy();
    this.inFlight.clear();
  }

  /** SIGTERM to the web process (it drains its own requests); resolves when it has exited or after the grace. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([exited, timeout]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}
