// A load-generator process (forked by bench/run.ts): holds its share of the sockets, sends 1:1 messages at the
// rate it is told, churns connections, and reports latency windows and a ledger of what was acked and delivered.
import { SioClient } from "./lib/sio-client";
import { emptyWindowCounters, type BenchUser, type FromGenerator, type GeneratorInit, type ToGenerator, type Window } from "./lib/protocol";
import { wallMs } from "./lib/stats";

const RETRY_AFTER_MS = 5_000;
const RETRY_ERROR_DELAY_MS = 1_000;
const RETRY_MAX_DELAY_MS = 15_000;
/** a user with this many unacked sends sends nothing new (a person waits for the spinner) */
const MAX_PENDING_PER_USER = 3;
const RECONNECT_DELAY_MS = 500;

type MessageShape = { id: number; conversationId: string; senderId: string; clientId: string; body: string };

type Pending = { clientId: string; conv: string; body: string; t0: number; attempts: number; user: Member; timer?: NodeJS.Timeout };

type Member = {
  user: BenchUser;
  index: number;
  client: SioClient;
  connected: boolean;
  connecting: boolean;
  instance: string;
  /** highest message id seen in the user's conversation */
  lastSeen: number;
  /** sends waiting for this socket to come back */
  waiting: Pending[];
  pendingCount: number;
};

let init: GeneratorInit;
let members: Member[] = [];
const connectedSet = new Set<Member>();
const pending = new Map<string, Pending>();
const ackedLedger = new Map<string, number>();
const deliveredLedger = new Map<string, number>();
let seq = 0;
let abandonedTotal = 0;

let win = emptyWindowCounters();
let windowStart = Date.now();
let cpuAtWindow = process.cpuUsage();

const send = (message: FromGenerator) => process.send?.(message);
const bump = (record: Record<string, number>, key: string, by = 1) => void (record[key] = (record[key] ?? 0) + by);

function headersFor(user: BenchUser): Record<string, string> | undefined {
  return init.cookieName && user.token ? { Cookie: `${init.cookieName}${user.token}` } : undefined;
}

function makeMember(user: BenchUser, index: number): Member {
  const member: Member = {
    user,
    index,
    connected: false,
    connecting: false,
    instance: "direct",
    lastSeen: 0,
    waiting: [],
    pendingCount: 0,
    client: undefined as unknown as SioClient,
  };
  member.client = new SioClient({
    url: init.url,
    headers: headersFor(user),
    localAddress: init.localAddresses[index % init.localAddresses.length],
    auth: init.bare ? { userId: user.id } : undefined,
    onEvent: (event, data) => onEvent(member, event, data),
    onDrop: (reason) => {
      member.connected = false;
      connectedSet.delete(member);
      win.drops++;
      bump(win.dropReasons, reason);
      setTimeout(() => void reconnect(member), RECONNECT_DELAY_MS + Math.random() * 1000);
    },
  });
  return member;
}

function onEvent(member: Member, event: string, data: unknown) {
  if (event === "message:new") {
    const message = data as MessageShape;
    if (message.id > member.lastSeen) member.lastSeen = message.id;
    if (message.senderId === member.user.id) return; // the sender's own echo (other tabs)
    recordDelivery(member, message, false);
    return;
  }
  if (event === "presence") win.presenceEvents++;
  else bump(win.otherEvents, event);
}

// messages first seen through `sync`: their live copy may still arrive (the broadcast follows the commit, and
// a reconnected socket is already in the room), which a client drops by id, as it does the reverse order
const firstSeenBySync = new Set<string>();

function recordDelivery(member: Member, message: MessageShape, viaSync: boolean) {
  const count = deliveredLedger.get(message.clientId) ?? 0;
  if (viaSync && count > 0) return; // sync overlapping a live delivery: a client drops it by id
  if (!viaSync && count > 0 && firstSeenBySync.delete(message.clientId)) return; // the live copy after sync
  if (viaSync) firstSeenBySync.add(message.clientId);
  deliveredLedger.set(message.clientId, count + 1);
  if (count > 0) return; // a duplicate: counted in the ledger
  if (viaSync) {
    win.deliveredBySync++;
    return;
  }
  win.delivered++;
  // body: "<send wall time ms> <sender instance> bench"
  const space = message.body.indexOf(" ");
  const t0 = Number(message.body.slice(0, space));
  if (!Number.isFinite(t0)) return;
  const latency = wallMs() - t0;
  win.latencies.push(latency);
  const senderInstance = message.body.slice(space + 1, message.body.indexOf(" ", space + 1));
  if (senderInstance !== member.instance) win.crossLatencies.push(latency);
}

async function connectMember(member: Member): Promise<void> {
  member.connecting = true;
  try {
    await member.client.connect();
    const upstream = member.client.upgradeHeaders["x-bench-upstream"];
    member.instance = typeof upstream === "string" ? upstream : "direct";
    member.connected = true;
    connectedSet.add(member);
    const waiting = member.waiting.splice(0);
    for (const p of waiting) attempt(p);
  } finally {
    member.connecting = false;
  }
}

/** After a drop or churn: reconnect, then ask `sync` for what was missed while away (the app's contract). */
async function reconnect(member: Member): Promise<void> {
  if (member.connected || member.connecting) return;
  try {
    await connectMember(member);
    win.reconnects++;
    if (!init.bare) syncMember(member);
  } catch {
    win.reconnectFailures++;
    setTimeout(() => void reconnect(member), 2_000);
  }
}

function syncMember(member: Member) {
  member.client.emitWithAck("sync", { after: { [member.user.conv]: member.lastSeen } }, (reply) => {
    const r = reply as { ok: boolean; messages?: MessageShape[]; error?: { code: string } };
    if (!r.ok) return bump(win.errors, `sync:${r.error?.code ?? "?"}`);
    for (const message of r.messages ?? []) {
      if (message.id > member.lastSeen) member.lastSeen = message.id;
      if (message.senderId !== member.user.id) recordDelivery(member, message, true);
    }
  });
}

async function connectAll() {
  const started = Date.now();
  let failed = 0;
  const errors: Record<string, number> = {};
  const queue = members.filter((m) => !m.connected);
  let next = 0;
  const progress = (done: boolean) => {
    const instances: Record<string, number> = {};
    for (const m of connectedSet) bump(instances, m.instance);
    send({ type: "connect-progress", gen: init.gen, connected: connectedSet.size, failed, done, ms: Date.now() - started, errors, instances });
  };
  const timer = setInterval(() => progress(false), 1_000);
  const worker = async () => {
    while (next < queue.length) {
      const member = queue[next++];
      for (let tries = 1; ; tries++) {
        try {
          await connectMember(member);
          break;
        } catch (error) {
          const key = ((error as Error).message ?? "error").slice(0, 80);
          if (tries >= 3) {
            failed++;
            bump(errors, key);
            break;
          }
          await new Promise((r) => setTimeout(r, 200 * tries));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: init.maxInFlight }, worker));
  clearInterval(timer);
  progress(true);
}

// --- sending ---------------------------------------------------------------------------------------------

function attempt(p: Pending) {
  const member = p.user;
  if (!member.connected) {
    member.waiting.push(p);
    return;
  }
  p.attempts++;
  if (p.attempts > 1) win.retries++;
  clearTimeout(p.timer);
  p.timer = setTimeout(() => {
    if (pending.has(p.clientId)) attempt(p);
  }, Math.min(RETRY_MAX_DELAY_MS, RETRY_AFTER_MS * p.attempts));
  member.client.emitWithAck("message:send", { conversationId: p.conv, clientId: p.clientId, body: p.body }, (reply) => {
    if (!pending.has(p.clientId)) return; // an earlier attempt was acked already
    const r = reply as { ok: boolean; message?: MessageShape; error?: { code: string } };
    if (r.ok && r.message) {
      pending.delete(p.clientId);
      member.pendingCount--;
      clearTimeout(p.timer);
      win.acked++;
      win.ackLatencies.push(wallMs() - p.t0);
      ackedLedger.set(p.clientId, r.message.id);
      if (r.message.id > member.lastSeen) member.lastSeen = r.message.id;
      return;
    }
    const code = r.error?.code ?? "?";
    bump(win.errors, code);
    if (code === "VALIDATION" || code === "FORBIDDEN" || code === "NOT_FOUND" || code === "UNAUTHENTICATED") {
      pending.delete(p.clientId); // permanent: would never succeed
      member.pendingCount--;
      clearTimeout(p.timer);
      return;
    }
    // DISCONNECTED, INTERNAL, RATE_LIMITED: try again with the same clientId, backing off
    clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      if (pending.has(p.clientId)) attempt(p);
    }, code === "DISCONNECTED" ? 0 : Math.min(RETRY_MAX_DELAY_MS, RETRY_ERROR_DELAY_MS * 2 ** (p.attempts - 1)));
  });
}

function sendOne() {
  if (connectedSet.size === 0) return;
  // a random connected sender: a random slot, walked forward to a connected one
  let member = members[Math.floor(Math.random() * members.length)];
  for (let i = 0; !member.connected && i < members.length; i++) member = members[(member.index + 1) % members.length];
  if (!member.connected) return;
  if (member.pendingCount >= MAX_PENDING_PER_USER) {
    win.skipped++;
    return;
  }
  member.pendingCount++;
  const clientId = `${init.runTag}_${init.gen}_${(seq++).toString(36)}`;
  const t0 = wallMs();
  const p: Pending = { clientId, conv: member.user.conv, body: `${t0.toFixed(3)} ${member.instance} bench`, t0, attempts: 0, user: member };
  pending.set(clientId, p);
  win.sent++;
  attempt(p);
}

let rateTimer: NodeJS.Timeout | undefined;
function setRate(perSecond: number) {
  clearInterval(rateTimer);
  if (perSecond <= 0) return;
  let last = performance.now();
  let credit = 0;
  rateTimer = setInterval(() => {
    const now = performance.now();
    credit += ((now - last) / 1000) * perSecond;
    last = now;
    while (credit >= 1) {
      credit--;
      sendOne();
    }
  }, 5);
}

let churnTimer: NodeJS.Timeout | undefined;
function setChurn(perSecond: number) {
  clearInterval(churnTimer);
  if (perSecond <= 0) return;
  let credit = 0;
  churnTimer = setInterval(() => {
    credit += perSecond / 10;
    while (credit >= 1) {
      credit--;
      const member = members[Math.floor(Math.random() * members.length)];
      if (!member.connected) continue;
      member.connected = false;
      connectedSet.delete(member);
      member.client.close(true);
      win.churned++;
      setTimeout(() => void reconnect(member), 200 + Math.random() * 800);
    }
  }, 100);
}

function snapshot(): Window {
  const now = Date.now();
  const cpu = process.cpuUsage(cpuAtWindow);
  const result: Window = {
    ...win,
    gen: init.gen,
    ms: now - windowStart,
    connected: connectedSet.size,
    pending: pending.size,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rssKb: Math.round(process.memoryUsage.rss() / 1024),
  };
  win = emptyWindowCounters();
  windowStart = now;
  cpuAtWindow = process.cpuUsage();
  return result;
}

async function drain(timeoutMs: number) {
  setRate(0);
  setChurn(0);
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  send({ type: "drained", gen: init.gen, pending: pending.size });
}

process.on("message", (message: ToGenerator) => {
  switch (message.type) {
    case "init":
      init = message;
      members = message.users.map(makeMember);
      send({ type: "ready", gen: init.gen });
      break;
    case "connect":
      void connectAll();
      break;
    case "rate":
      setRate(message.perSecond);
      break;
    case "churn":
      setChurn(message.perSecond);
      break;
    case "snapshot":
      send({ type: "snapshot", ...snapshot() });
      break;
    case "drain":
      void drain(message.timeoutMs);
      break;
    case "forget": {
      // a phase is over: sends still unacked are given up (they were never acked, so they cannot be "lost";
      // stored-but-unacked ones show up in the ledger as such) so the next phase starts without a backlog
      const abandoned = pending.size;
      abandonedTotal += abandoned;
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      for (const m of members) {
        m.waiting.length = 0;
        m.pendingCount = 0;
      }
      send({ type: "forgotten", gen: init.gen, abandoned });
      break;
    }
    case "ledger":
      send({
        type: "ledger",
        gen: init.gen,
        acked: [...ackedLedger],
        delivered: [...deliveredLedger],
        unacked: [...pending.keys()],
        abandoned: abandonedTotal,
      });
      break;
    case "close":
      setRate(0);
      setChurn(0);
      for (const p of pending.values()) clearTimeout(p.timer);
      for (const m of members) {
        m.connected = false;
        m.client.close(true);
      }
      connectedSet.clear();
      send({ type: "closed", gen: init.gen });
      break;
  }
});

// the parent died or went away: do not linger
process.on("disconnect", () => process.exit(0));
