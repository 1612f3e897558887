import { z } from "zod";
import { db } from "@/lib/db";
import type { WhatsAppOutboundStatus } from "@/lib/generated/prisma/enums";
import { addNotificationJob } from "@/lib/queue/queues";

// What the Cloud API posts to the webhook (object "whatsapp_business_account"): messages people sent to our number
// and status callbacks of the ones we sent. Fields we do not use are ignored; the sender's profile name is never read.
const messageSchema = z.object({
  id: z.string().min(1).max(200),
  from: z.string().regex(/^\d{6,20}$/),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string().max(40),
  text: z.object({ body: z.string() }).optional(),
  // a reply button of an interactive message we sent
  interactive: z.object({ type: z.string(), button_reply: z.object({ id: z.string().max(256), title: z.string() }).optional() }).optional(),
  // a quick-reply button of a template we sent
  button: z.object({ payload: z.string().max(256), text: z.string() }).optional(),
});
const statusSchema = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(["sent", "delivered", "read", "failed"]),
  timestamp: z.string().regex(/^\d+$/),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional() })).optional(),
});
const payloadSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({ messages: z.array(z.unknown()).optional(), statuses: z.array(z.unknown()).optional() }).passthrough(),
        }),
      ),
    }),
  ),
});

export type WebhookResult = { messages: number; queued: number; statuses: number };

// a status only moves forward (callbacks can arrive out of order); failed can follow anything
const statusRank: Record<WhatsAppOutboundStatus, number> = { ACCEPTED: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4 };
const statusOf = { sent: "SENT", delivered: "DELIVERED", read: "READ", failed: "FAILED" } as const;

function inboundRow(message: z.infer<typeof messageSchema>) {
  const buttonId = message.interactive?.button_reply?.id ?? message.button?.payload ?? null;
  return {
    waMessageId: message.id,
    fromNumber: message.from,
    kind: buttonId ? "button" : message.type,
    text: message.text?.body.slice(0, 4096) ?? null,
    buttonId,
    sentAt: new Date(Number(message.timestamp) * 1000),
  };
}

async function applyStatus(status: z.infer<typeof statusSchema>): Promise<void> {
  const next = statusOf[status.status];
  const lower = (Object.keys(statusRank) as WhatsAppOutboundStatus[]).filter((s) => statusRank[s] < statusRank[next] && s !== "FAILED");
  const error = status.errors?.[0] ? `${status.errors[0].code ?? "?"}: ${status.errors[0].title ?? ""}`.slice(0, 300) : null;
  await db.whatsAppOutbound.updateMany({
    where: { waMessageId: status.id, status: { in: lower } },
    data: { status: next, statusAt: new Date(Number(status.timestamp) * 1000), ...(error ? { error } : {}) },
  });
}

/**
 * Records each message once by its WhatsApp id (the unique key turns Meta's retries into no-ops) and queues its
 * handling with only the row's id; applies status callbacks to the outbound log. Throws when PostgreSQL or Redis
 * fails, so the route answers 500 and Meta delivers again (a message recorded but not yet queued is queued then).
 */
export async function receiveWebhook(payload: unknown): Promise<WebhookResult> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return { messages: 0, queued: 0, statuses: 0 };
  const values = parsed.data.entry.flatMap((e) => e.changes.filter((c) => c.field === "messages").map((c) => c.value));
  const messages = values.flatMap((v) => v.messages ?? []).flatMap((m) => {
    const one = messageSchema.safeParse(m);
    return one.success ? [inboundRow(one.data)] : [];
  });
  const statuses = values.flatMap((v) => v.statuses ?? []).flatMap((s) => {
    const one = statusSchema.safeParse(s);
    return one.success ? [one.data] : [];
  });

  let queued = 0;
  if (messages.length) {
    await db.whatsAppInbound.createMany({ data: messages, skipDuplicates: true });
    const rows = await db.whatsAppInbound.findMany({
      where: { waMessageId: { in: messages.map((m) => m.waMessageId) }, handledAt: null },
      select: { id: true },
    });
    // the job id dedupes too: a retry arriving while the first delivery's job waits adds nothing
    await Promise.all(rows.map((row) => addNotificationJob("whatsapp-inbound", { inboundId: row.id }, { jobId: `wa-in-${row.id}`, attempts: 3 })));
    queued = rows.length;
  }
  for (const status of statuses) await applyStatus(status);
  return { messages: messages.length, queued, statuses: statuses.length };
}
