import { Cluster } from "ioredis";
import type { Server } from "socket.io";
import type { RedisClient } from "@/lib/redis";

// While this instance's subscription to the adapter's channel is down (Redis restarting, a failover), messages
// published elsewhere cannot reach its sockets, and a socket that missed one and then received a later message
// would move its "newest id" past the gap: its next `sync` would skip the missed one. So the moment the
// subscription is lost every local socket's transport is closed, and new connections are turned away the same
// way until the subscription is back. Clients reconnect on their own (a closed transport is retried, unlike a
// refusal) and `sync` from PostgreSQL on connect, as docs/realtime.md already asks: nothing new for clients.

export type SubscriptionGuard = { whenSubscribed: () => Promise<void> };

const guards = new WeakMap<Server, SubscriptionGuard>();
// how often a cluster with a slot master that does not answer is looked at again (a failover takes seconds), and how
// long a master has to answer
const RECHECK_MS = 1_000;
const PING_TIMEOUT_MS = 1_000;

/** The guard of a socket server made by createSocketServer. */
export function subscriptionGuardOf(io: Server): SubscriptionGuard {
  const guard = guards.get(io);
  if (!guard) throw new Error("socket server without a subscription guard");
  return guard;
}

export function guardSubscription(io: Server, sub: RedisClient): SubscriptionGuard {
  let subscribed = false;
  const waiters: (() => void)[] = [];
  const closeLocalTransports = () => {
    for (const socket of io.of("/").sockets.values()) socket.conn.close();
  };
  const admit = () => {
    subscribed = true;
    for (const resolve of waiters.splice(0)) resolve();
  };
  const onLost = () => {
    if (!subscribed) return;
    subscribed = false;
    closeLocalTransports();
  };
  sub.on("close", onLost);
  sub.on("end", onLost);
  sub.on("error", () => undefined); // the reconnect is ioredis's; "close" already said what matters
  sub.on("ready", () => {
    // ioredis re-sends the SUBSCRIBE commands on reconnect; a PING queued behind them answers once they are in
    sub
      .ping()
      .then(() => {
        if (sub.status === "ready") admit();
      })
      .catch(() => undefined);
  });
  if (sub instanceof Cluster) {
    // A cluster client stays "ready" while one master is gone: its sharded subscriber for that master ends (ioredis
    // emits -node; so does a data connection's loss, where closing the transports only costs a reconnect and a sync)
    // and ioredis builds a new one once the slots have a master again, then resubscribes and says subscribersReady.
    // ioredis 6 also says subscribersReady after a refresh that still maps slots to the dead master (that
    // subscriber's start failed and was only logged; CI saw a socket let in before the failover). So sockets are let
    // in only once every master the slots name answers a PING; until then the slots are refreshed each second
    // (ioredis itself refreshes only when a command meets the gap), which makes ioredis replace the subscriber that
    // failed once the failover shows, and say subscribersReady again.
    let recheck: NodeJS.Timeout | undefined;
    let checks = 0;
    const slotMastersAnswer = async (): Promise<boolean> => {
      const nodes = new Map(sub.nodes("master").map((node) => [`${node.options.host}:${node.options.port}`, node]));
      const masters = [...new Set(sub.slots.map((owners) => owners?.[0]))];
      if (masters.some((key) => key === undefined || !nodes.has(key))) return false;
      let timer: NodeJS.Timeout | undefined;
      const answered = Promise.all(masters.map((key) => nodes.get(key as string)!.ping())).then(() => true, () => false);
      const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, PING_TIMEOUT_MS, false).unref()));
      // cleared once the masters answer: the check repeats every RECHECK_MS while one is missing, and no timer may pile up
      return Promise.race([answered, timedOut]).finally(() => clearTimeout(timer));
    };
    const admitOnceMastersAnswer = () => {
      clearTimeout(recheck);
      const check = ++checks;
      void slotMastersAnswer().then((ok) => {
        // a node lost (or another check begun) meanwhile decides instead
        if (check !== checks || sub.status !== "ready") return;
        if (ok) return admit();
        sub.refreshSlotsCache();
        recheck = setTimeout(admitOnceMastersAnswer, RECHECK_MS).unref();
      });
    };
    sub.on("-node", () => {
      clearTimeout(recheck);
      checks++;
      onLost();
      // the subscribersReady that should follow may be skipped (slots unchanged, subscribers healthy): look again
      if (sub.status === "ready") recheck = setTimeout(admitOnceMastersAnswer, RECHECK_MS).unref();
    });
    sub.on("subscribersReady", () => {
      if (sub.status === "ready") admitOnceMastersAnswer();
    });
  }
  io.use((socket, next) => {
    if (subscribed) return next();
    // a closed transport, not a refusal: the client's reconnection (with backoff) takes it from here
    socket.conn.close();
  });
  const guard: SubscriptionGuard = {
    whenSubscribed: () => (subscribed ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
  guards.set(io, guard);
  return guard;
}
