import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, revokeSession, sessionHandleOf } from "@/lib/auth/session-store";
import { env } from "@/lib/env";
import type { MessagePayload } from "@/lib/messaging/message-payload";
import { closeAllClients, connectAs, pairWithConversation, record, request, startSocketServer, until } from "@/test/socket-test-client";
import { getQueue, NOTIFICATIONS_QUEUE } from "@/lib/queue/queues";
import { getRedis } from "@/lib/redis";
import { createTestUser } from "@/test/factories";

// Only under vitest.cluster.config.ts (a local 3-master cluster, test/redis-cluster.ts): proves the run is really
// spread over the cluster and that Socket.IO crosses instances over sharded pub/sub, not classic PUBLISH.
const nodes = env().REDIS_CLUSTER_NODES;

describe.skipIf(nodes.length === 0)("on a Redis Cluster", () => {
  const direct: Redis[] = [];
  beforeAll(() => {
    direct.push(...nodes.map((node) => new Redis(Number(node.split(":")[1]), node.split(":")[0])));
  });
  afterAll(() => {
    closeAllClients();
    for (const node of direct) node.disconnect();
  });

  // keys of this run (its prefix) on each master, found by SCAN on that master alone
  async function keysPerMaster(match: string): Promise<string[][]> {
    return Promise.all(
      direct.map(async (node) => {
        const found: string[] = [];
        let cursor = "0";
        do {
          const [next, keys] = await node.scan(cursor, "MATCH", `${env().REDIS_PREFIX}:${match}`, "COUNT", 1000);
          cursor = next;
          found.push(...keys);
        } while (cursor !== "0");
        return found;
      }),
    );
  }

  it("runs on three masters, and the sessions of different users land on different ones", async () => {
    const roles = await Promise.all(direct.map(async (node) => (await node.info("replication")).match(/role:(\w+)/)?.[1]));
    expect(roles).toEqual(["master", "master", "master"]);
    const users = await Promise.all(Array.from({ length: 24 }, () => createTestUser()));
    const tokens = await Promise.all(users.map((user) => createSession({ userId: user.id })));
    const perMaster = await keysPerMaster("sess:*");
    const ours = perMaster.map((keys) => keys.filter((key) => tokens.some((token) => key.endsWith(sessionHandleOf(token)))).length);
    expect(ours.reduce((a, b) => a + b)).toBe(24);
    expect(ours.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
  });

  it("keeps each queue's BullMQ keys in one slot of its own, under a hash-tagged prefix", async () => {
    await getQueue(NOTIFICATIONS_QUEUE).add("cluster-probe", {}, { removeOnComplete: true });
    const keys = (await keysPerMaster(`bull:{${NOTIFICATIONS_QUEUE}}:*`)).flat();
    expect(keys.length).toBeGreaterThan(0);
    const slots = new Set(await Promise.all(keys.map((key) => direct[0].cluster("KEYSLOT", key))));
    expect(slots.size).toBe(1);
  });

  it("delivers a message sent through one Socket.IO server to a socket on another, over sharded pub/sub", async () => {
    const [one, two] = await Promise.all([startSocketServer(), startSocketServer()]);
    try {
      const { a, b, conversationId } = await pairWithConversation();
      const [aSocket, bSocket] = await Promise.all([connectAs(one.url, a), connectAs(two.url, b)]);
      const received = record<MessagePayload>(bSocket, "message:new");

      const ack = await request(aSocket, "message:send", { conversationId, clientId: crypto.randomUUID(), body: "Kümede merhaba" });
      expect(ack.ok).toBe(true);
      await until(() => received.length === 1, 5_000, "message on the other instance");
      expect(received[0]).toMatchObject({ conversationId, senderId: a.id, body: "Kümede merhaba" });

      // the room of b's user is a shard channel on its master, and nothing of this run goes over classic pub/sub
      const channelPrefix = `${env().REDIS_PREFIX}:socket.io#`;
      const shardChannels = (await Promise.all(direct.map((node) => node.call("PUBSUB", "SHARDCHANNELS", `${channelPrefix}*`) as Promise<string[]>))).flat();
      expect(shardChannels).toContain(`${channelPrefix}/#user:${b.id}#`);
      const classic = (await Promise.all(direct.map((node) => node.call("PUBSUB", "CHANNELS", `${channelPrefix}*`) as Promise<string[]>))).flat();
      expect(classic).toEqual([]);
    } finally {
      closeAllClients();
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("closes a revoked session's socket on another instance than the one that revoked it", async () => {
    const [one, two] = await Promise.all([startSocketServer(), startSocketServer()]);
    try {
      const user = await createTestUser();
      const token = await createSession({ userId: user.id });
      const socket = await connectAs(two.url, { token });
      const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
      // the revoke runs in this process, whose emitter is neither instance: it reaches instance two through Redis
      expect(await revokeSession(user.id, sessionHandleOf(token))).toBe(true);
      expect(await disconnected).toBe("io server disconnect");
      expect(await getRedis().exists(`${env().REDIS_PREFIX}:sess:${sessionHandleOf(token)}`)).toBe(0);
    } finally {
      closeAllClients();
      await Promise.all([one.close(), two.close()]);
    }
  });
});
