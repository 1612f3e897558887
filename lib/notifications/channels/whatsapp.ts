import { env } from "@/lib/env";
import { PermanentDeliveryError, RetryableDeliveryError } from "@/lib/notifications/delivery-errors";

export const isWhatsAppConfigured = () => {
  const e = env();
  return Boolean(e.WHATSAPP_API_URL && e.WHATSAPP_TOKEN && e.WHATSAPP_PHONE_NUMBER_ID);
};

// Business-initiated WhatsApp messages must be pre-approved templates (all of them: lib/whatsapp/templates.ts). These two
// are registered with Turkish ("tr") bodies: "{{1}}: {{2}} {{3}}" and the authentication template.
export const WHATSAPP_NOTIFICATION_TEMPLATE = "tevkil_bildirim";
export const WHATSAPP_VERIFICATION_TEMPLATE = "tevkil_dogrulama_kodu";

type TemplateParameter = { type: "text"; text: string } | { type: "payload"; payload: string };
export type TemplateComponent = { type: "body" | "button"; sub_type?: "url" | "quick_reply"; index?: string; parameters: TemplateParameter[] };

/** The Cloud API's request body for a template message. */
export function whatsappTemplateBody(to: string, template: string, components: TemplateComponent[]) {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: to.replace(/[^0-9]/g, ""),
    type: "template",
    template: { name: template, language: { code: "tr" }, components },
  };
}

/**
 * POST {WHATSAPP_API_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages with any Cloud API message; returns the id WhatsApp
 * assigned. Senders go through lib/whatsapp/send-whatsapp.ts, which applies the channel's rules and logs the message.
 */
export async function postWhatsAppMessage(message: Record<string, unknown>): Promise<string> {
  const e = env();
  const url = `${e.WHATSAPP_API_URL!.replace(/\/$/, "")}/${e.WHATSAPP_PHONE_NUMBER_ID}/messages`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${e.WHATSAPP_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new RetryableDeliveryError(`WhatsApp unreachable: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as { messages?: { id: string }[]; error?: { code?: number; message?: string } };
  if (response.ok) return body.messages?.[0]?.id ?? "";
  const detail = `WhatsApp ${response.status} (code ${body.error?.code ?? "?"}): ${body.error?.message ?? "no detail"}`;
  // 429 and the Cloud API's throttling codes (4, 80007, 130429, 131048, 131056) and 5xx pass with time
  const throttled = response.status === 429 || [4, 80007, 130429, 131048, 131056].includes(body.error?.code ?? -1);
  if (throttled || response.status >= 500) throw new RetryableDeliveryError(detail);
  throw new PermanentDeliveryError(detail);
}
