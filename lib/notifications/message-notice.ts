import { db } from "@/lib/db";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { addNotificationJob } from "@/lib/queue/queues";
import { getRedis, redisKey } from "@/lib/redis";

// At most one "unread messages" notice per conversation and recipient in this window.
export const MESSAGE_NOTICE_WINDOW_SECONDS = 10 * 60;

const noticeDelayMs = () => Number(process.env.MESSAGE_NOTICE_DELAY_MS ?? 120_000);

/**
 * After a message is stored, for each recipient who is offline: queue a notice that runs after a short
 * delay (so a quick read cancels it). A burst of messages yields one notice per 10 minutes.
 */
export async function scheduleMessageNotices(message: { conversationId: string; id: bigint | number | string }, offlineRecipientIds: string[]): Promise<void> {
  for (const recipientId of offlineRecipientIds) {
    try {
      const windowKey = redisKey("msg-notice", message.conversationId, recipientId);
      const first = await getRedis().set(windowKey, String(message.id), "EX", MESSAGE_NOTICE_WINDOW_SECONDS, "NX");
      if (first !== "OK") continue;
      await addNotificationJob(
        "message-notice",
        { conversationId: message.conversationId, recipientId, messageId: String(message.id) },
        { jobId: `msg-notice-${message.conversationId}-${recipientId}-${message.id}`, delay: noticeDelayMs(), attempts: 3 },
      );
    } catch (error) {
      console.error("scheduleMessageNotices failed", error);
    }
  }
}

/** The delayed job: notify unless the recipient has read up to that message in the meantime. */
export async function sendMessageNotice(input: { conversationId: string; recipientId: string; messageId: string }): Promise<"notified" | "already-read"> {
  const member = await db.conversationMember.findUnique({
    where: { conversationId_userId: { conversationId: input.conversationId, userId: input.recipientId } },
    select: { lastReadMessageId: true },
  });
  if (!member || member.lastReadMessageId >= BigInt(input.messageId)) return "already-read";
  const unread = await db.message.findMany({
    where: { conversationId: input.conversationId, id: { gt: member.lastReadMessageId }, senderId: { not: input.recipientId } },
    select: { sender: { select: { fullName: true } } },
    orderBy: { id: "desc" },
    take: 100,
  });
  if (unread.length === 0) return "already-read";
  const senderName = unread[0].sender.fullName;
  const count = unread.length >= 100 ? "100+" : String(unread.length);
  await notifyUsers([
    {
      userId: input.recipientId,
      type: "MESSAGE_WHILE_OFFLINE",
      title: "Okunmamış mesajlarınız var",
      body: `${senderName} size ${count} yeni mesaj gönderdi.`,
      link: `/mesajlar/${input.conversationId}`,
    },
  ]);
  return "notified";
}
