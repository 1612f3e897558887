import DataLoader from "dataloader";
import { redisScript } from "@/lib/messaging/redis-script";
import { getRedis, redisKey, slotTag } from "@/lib/redis";

// Presence lives in Redis so every instance sees the same thing and a dead instance's sockets age out:
//   presence:sockets:<userId>  sorted set of "<instance>:<socket id>", scored by when that entry expires
//   presence:online            sorted set of user ids, scored by until when the user counts as online
// Instances refresh their sockets' entries on a heartbeat; an entry not refreshed (its instance died)
// expires. When the last socket leaves, the user stays online for a short grace (a page reload is not
// "offline"); a sweep run by every instance then reports each user who went offline exactly once.
export const PRESENCE = {
  /** how long a socket entry lives without a heartbeat */
  socketTtlMs: 45_000,
  heartbeatMs: 15_000,
  /** how long a user with no socket left still counts as online */
  graceMs: 4_000,
  sweepMs: 2_000,
} as const;

// The scripts read the online set and users' socket sets together (the sweep walks from one to the others), so on a
// Redis Cluster every presence key carries the tag {presence}: one slot. The online set is one key anyway, so this
// adds the heartbeats to the shard that already holds it; everything else spreads over the others.
const socketsPrefix = () => redisKey(slotTag("presence"), "sockets", "");
const onlineKey = () => redisKey(slotTag("presence"), "online");

// -> 1 when this made the user online (they were not), 0 otherwise
const touchScript = redisScript(
  "presence_touch",
  2,
  `local was = redis.call('ZSCORE', KEYS[2], ARGV[4])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIREAT', KEYS[1], ARGV[2])
else redis.call('PEXPIREAT', KEYS[1], ARGV[2], 'GT') end
redis.call('ZADD', KEYS[2], 'GT', ARGV[2], ARGV[4])
if was and tonumber(was) > tonumber(ARGV[3]) then return 0 end
return 1`,
);

const leaveScript = redisScript(
  "presence_leave",
  2,
  `redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
return 0`,
);

// -> the users whose online time ran out and who have no live socket left (removed from the online set)
const sweepScript = redisScript(
  "presence_sweep",
  1,
  `local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local gone = {}
for _, user in ipairs(due) do
  local key = ARGV[3] .. user
  redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[1])
  local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  if newest[2] then
    redis.call('ZADD', KEYS[1], newest[2], user)
  else
    redis.call('ZREM', KEYS[1], user)
    redis.call('DEL', key)
    table.insert(gone, user)
  end
end
return gone`,
);

export type SocketEntry = { userId: string; entry: string };

/** Refreshes the sockets' entries; returns the users this made online. */
export async function touchSockets(sockets: SocketEntry[], now = Date.now()): Promise<string[]> {
  if (sockets.length === 0) return [];
  const pipeline = getRedis().pipeline();
  for (const { userId, entry } of sockets) {
    void touchScript(pipeline, [socketsPrefix() + userId, onlineKey()], [entry, now + PRESENCE.socketTtlMs, now, userId]);
  }
  const results = (await pipeline.exec()) ?? [];
  const cameOnline = new Set<string>();
  results.forEach(([error, value], i) => {
    if (error) throw error;
    if (value === 1) cameOnline.add(sockets[i].userId);
  });
  return [...cameOnline];
}

export async function removeSocket({ userId, entry }: SocketEntry, now = Date.now()): Promise<void> {
  await leaveScript(null, [socketsPrefix() + userId, onlineKey()], [entry, now, now + PRESENCE.graceMs, userId]);
}

/** Users whose last socket is gone (closed or expired) past the grace; each is returned by one call only. */
export async function sweepOffline(now = Date.now(), limit = 500): Promise<string[]> {
  return (await sweepScript(null, [onlineKey()], [now, limit, socketsPrefix()])) as string[];
}

// Every send asks whether its recipient is online (to notify the offline ones): the questions that arrive in one
// poll phase share one ZMSCORE (DataLoader, scheduled like the membership loader in lib/messaging/membership.ts)
// instead of a command, a promise chain and its buffers each, at 2,000 messages a second.
const onlineLoader = new DataLoader<string, boolean>(
  async (userIds) => {
    const scores = await getRedis().zmscore(onlineKey(), ...userIds);
    const now = Date.now();
    return scores.map((score) => score !== null && Number(score) > now);
  },
  { cache: false, maxBatchSize: 1000, batchScheduleFn: (callback) => setImmediate(callback) },
);

export async function onlineUsers(userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const online = await Promise.all(userIds.map((id) => onlineLoader.load(id)));
  return new Set(userIds.filter((_, i) => online[i]));
}
