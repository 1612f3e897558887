import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type net from "node:net";

// The web process of SERVER_ROLE=all: the same entry point forked with SERVER_ROLE=web. It listens on nothing;
// the front passes it connections over IPC. Messages both ways: {type:"ready"} once Next is prepared, and
// {type:"connection", head} with a socket handle (front → web for pages, web → front for a Socket.IO upgrade
// that arrived on a page connection).

export type ConnectionMessage = { type: "connection"; head: string };
export type WebProcessMessage = { type: "ready" } | ConnectionMessage;

const RESTART_DELAY_MS = 1_000;
const UNAVAILABLE = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nSunucu yeniden başlıyor, lütfen birazdan tekrar deneyin.";

export class WebProcess {
  private child: ChildProcess | null = null;
  private ready = false;
  private stopping = false;

  constructor(private readonly onRealtimeConnection: (socket: net.Socket, head: Buffer) => void) {}

  /** Forks the web process and resolves once it can serve pages. */
  async start(): Promise<void> {
    const child = fork(process.argv[1], process.argv.slice(2), {
      env: { ...process.env, SERVER_ROLE: "web" },
      execArgv: process.execArgv,
      serialization: "advanced",
    });
    this.child = child;
    this.ready = false;
    child.on("message", (message: WebProcessMessage, handle: unknown) => {
      if (message.type === "ready") this.ready = true;
      else if (message.type === "connection" && handle) this.onRealtimeConnection(handle as net.Socket, Buffer.from(message.head, "latin1"));
    });
    child.once("exit", (code, signal) => {
      this.ready = false;
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      console.error(`web process exited (${signal ?? code}); starting a new one`);
      setTimeout(() => void this.start().catch((error) => console.error("web process failed to start", error)), RESTART_DELAY_MS).unref();
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
    child.send(message, socket, { keepOpen: false }, (error) => {
      if (error) socket.destroy();
    });
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
