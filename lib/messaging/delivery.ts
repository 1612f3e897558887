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
  const { channel, message } = encodeBroadcast(userIds.map(userRoom), options.exceptSocketId, event, payload);
  return publishOnceScript(null, [redisKey("msg", "fence", fence), ...(options.incrementFirst ?? [])], [channel, message, FENCE_TTL_SECONDS]);
}

/** A plain broadcast to the users' rooms on every instance (typing, receipts, presence: repeats are harmless). */
export function broadcastToUsers(userIds: string[], event: string, payload: unknown): void {
  if (userIds.length) getEmitter().to(userIds.map(userRoom)).emit(event, payload);
}
