import { db } from "@/lib/db";
import { contactDetailMessage, findContactDetail } from "@/lib/contact-details";
import { getRedis, redisKey } from "@/lib/redis";
import { validationError } from "@/lib/validation";

// Whether two lawyers have an ASSIGNED or DONE job between them (either direction): until then a message holding a
// phone number, e-mail address or IBAN is refused. The send path is hot (issue 10), so the order is: the regex first
// (in memory, microseconds); only a message that holds a contact detail asks whether the pair is assigned, and that
// answer is kept in Redis (shared by every instance) until an accept or a cancelled assignment between them forgets it.
// Short-lived all the same: a lookup that read the database just before an accept committed may write its stale
// answer after the accept cleared the key, and the price of a miss is one indexed read on a rare message.
const PAIR_TTL_SECONDS = 10 * 60;

const pairKey = (a: string, b: string) => redisKey("msg", "pair-assigned", ...[a, b].sort());

async function loadPairAssigned(a: string, b: string): Promise<boolean> {
  const job = await db.job.findFirst({
    where: {
      status: { in: ["ASSIGNED", "DONE"] },
      OR: [
        { posterId: a, assigneeId: b },
        { posterId: b, assigneeId: a },
      ],
    },
    select: { id: true },
  });
  return job !== null;
}

/** Whether the two have an assignment between them; cached per pair. */
export async function pairHasAssignment(a: string, b: string): Promise<boolean> {
  const redis = getRedis();
  const key = pairKey(a, b);
  const cached = await redis.get(key).catch(() => null);
  if (cached !== null) return cached === "1";
  const assigned = await loadPairAssigned(a, b);
  await redis.set(key, assigned ? "1" : "0", "EX", PAIR_TTL_SECONDS).catch(() => undefined);
  return assigned;
}

/** After a write that may change whether the two are assigned (an accept, a cancelled assignment). */
export async function forgetPairAssignment(a: string, b: string): Promise<void> {
  await getRedis()
    .del(pairKey(a, b))
    .catch((error) => console.error("pair assignment cache not cleared", error));
}

/**
 * Refuses (VALIDATION, on the `body` field) a message with contact details between two members who have no
 * assignment between them. The sender keeps the text and can take the detail out.
 */
export async function refuseContactDetailsBeforeAssignment(members: string[], body: string): Promise<void> {
  const found = findContactDetail(body);
  if (!found || members.length !== 2) return;
  if (await pairHasAssignment(members[0], members[1])) return;
  const message = contactDetailMessage(found, "Mesajınızda");
  throw validationError({ body: [message] }, message);
}
