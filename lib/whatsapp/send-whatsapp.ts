import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import { postWhatsAppMessage, whatsappTemplateBody } from "@/lib/notifications/channels/whatsapp";
import { PermanentDeliveryError } from "@/lib/notifications/delivery-errors";
import { hitRateLimit } from "@/lib/rate-limit/limiter";
import type { TemplateMessage } from "@/lib/whatsapp/templates";

/** WhatsApp's customer-service window: free-form messages only this long after the number last wrote to us. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3_600_000;

export type ReplyButton = { id: string; title: string };
export type FreeFormMessage = { text: string; buttons?: ReplyButton[] };
export type SendOutcome = "sent" | "stopped" | "outside-window" | "rate-limited";

/** WhatsApp's wa_id form: digits only, country code first (+90 532 … → 90532…). */
export const waNumber = (number: string) => number.replace(/[^0-9]/g, "");

function freeFormBody(to: string, message: FreeFormMessage) {
  const base = { messaging_product: "whatsapp", recipient_type: "individual", to };
  if (!message.buttons?.length) return { ...base, type: "text", text: { body: message.text.slice(0, 4096), preview_url: false } };
  return {
    ...base,
    type: "interactive",
    interactive: {
      type: "button",
      body: { text: message.text.slice(0, 1024) },
      // at most three reply buttons, titles of at most 20 characters (Cloud API limits)
      action: { buttons: message.buttons.slice(0, 3).map((b) => ({ type: "reply", reply: { id: b.id, title: b.title.slice(0, 20) } })) },
    },
  };
}

/** Whether the number wrote to us within the last 24 hours, and whether it said DUR. */
export async function contactState(number: string, now = new Date()): Promise<{ inWindow: boolean; stopped: boolean }> {
  const contact = await db.whatsAppContact.findUnique({ where: { number: waNumber(number) }, select: { lastInboundAt: true, stoppedAt: true } });
  return {
    inWindow: Boolean(contact && now.getTime() - contact.lastInboundAt.getTime() < CUSTOMER_SERVICE_WINDOW_MS),
    stopped: Boolean(contact?.stoppedAt),
  };
}

/**
 * Every message Tevkil sends on WhatsApp goes through here: nothing to a number that said DUR (unless `evenIfStopped`,
 * for the one line confirming it), free-form inside the 24-hour window and the approved template outside it (nothing
 * when there is no template for it), at most the per-number rate, and a log row per message for its status callbacks
 * (what it was for, never its text). API errors are thrown as the channel's Retryable/Permanent errors.
 */
export async function sendWhatsApp(
  to: string,
  purpose: string,
  content: { freeForm?: FreeFormMessage; template?: TemplateMessage; evenIfStopped?: boolean },
): Promise<SendOutcome> {
  const number = waNumber(to);
  const { inWindow, stopped } = await contactState(number);
  if (stopped && !content.evenIfStopped) return "stopped";
  const body = inWindow && content.freeForm ? freeFormBody(number, content.freeForm) : content.template ? whatsappTemplateBody(number, content.template.name, content.template.components) : null;
  if (!body) return "outside-window";
  if (!(await hitRateLimit("whatsappOutboundByNumber", number)).success) return "rate-limited";
  const kind = body.type === "template" ? content.template!.name : body.type;
  let waMessageId: string;
  try {
    waMessageId = await postWhatsAppMessage(body);
  } catch (error) {
    if (error instanceof PermanentDeliveryError) {
      await logOutbound({ toNumber: number, purpose, kind, status: "FAILED", error: error.message.slice(0, 300), statusAt: new Date() });
    }
    throw error;
  }
  await logOutbound({ waMessageId: waMessageId || null, toNumber: number, purpose, kind, status: "ACCEPTED" });
  return "sent";
}

/** The log never makes a sent message fail: a retry would send it a second time. */
async function logOutbound(data: Prisma.WhatsAppOutboundCreateManyInput): Promise<void> {
  try {
    await db.whatsAppOutbound.createMany({ data: [data], skipDuplicates: true });
  } catch (error) {
    logger().error({ err: error, purpose: data.purpose }, "whatsapp outbound log failed");
  }
}
