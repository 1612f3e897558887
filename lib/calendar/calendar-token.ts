import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

const newToken = () => randomBytes(24).toString("base64url");

/** The actor's private feed token, made on first use (a conditional update, so two first uses agree on one). */
export async function getCalendarToken(actor: Actor): Promise<string> {
  await db.user.updateMany({ where: { id: actor.id, calendarToken: null }, data: { calendarToken: newToken() } });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { calendarToken: true } });
  return user.calendarToken!;
}

/** A new token: every calendar subscribed with the old URL stops receiving the feed. */
export async function rotateCalendarToken(actor: Actor): Promise<string> {
  const calendarToken = newToken();
  await db.user.update({ where: { id: actor.id }, data: { calendarToken } });
  return calendarToken;
}
