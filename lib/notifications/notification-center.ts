import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import type { NotificationPayload } from "@/lib/notifications/notify-users";
import { parseInput } from "@/lib/validation";

const PAGE_SIZE = 30;

/** The actor's notifications, newest first, paged by (createdAt, id) from a cursor notification id. */
export async function listNotifications(actor: Actor, cursor?: string): Promise<{ items: NotificationPayload[]; nextCursor: string | null }> {
  const after = cursor ? await db.notification.findFirst({ where: { id: cursor, userId: actor.id }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.notification.findMany({
    where: {
      userId: actor.id,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
  const items = rows.slice(0, PAGE_SIZE).map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() }));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1].id : null };
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

const markOneSchema = z.object({ notificationId: z.string().min(1).max(40) });

/** Marks one of the actor's notifications read; someone else's id is NOT_FOUND. */
export async function markNotificationRead(actor: Actor, input: unknown): Promise<{ unread: number }> {
  const { notificationId } = parseInput(markOneSchema, input);
  const { count } = await db.notification.updateMany({ where: { id: notificationId, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await db.notification.findFirst({ where: { id: notificationId, userId: actor.id }, select: { id: true } }))) {
    throw notFound("Bildirim bulunamadı.");
  }
  return { unread: await countUnreadNotifications(actor) };
}

export async function markAllNotificationsRead(actor: Actor): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}
