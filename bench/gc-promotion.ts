// What the young generation promotes when the only work is idle connections being pinged: a Socket.IO server (the
// app's engine options) or a plain ws server that pings each socket the same way, under V8's GC trace. It separates
// the transport's share of the old generation's growth from the app's (BENCHMARKS.md, "What limits each number").
//   npx tsx bench/gc-promotion.ts [--layer socket.io|ws] [--sockets 5000] [--ping-ms 10000] [--seconds 40]
//                                 [--semi-space-mb 4] [--pretenuring] [--send <step>[,<step>…]]
// --pretenuring leaves V8's allocation-site pretenuring on (the app turns it off: npm start, bench/lib/services.ts).
// --send (Socket.IO only) makes each client also send one event with an ack per ping interval, and the server take
// the steps named for each before it acks, so each step's share of the promoted bytes per event shows:
//   ack             nothing but the ack
//   deliver         io.to(<another socket's room>).emit of the message, on this process
//   deliver-redis   the same through Redis: @socket.io/redis-emitter → @socket.io/redis-adapter
//   redis-script    a Lua script (INCR + PEXPIRE) by ioredis with auto-pipelining, as the app's rate limit
//   redis-script-no-autopipeline   the same script on a connection without auto-pipelining
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Emitter } from "@socket.io/redis-emitter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { WebSocket, WebSocketServer } from "ws";

const SEND_STEPS = ["ack", "deliver", "deliver-redis", "redis-script", "redis-script-no-autopipeline"] as const;
type SendStep = (typeof SEND_STEPS)[number];
type Options = { layer: "socket.io" | "ws"; sockets: number; pingMs: number; seconds: number; semiSpaceMb: number; pretenuring: boolean; send: SendStep[] | null };

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
    send: argv.includes("--send") ? value("--send", "ack").split(",").map(sendStep) : null,
  };
}

function sendStep(name: string): SendStep {
  if (!(SEND_STEPS as readonly string[]).includes(name)) throw new Error(`--send takes ${SEND_STEPS.join(", ")}; not ${name}`);
  return name as SendStep;
}

// a message as the app's ack and message:new carry it
const messageOf = (id: number, sender: number, payload: { conversationId: string; clientId: string; body: string }) => ({
  id: `m${id}`,
  ...payload,
  senderId: `u${sender}`,
  createdAt: new Date().toISOString(),
  attachment: null,
});

/** The steps of --send as one function per event; each connection is made once, on its own Redis keys. */
function sendSteps(io: Server, steps: SendStep[]) {
  const key = `gc-promotion:${process.pid}`;
  if (steps.includes("deliver-redis")) io.adapter(createAdapter(new Redis(), new Redis(), { key }));
  const emitter = steps.includes("deliver-redis") ? new Emitter(new Redis({ enableAutoPipelining: true }), { key }) : null;
  const deliverLocally = steps.includes("deliver");
  const scriptOn = (enableAutoPipelining: boolean) => {
    const redis = new Redis({ enableAutoPipelining });
    redis.defineCommand("limit", { numberOfKeys: 1, lua: "local n = redis.call('INCR', KEYS[1]) redis.call('PEXPIRE', KEYS[1], 60000) return n" });
    return redis as Redis & { limit: (key: string) => Promise<number> };
  };
  const pipelined = steps.includes("redis-script") ? scriptOn(true) : null;
  const unpipelined = steps.includes("redis-script-no-autopipeline") ? scriptOn(false) : null;
  let ids = 0;
  return async (sender: number, payload: { conversationId: string; clientId: string; body: string }) => {
    if (pipelined) await pipelined.limit(`${key}:limit:${sender}`);
    if (unpipelined) await unpipelined.limit(`${key}:limit:${sender}`);
    const message = messageOf(++ids, sender, payload);
    if (deliverLocally) io.to(`u${sender ^ 1}`).emit("message:new", message);
    if (emitter) emitter.to(`u${sender ^ 1}`).emit("message:new", message);
    return message;
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
    const io = new Server(server, { path: "/socket.io", perMessageDeflate: false, pingInterval: options.pingMs, pingTimeout: 20_000, transports: ["websocket"] });
    if (options.send) {
      const take = sendSteps(io, options.send);
      let sockets = 0;
      io.on("connection", (socket) => {
        const sender = sockets++;
        void socket.join(`u${sender}`);
        socket.on("send", (payload, ack: (answer: unknown) => void) => void take(sender, payload).then((message) => ack({ ok: true, message })));
      });
    }
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
        if (options.send) sendEvery(socket, i, options.pingMs);
      });
      socket.on("message", (data) => {
        if (String(data) === "2") socket.send("3");
      });
    }, i * 2);
  }
}

// a Socket.IO EVENT packet with an ack id ("42<id>[…]"), spread over the interval so the sends are steady
function sendEvery(socket: WebSocket, client: number, intervalMs: number) {
  let sent = 0;
  const send = () => {
    if (socket.readyState !== WebSocket.OPEN) return;
    const payload = { conversationId: "cmgcpromotionconversation", clientId: `c${client}x${++sent}`, body: `Yarınki duruşma için dosyayı gönderiyorum (${sent})` };
    socket.send(`42${sent}${JSON.stringify(["send", payload])}`);
  };
  setTimeout(() => setInterval(send, intervalMs), Math.random() * intervalMs);
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
  // with --send, each socket sends one event per ping interval: the per-ping figures are per event (plus its ping)
  const pings = (options.sockets * options.seconds * 1000) / options.pingMs;
  const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
  console.log(
    `${options.layer}, ${options.sockets} sockets pinged every ${options.pingMs} ms` +
      (options.send ? `, each sending an event with an ack as often (steps: ${options.send.join(", ")})` : "") +
      `, semi-space ${options.semiSpaceMb} MB, ` +
      `allocation-site pretenuring ${options.pretenuring ? "on" : "off"}: ${window.length} scavenges in ${options.seconds} s, ` +
      `allocated ${mb(sum((s) => s.allocated))} MB, survived ${mb(sum((s) => s.survived))} MB, promoted ${mb(sum((s) => s.promoted))} MB ` +
      `(${Math.round(sum((s) => s.promoted) / pings)} B per ${options.send ? "event" : "ping"}, ${Math.round(sum((s) => s.allocated) / pings)} B allocated per ${options.send ? "event" : "ping"})`,
  );
}

const options = parseOptions(process.argv.slice(2));
if (process.env.GC_PROMOTION_ROLE === "server") runServer(options);
else if (process.env.GC_PROMOTION_ROLE === "clients") runClients(options, Number(process.env.GC_PROMOTION_PORT));
else await measure(options);
