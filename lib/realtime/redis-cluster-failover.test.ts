import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";

// Only under vitest.cluster.config.ts, on the second cluster its global setup starts: a replica per master, so a
// master can die and be replaced. This instance's sharded subscription to that master is lost meanwhile, and the
// sockets it holds must not go on as if nothing had been missed (lib/realtime/subscription-guard.ts).
const failoverNodes = process.env.TEST_REDIS_FAILOVER_CLUSTER_NODES;
if (failoverNodes) process.env.REDIS_CLUSTER_NODES = failoverNodes;
const ports = (failoverNodes ?? "").split(",").filter(Boolean).map((node) => Number(node.split(":")[1]));
const { env } = await import("@/lib/env");
const { closeAllClients, connectAs, record, startSocketServer, until, userWithSession } = await import("@/test/socket-test-client");
const { getEmitter } = await import("@/lib/realtime/emitter");
const { userRoom } = await import("@/lib/realtime/rooms");
const { closeRedis } = await import("@/lib/redis");

const direct = ports.map((port) => new Redis(port, "127.0.0.1", { lazyConnect: true, retryStrategy: () => null }));

// this file's hooks run before the shared setup's: the app's connections go before their cluster does
afterAll(async () => {
  closeAllClients();
  for (const node of direct) node.disconnect();
  await closeRedis();
});

/** The port of the master that serves the slot of `channel`, from CLUSTER SLOTS asked of a node still up. */
async function masterPortOf(channel: string): Promise<number> {
  const node = direct.find((n) => n.status === "ready")!;
  const slot = Number(await node.cluster("KEYSLOT", channel));
  const ranges = await node.cluster("SLOTS");
  const range = ranges.find(([from, to]) => slot >= from && slot <= to);
  if (!range) throw new Error(`no master for slot ${slot}`);
  return range[2][1];
}

describe.skipIf(!failoverNodes)("a master of the Redis Cluster dying", () => {
  it("closes the transports of the sockets it could not reach, refuses none for good, and delivers again after the failover", async () => {
    await Promise.all(direct.map((node) => node.connect()));
    // a replica that never synced would not be promoted: wait until every one has its master's data
    const deadline = Date.now() + 15_000;
    for (const node of direct) {
      while ((await node.info("replication")).match(/role:slave[\s\S]*master_link_status:down/)) {
        if (Date.now() > deadline) throw new Error("replicas did not sync");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    const server = await startSocketServer();
    try {
      const user = await userWithSession();
      const socket = await connectAs(server.url, user);
      const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));

      const channel = `${env().REDIS_PREFIX}:socket.io#/#${userRoom(user.id)}#`;
      const victim = await masterPortOf(channel);
      // as abrupt as a crash for everyone connected: no data saved, replicas not waited for
      const victimNode = direct[ports.indexOf(victim)];
      await victimNode.call("SHUTDOWN", "NOSAVE", "NOW").catch(() => undefined);
      victimNode.disconnect();
      expect(await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve("still open after 10 s"), 10_000))])).toBe("transport close");

      // once a replica has taken over and ioredis has resubscribed there, the guard lets sockets in again
      let again: Awaited<ReturnType<typeof connectAs>> | undefined;
      const reopenDeadline = Date.now() + 30_000;
      while (!again) {
        // a handshake the guard turns away has its transport closed, which this client (no reconnection) never reports
        again = await Promise.race([connectAs(server.url, user).catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, 1_000))]);
        if (!again && Date.now() > reopenDeadline) throw new Error("no connection accepted after the failover");
        if (!again) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(await masterPortOf(channel)).not.toBe(victim);
      // the emitter's own connection may still be learning the new topology: it tries again, as a caller would
      const probes = record<{ n: number }>(again, "probe");
      const emitting = setInterval(() => getEmitter().to(userRoom(user.id)).emit("probe", { n: 1 }), 250);
      try {
        await until(() => probes.length > 0, 10_000, "an event through the promoted master");
      } finally {
        clearInterval(emitting);
      }
    } finally {
      closeAllClients();
      await server.close();
    }
  }, 60_000);
});
