// What the young generation promotes when the only work is idle connections being pinged: a Socket.IO server (the
// app's engine options) or a plain ws server that pings each socket the same way, under V8's GC trace. It separates
// the transport's share of the old generation's growth from the app's (BENCHMARKS.md, "What limits each number").
//   npx tsx bench/gc-promotion.ts [--layer socket.io|ws] [--sockets 5000] [--ping-ms 10000] [--seconds 40]
//                                 [--semi-space-mb 4] [--pretenuring]
// --pretenuring leaves V8's allocation-site pretenuring on (the app turns it off: npm start, bench/lib/services.ts).
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { Server } from "socket.io";
import { WebSocket, WebSocketServer } from "ws";

type Options = { layer: "socket.io" | "ws"; sockets: number; pingMs: number; seconds: number; semiSpaceMb: number; pretenuring: boolean };

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const layer = value("--layer", "socket.io");
  if (layer !== "socket.io" && layer !== "ws") throw new Error(`--layer socket.io|ws, not ${layer}`);
  return {
    layer,
    sockets: Number(value("--sockets", "5000")),
    pingMs: Number(value("--ping-ms", "10000")),
    seconds: Number(value("--seconds", "40")),
    semiSpaceMb: Number(value("--semi-space-mb", "4")),
    pretenuring: argv.includes("--pretenuring"),
  };
}

// Engine.IO protocol 4 from the server side of ws: "2" is a ping, the client answers "3"; the next ping follows the
// answer by pingMs and an unanswered one closes the socket, as engine.io's own timers do.
function servePlainWs(server: ReturnType<typeof createServer>, pingMs: number) {
  new WebSocketServer({ server, perMessageDeflate: false }).on("connection", (socket) => {
    let timeout: NodeJS.Timeout | undefined;
    const ping = () => {
      socket.send("2", () => undefined);
      timeout = setTimeout(() => socket.terminate(), 20_000);
    };
    const interval = setTimeout(ping, pingMs);
    socket.on("message", () => {
      clearTimeout(timeout);
      interval.refresh();
    });
    socket.on("close", () => [interval, timeout].forEach((t) => clearTimeout(t)));
  });
}

function runServer(options: Options) {
  const server = createServer();
  if (options.layer === "socket.io") {
    new Server(server, { path: "/socket.io", perMessageDeflate: false, pingInterval: options.pingMs, pingTimeout: 20_000, transports: ["websocket"] });
  } else {
    servePlainWs(server, options.pingMs);
  }
  server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as { port: number }).port }));
}

// Raw Engine.IO 4 clients for both layers (answering pings, joining the default namespace for Socket.IO), so the
// client side is the same whichever server runs.
function runClients(options: Options, port: number) {
  let open = 0;
  const path = options.layer === "socket.io" ? "/socket.io/?EIO=4&transport=websocket" : "/";
  for (let i = 0; i < options.sockets; i++) {
    setTimeout(() => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
      socket.on("open", () => {
        if (options.layer === "socket.io") socket.send("40");
        if (++open === options.sockets) process.send?.({ open });
      });
      socket.on("message", (data) => {
        if (String(data) === "2") socket.send("3");
      });
    }, i * 2);
  }
}

type Scavenge = { atMs: number; allocated: number; survived: number; promoted: number; pauseMs: number };

function parseScavenge(line: string): Scavenge | null {
  const at = /\s(\d+) ms: /.exec(line);
  if (!at || !line.includes(" gc=s ")) return null;
  const field = (name: string) => Number(new RegExp(`\\s${name}=([0-9.]+)`).exec(line)?.[1] ?? NaN);
  return { atMs: Number(at[1]), allocated: field("allocated"), survived: field("new_space_survived"), promoted: field("promoted"), pauseMs: field("pause") };
}

function forkRole(role: string, options: Options, execArgv: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return fork("bench/gc-promotion.ts", process.argv.slice(2), {
    execArgv: ["--import", "tsx", ...execArgv],
    env: { ...process.env, GC_PROMOTION_ROLE: role, ...extraEnv },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
}

async function measure(options: Options) {
  const v8Flags = [`--max-semi-space-size=${options.semiSpaceMb}`, "--trace-gc-nvp", ...(options.pretenuring ? [] : ["--no-allocation-site-pretenuring"])];
  const server = forkRole("server", options, v8Flags);
  const scavenges: Scavenge[] = [];
  let pending = "";
  server.stdout?.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const scavenge = parseScavenge(line);
      if (scavenge) scavenges.push(scavenge);
    }
  });
  const port = await new Promise<number>((resolve) => server.once("message", (m: { port: number }) => resolve(m.port)));
  const clients = forkRole("clients", options, [], { GC_PROMOTION_PORT: String(port) });
  await new Promise((resolve) => clients.once("message", resolve));
  // settle past the connects and one whole ping round, then count
  await new Promise((resolve) => setTimeout(resolve, options.pingMs + 5_000));
  const from = scavenges.length;
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  const window = scavenges.slice(from);
  clients.kill();
  server.kill();
  const sum = (pick: (s: Scavenge) => number) => window.reduce((total, s) => total + pick(s), 0);
  const pings = (options.sockets * options.seconds * 1000) / options.pingMs;
  const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
  console.log(
    `${options.layer}, ${options.sockets} sockets pinged every ${options.pingMs} ms, semi-space ${options.semiSpaceMb} MB, ` +
      `allocation-site pretenuring ${options.pretenuring ? "on" : "off"}: ${window.length} scavenges in ${options.seconds} s, ` +
      `allocated ${mb(sum((s) => s.allocated))} MB, survived ${mb(sum((s) => s.survived))} MB, promoted ${mb(sum((s) => s.promoted))} MB ` +
      `(${Math.round(sum((s) => s.promoted) / pings)} B per ping, ${Math.round(sum((s) => s.allocated) / pings)} B allocated per ping)`,
  );
}

const options = parseOptions(process.argv.slice(2));
if (process.env.GC_PROMOTION_ROLE === "server") runServer(options);
else if (process.env.GC_PROMOTION_ROLE === "clients") runClients(options, Number(process.env.GC_PROMOTION_PORT));
else await measure(options);
