import { redisScript } from "@/lib/messaging/redis-script";
import { getRedis, redisKey, slotTag } from "@/lib/redis";

// "Adliyedeyim" lives in Redis only, so every instance sees the same check-ins and they end by themselves:
//   checkin:court:<courthouseId>  sorted set of user ids scored by the check-in's end (ms); the key expires with its
//                                 last member, and ended members are trimmed on each check-in
//   checkin:user:<userId>         "<courthouseId>:<end ms>", expiring at the end: where the lawyer is now
// On a Redis Cluster all check-in keys carry the tag {checkin} (one slot): the check-in script derives the old
// courthouse's key from the user's value, so it cannot name it in advance. Check-ins are a few writes per lawyer a day.
const courtKey = (courthouseId: number) => redisKey(slotTag("checkin"), "court", courthouseId);
const userKey = (userId: string) => redisKey(slotTag("checkin"), "user", userId);

export type StoredCheckIn = { courthouseId: number; until: Date };

// One step, so a lawyer is never at two courthouses: leaves the old one, then joins the new one. The old courthouse's
// key is derived from the user key's value (on a cluster the shared tag above keeps it in the script's slot).
const checkInScript = redisScript(
  "check_in",
  2,
  `local old = redis.call('GET', KEYS[1])
   if old then
     local oldId = string.match(old, '^(%d+):')
     if oldId then redis.call('ZREM', ARGV[5] .. oldId, ARGV[2]) end
   end
   redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[3], 'PXAT', ARGV[3])
   redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[4])
   redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
   local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
   redis.call('PEXPIREAT', KEYS[2], last[2])
   return 1`,
);

const checkOutScript = redisScript(
  "check_out",
  1,
  `local old = redis.call('GET', KEYS[1])
   if not old then return 0 end
   local oldId = string.match(old, '^(%d+):')
   if oldId then redis.call('ZREM', ARGV[2] .. oldId, ARGV[1]) end
   redis.call('DEL', KEYS[1])
   return tonumber(oldId)`,
);

const courtPrefix = () => courtKey(0).slice(0, -1);

export async function storeCheckIn(userId: string, courthouseId: number, until: Date, now = new Date()): Promise<void> {
  await checkInScript(null, [userKey(userId), courtKey(courthouseId)], [courthouseId, userId, until.getTime(), now.getTime(), courtPrefix()]);
}

/** Ends the lawyer's check-in; the courthouse they left, or null when they were not checked in. */
export async function removeCheckIn(userId: string): Promise<number | null> {
  const left = Number(await checkOutScript(null, [userKey(userId)], [userId, courtPrefix()]));
  return left > 0 ? left : null;
}

export async function readCheckIn(userId: string, now = new Date()): Promise<StoredCheckIn | null> {
  const value = await getRedis().get(userKey(userId));
  const match = value ? /^(\d+):(\d+)$/.exec(value) : null;
  if (!match || Number(match[2]) <= now.getTime()) return null;
  return { courthouseId: Number(match[1]), until: new Date(Number(match[2])) };
}

/** Everyone checked in at the courthouse now (ended check-ins are past their score, so never read). */
export async function checkedInUserIds(courthouseId: number, now = new Date()): Promise<string[]> {
  return getRedis().zrangebyscore(courtKey(courthouseId), `(${now.getTime()}`, "+inf");
}

export async function countCheckedIn(courthouseId: number, now = new Date()): Promise<number> {
  return getRedis().zcount(courtKey(courthouseId), `(${now.getTime()}`, "+inf");
}
