import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Worker } from "bullmq";
import { startSmtpServer } from "@/test/fake-services";

// this file runs its own workers: its own Redis prefix keeps them off other test files' queued jobs
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:message-notice`;

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
// the digest counts what is unread when it is composed: the delay must outlast a burst of 20 sends, which on a busy
// 2-core machine has taken over 500 ms (a digest of 19 of 20)
const NOTICE_DELAY_MS = 3_000;
process.env.MESSAGE_NOTICE_DELAY_MS = String(NOTICE_DELAY_MS);
// waiting this long without an e-mail means none is coming
const PAST_THE_NOTICE_MS = NOTICE_DELAY_MS + 1_500;

const { db } = await import("@/lib/db");
const { scheduleMessageNotices } = await import("@/lib/notifications/message-notice");
const { closeQueues } = await import("@/lib/queue/queues");
const { closeMailer } = await import("@/lib/notifications/channels/email");
const { startWorkers } = await import("@/workers/start-workers");
const { createTestUser, actorOf, uniqueSuffix } = await import("@/test/factories");
const { sendMessage } = await import("@/lib/messaging/send-message");
const { touchSockets } = await import("@/lib/presence/presence-store");

let workers: Worker[] = [];
beforeAll(async () => {
  workers = await startWorkers({ log: () => undefined, backoffMs: 200 });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await closeQueues();
  closeMailer();
  await smtp.close();
});

async function conversationBetween() {
  const sender = await createTestUser();
  const recipient = await createTestUser();
  const conversation = await db.conversation.create({
    data: {
      pairKey: [sender.id, recipient.id].sort().join(":") + ":-",
      members: { create: [{ userId: sender.id }, { userId: recipient.id }] },
    },
  });
  return { sender, recipient, conversation };
}

/** Stores `count` messages from sender and runs the post-send scheduling for each, as sendMessage does. */
async function burst(conversationId: string, senderId: string, offlineRecipients: string[], count: number) {
  const ids: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const message = await db.message.create({ data: { conversationId, senderId, clientId: `c-${conversationId}-${i}`, body: `Mesaj ${i + 1}` } });
    ids.push(message.id);
    await scheduleMessageNotices({ conversationId, id: message.id }, offlineRecipients);
  }
  return ids;
}

const mailsTo = (email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));

describe("notice of messages received while offline", () => {
  it("sends an offline recipient one digest e-mail for a burst of 20 messages", async () => {
    const { sender, recipient, conversation } = await conversationBetween();
    await burst(conversation.id, sender.id, [recipient.id], 20);
    await expect.poll(() => mailsTo(recipient.email).length, { timeout: NOTICE_DELAY_MS + 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1_500));
    const mails = mailsTo(recipient.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].mail.subject).toBe("Okunmamış mesajlarınız var · Tevkil");
    expect(mails[0].mail.text).toContain(`${sender.fullName} size 20 yeni mesaj gönderdi.`);
    expect(mails[0].mail.text).toContain(`/mesajlar/${conversation.id}`);
    expect(await db.notification.count({ where: { userId: recipient.id, type: "MESSAGE_WHILE_OFFLINE" } })).toBe(1);
  });

  it("sends an online recipient nothing", async () => {
    const { sender, recipient, conversation } = await conversationBetween();
    await burst(conversation.id, sender.id, [], 20);
    await new Promise((r) => setTimeout(r, PAST_THE_NOTICE_MS));
    expect(mailsTo(recipient.email)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: recipient.id } })).toBe(0);
  });

  it("sends nothing when the recipient reads the messages before the notice is due", async () => {
    const { sender, recipient, conversation } = await conversationBetween();
    const ids = await burst(conversation.id, sender.id, [recipient.id], 3);
    await db.conversationMember.update({
      where: { conversationId_userId: { conversationId: conversation.id, userId: recipient.id } },
      data: { lastReadMessageId: ids[ids.length - 1] },
    });
    await new Promise((r) => setTimeout(r, PAST_THE_NOTICE_MS));
    expect(mailsTo(recipient.email)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: recipient.id } })).toBe(0);
  });
});

describe("sending messages through sendMessage", () => {
  async function sendBurst(count: number, recipientOnline: boolean) {
    const { sender, recipient, conversation } = await conversationBetween();
    if (recipientOnline) await touchSockets([{ userId: recipient.id, entry: `test-instance:${uniqueSuffix()}` }]);
    // the sender's burst allowance is 20 (policy messageSend)
    for (let i = 0; i < count; i++) {
      await sendMessage(actorOf(sender), { conversationId: conversation.id, clientId: `burst-${uniqueSuffix()}`, body: `Duruşma notu ${i + 1}` });
    }
    return { sender, recipient };
  }

  it("an offline recipient of 20 messages gets one digest e-mail", async () => {
    const { sender, recipient } = await sendBurst(20, false);
    await expect.poll(() => mailsTo(recipient.email).length, { timeout: NOTICE_DELAY_MS + 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(mailsTo(recipient.email)).toHaveLength(1);
    expect(mailsTo(recipient.email)[0].mail.text).toContain(`${sender.fullName} size 20 yeni mesaj gönderdi.`);
    console.log(`burst of 20 to an offline recipient: ${mailsTo(recipient.email).length} digest e-mail`);
  });

  it("an online recipient of 20 messages gets no e-mail", async () => {
    const { recipient } = await sendBurst(20, true);
    await new Promise((r) => setTimeout(r, PAST_THE_NOTICE_MS));
    expect(mailsTo(recipient.email)).toHaveLength(0);
    console.log(`burst of 20 to an online recipient: ${mailsTo(recipient.email).length} e-mails`);
  });
});
