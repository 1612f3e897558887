import { Emitter } from "@socket.io/redis-emitter";
import { env } from "@/lib/env";
import { redisScript } from "@/lib/messaging/redis-script";
import { getEmitter } from "@/lib/realtime/emitter";
import { socketAdapterKey, userRoom } from "@/lib/realtime/rooms";
import { shardedEmitter, type RoomBroadcast } from "@/lib/realtime/sharded-emitter";
import { getRedis, isRedisCluster, redisKey } from "@/lib/redis";

// A message is broadcast by whichever request stores it or, when that process died between commit and
// broadcast, by the sender's retry. The fence key and the PUBLISH happen in one Lua call, so each message is
// published once: a retry after a successful broadcast finds the fence and stays quiet, a retry after a
// crash finds none and publishes. Retries come within minutes; after the fence expires a late retry may
// publish again and clients drop the copy by id.
const FENCE_TTL_SECONDS = 10 * 60;

// KEYS[1] the fence, KEYS[2..] counters to increment first (whether or not this call publishes)
const publishOnceScript = redisScript(
  "publish_once",
  null,
  `for i = 2, #KEYS do redis.call('INCR', KEYS[i]) end
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
  return redis.call('PUBLISH', ARGV[1], ARGV[2])
end
return -1`,
);

// Redis Cluster: a script may only touch keys of one slot, and SPUBLISH's channel counts as one. So each recipient's
// broadcast is published on its own room's channel (the sharded adapter's channel for one room) with a fence of its
// own, tagged by that channel so both share its slot: still one atomic step per recipient, and the messages of
// different users spread over the shards instead of all going through the channel of the whole namespace.
// KEYS[1] the recipient's fence; ARGV: channel, message, TTL
const shardedPublishOnceScript = redisScript(
  "sharded_publish_once",
  1,
  `if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
  return redis.call('SPUBLISH', ARGV[1], ARGV[2])
end
return -1`,
);

let capturedSharded: { channel: string; message: string } | undefined;
let capturingShardedEmitter: RoomBroadcast | undefined;

function encodeShardedBroadcast(room: string, exceptSocketId: string | undefined, event: string, payload: unknown): { channel: string; message: string } {
  capturingShardedEmitter ??= shardedEmitter((channel, message) => void (capturedSharded = { channel, message }), socketAdapterKey(env().REDIS_PREFIX));
  capturedSharded = undefined;
  capturingShardedEmitter.to(room).except(exceptSocketId ?? []).emit(event, payload);
  const encoded = capturedSharded as { channel: string; message: string } | undefined;
  if (!encoded) throw new Error("the sharded emitter published nothing");
  return encoded;
}

async function publishOnceSharded(
  fence: string,
  userIds: string[],
  event: string,
  payload: unknown,
  options: { exceptSocketId?: string; incrementFirst?: string[] },
): Promise<unknown> {
  const redis = getRedis();
  // the counters live in other slots: incremented (and acknowledged) before any recipient can get the event
  await Promise.all((options.incrementFirst ?? []).map((key) => redis.incr(key)));
  return Promise.all(
    userIds.map((userId) => {
      const { channel, message } = encodeShardedBroadcast(userRoom(userId), options.exceptSocketId, event, payload);
      return shardedPublishOnceScript(null, [redisKey("msg", "fence", `{${channel}}`, fence)], [channel, message, FENCE_TTL_SECONDS]);
    }),
  );
}

// One emitter for every encoding: its publish runs synchronously inside emit(), so `captured` is set by the
// emit() that reads it (an emitter per message was garbage on the hottest path).
let captured: { channel: string; message: Buffer } | undefined;
let capturingEmitter: Emitter | undefined;

/** Encodes a broadcast exactly as the Socket.IO Redis emitter would, without sending it. */
function encodeBroadcast(rooms: string[], exceptSocketId: string | undefined, event: string, payload: unknown): { channel: string; message: Buffer } {
  capturingEmitter ??= new Emitter(
    { publish: (channel: string, message: Buffer) => void (captured = { channel, message }) },
    { key: socketAdapterKey(env().REDIS_PREFIX) },
  );
  captured = undefined;
  // every socket is in a room named by its id, so excluding that room leaves out one socket
  capturingEmitter.to(rooms).except(exceptSocketId ?? []).emit(event, payload);
  const encoded = captured as { channel: string; message: Buffer } | undefined;
  if (!encoded) throw new Error("the emitter published nothing");
  return encoded;
}

/**
 * Broadcasts to the users' rooms (every instance) at most once per fence name, to every socket of theirs but
 * `exceptSocketId` (the sender's socket, which has the message in its ack already), after incrementing
 * `incrementFirst` (cache generations the event makes stale): one Lua call on the shared, auto-pipelined
 * connection. An ioredis pipeline object per message (it copies every defined script onto itself) was the
 * largest share of what the 2,000 msg/s bench promoted into the old generation.
 */
export function publishOnce(
  fence: string,
  userIds: string[],
  event: string,
  payload: unknown,
  options: { exceptSocketId?: string; incrementFirst?: string[] } = {},
): Promise<unknown> {
  if (isRedisCluster()) return publishOnceSharded(fence, userIds, event, payload, options);
  const { channel, message } = encodeBroadcast(userIds.map(userRoom), options.exceptSocketId, event, payload);
  return publishOnceScript(null, [redisKey("msg", "fence", fence), ...(options.incrementFirst ?? [])], [channel, message, FENCE_TTL_SECONDS]);
}

/** A plain broadcast to the users' rooms on every instance (typing, receipts, presence: repeats are harmless). */
export function broadcastToUsers(userIds: string[], event: string, payload: unknown): void {
  if (!userIds.length) return;
  // on a cluster one publish per user's room channel (a socket is in one user's room only, so none gets two):
  // only the instances holding that user hear it, instead of every instance on the namespace channel
  if (isRedisCluster()) for (const id of userIds) getEmitter().to(userRoom(id)).emit(event, payload);
  else getEmitter().to(userIds.map(userRoom)).emit(event, payload);
}
