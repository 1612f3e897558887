import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { getRedis, redisKey } from "@/lib/redis";
import { usesSecureCookies } from "@/lib/auth/session-cookie";

// Between the password and the code the browser holds only this ticket (an httpOnly cookie for /giris): it is no
// session, so it opens no page and no socket; it lets its holder try codes for that one account for five minutes.
export const SECOND_FACTOR_COOKIE = "tevkil-2fa";
const TICKET_SECONDS = 5 * 60;
const key = (ticket: string) => redisKey("2fa-ticket", createHash("sha256").update(ticket).digest("base64url"));

/** After the right password of an account with two-step login: the ticket, set on the response as a cookie. */
export async function startSecondFactor(userId: string): Promise<void> {
  const ticket = randomBytes(32).toString("base64url");
  await getRedis().set(key(ticket), userId, "EX", TICKET_SECONDS);
  (await cookies()).set(SECOND_FACTOR_COOKIE, ticket, {
    httpOnly: true,
    sameSite: "lax",
    secure: usesSecureCookies(),
    path: "/giris",
    maxAge: TICKET_SECONDS,
  });
}

/** The user whose password was just checked in this browser, or null when there is no live ticket. */
export async function pendingSecondFactorUser(): Promise<{ userId: string; ticket: string } | null> {
  const ticket = (await cookies()).get(SECOND_FACTOR_COOKIE)?.value;
  if (!ticket || ticket.length > 100) return null;
  const userId = await getRedis().get(key(ticket));
  return userId ? { userId, ticket } : null;
}

/** Ends the ticket (the code was right): true only for the one caller that ended it. */
export async function finishSecondFactor(ticket: string): Promise<boolean> {
  const ended = (await getRedis().del(key(ticket))) === 1;
  (await cookies()).delete({ name: SECOND_FACTOR_COOKIE, path: "/giris" });
  return ended;
}
