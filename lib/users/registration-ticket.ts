import { createHash, randomBytes } from "node:crypto";
import { getRedis, redisKey } from "@/lib/redis";

// Right after registering, the new lawyer is logged in with a one-time ticket rather than the password again: the
// password check counts against the address's login limits, and an office behind one NAT address could have used
// them up, leaving an account created but the page answering an error (and a retry saying the e-mail is taken).
const TICKET_SECONDS = 60;
const key = (ticket: string) => redisKey("reg-ticket", createHash("sha256").update(ticket).digest("base64url"));

export async function issueRegistrationTicket(userId: string): Promise<string> {
  const ticket = randomBytes(32).toString("base64url");
  await getRedis().set(key(ticket), userId, "EX", TICKET_SECONDS);
  return ticket;
}

/** The user the ticket was issued for, once; null for an unknown, used or expired ticket. */
export async function consumeRegistrationTicket(ticket: unknown): Promise<string | null> {
  if (typeof ticket !== "string" || ticket.length < 20 || ticket.length > 100) return null;
  return getRedis().getdel(key(ticket));
}
