import { db } from "@/lib/db";
import { addNotificationJob } from "@/lib/queue/queues";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { getEmitter } from "@/lib/realtime/emitter";
import { userRoom } from "@/lib/realtime/rooms";

export type NotificationInput = {
  userId: string;
  type: NotificationType;
  /** short Turkish headline, e.g. "Başvurunuz kabul edildi" */
  title: string;
  /** one or two Turkish sentences */
  body: string;
  /** in-app path the notification opens, e.g. "/ilanlar/<id>" */
  link: string;
  /** the record it is about, for channels that act on it (WhatsApp's "Kabul et" / "Başvur" buttons) */
  subjectId?: string;
};

export type NotificationPayload = {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string;
  readAt: string | null;
  createdAt: string;
};

/**
 * Records in-app notifications, pushes each live to its user (`notification:new`) on every instance, and
 * queues its e-mail / WhatsApp / push delivery for the worker (which applies the user's preferences).
 * Call it after the domain change has committed. It never throws: a failed notification must not undo or
 * fail the action that caused it; failures are logged.
 */
export async function notifyUsers(notifications: NotificationInput[]): Promise<void> {
  if (notifications.length === 0) return;
  try {
    const created = await db.notification.createManyAndReturn({
      data: notifications.map(({ userId, type, title, body, link, subjectId }) => ({ userId, type, title, body, link, subjectId: subjectId ?? null })),
    });
    const emitter = getEmitter();
    for (const n of created) {
      const payload: NotificationPayload = {
        id: n.id,
        type: n.type,
        title: n.title,
        body: n.body,
        link: n.link,
        readAt: null,
        createdAt: n.createdAt.toISOString(),
      };
      emitter.to(userRoom(n.userId)).emit("notification:new", payload);
    }
    await Promise.all(created.map((n) => addNotificationJob("dispatch", { notificationId: n.id }, { jobId: `dispatch-${n.id}` })));
  } catch (error) {
    console.error("notifyUsers failed", error);
  }
}
