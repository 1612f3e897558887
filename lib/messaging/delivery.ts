import { Emitter } from "@socket.io/redis-emitter";
import { env } from "@/lib/env";
import { redisScript } from "@/lib/messaging/redis-script";
import { getEmitter } from "@/lib/realtime/emitter";
import { socketAdapterKey, userRoom } from "@/lib/realtime/rooms";
import { redisKey } from "@/lib/redis";

// A message is broadcast by whichever request stores it or, when that process died between commit and
// broadcast, by the sender's retry. The fence key and the PUBLISH happen in one Lua call, so each message is
// published once: a retry after a successful broadcast finds the fence and stays quiet, a retry after a
// crash finds none and publishes. Retries come within minutes; after the fence expires a late retry may
// publish again and clients drop the copy by id.
const FENCE_TTL_SECONDS = 10 * 60;

const publishOnceScript = redisScript(
  "publish_once",
  1,
  `if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
  return redis.call('PUBLISH', ARGV[1], ARGV[2])
end
return -1`,
);

/** Encodes a broadcast exactly as the Socket.IO Redis emitter would, without sending it. */
function encodeBroadcast(rooms: string[], exceptSocketId: string | undefined, event: string, payload: unknown): { channel: string; message: Buffer } {
  let encoded: { channel: string; message: Buffer } | undefined;
  const capture = { publish: (channel: string, message: Buffer) => void (encoded = { channel, message }) };
  // every socket is in a room named by its id, so excluding that room leaves out one socket
  new Emitter(capture, { key: socketAdapterKey(env().REDIS_PREFIX) }).to(rooms).except(exceptSocketId ?? []).emit(event, payload);
  if (!encoded) throw new Error("the emitter published nothing");
  return encoded;
}

/**
 * Broadcasts to the users' rooms (every instance) at most once per fence name, to every socket of theirs but
 * `exceptSocketId` (the sender's socket, which has the message in its ack already). One script call on the shared
 * connection, which pipelines it with whatever else this tick sends: an ioredis pipeline object per message
 * (it copies every defined script onto itself) was the largest share of what the 2,000 msg/s bench promoted into
 * the old generation.
 */
export function publishOnce(fence: string, userIds: string[], event: string, payload: unknown, exceptSocketId?: string): Promise<unknown> {
  const { channel, message } = encodeBroadcast(userIds.map(userRoom), exceptSocketId, event, payload);
  return publishOnceScript(null, [redisKey("msg", "fence", fence)], [channel, message, FENCE_TTL_SECONDS]);
}

/** A plain broadcast to the users' rooms on every instance (typing, receipts, presence: repeats are harmless). */
export function broadcastToUsers(userIds: string[], event: string, payload: unknown): void {
  if (userIds.length) getEmitter().to(userIds.map(userRoom)).emit(event, payload);
}
