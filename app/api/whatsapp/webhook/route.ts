import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { receiveWebhook } from "@/lib/whatsapp/receive-webhook";
import { isValidVerifyToken, isValidWebhookSignature } from "@/lib/whatsapp/webhook-signature";

// WhatsApp Cloud API webhook (docs/whatsapp.md). Off (404) until WHATSAPP_VERIFY_TOKEN / WHATSAPP_APP_SECRET are set.
export const dynamic = "force-dynamic";

// Meta's deliveries are a few KB; anything far larger is not from it
const MAX_BODY_BYTES = 512 * 1024;

/** The subscription handshake: Meta sends hub.mode=subscribe, our verify token and a challenge to echo. */
export function GET(request: Request) {
  const expected = env().WHATSAPP_VERIFY_TOKEN;
  if (!expected) return new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  if (params.get("hub.mode") !== "subscribe" || !isValidVerifyToken(params.get("hub.verify_token"), expected)) {
    return new Response("Forbidden", { status: 403 });
  }
  return new Response(params.get("hub.challenge") ?? "", { status: 200, headers: { "Content-Type": "text/plain" } });
}

/** A signed delivery: recorded and queued, answered at once (the worker does the rest). */
export async function POST(request: Request) {
  const secret = env().WHATSAPP_APP_SECRET;
  if (!secret) return new Response("Not found", { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return new Response("Too large", { status: 413 });
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > MAX_BODY_BYTES) return new Response("Too large", { status: 413 });
  if (!isValidWebhookSignature(raw, request.headers.get("x-hub-signature-256"), secret)) {
    return new Response("Invalid signature", { status: 401 });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString("utf8"));
  } catch {
    return new Response("Bad JSON", { status: 400 });
  }
  try {
    const result = await receiveWebhook(payload);
    return Response.json({ ok: true, ...result });
  } catch (error) {
    // 500: Meta delivers again later, and what was recorded already is not recorded twice
    logger().error({ err: error }, "whatsapp webhook failed");
    return new Response("Try again", { status: 500 });
  }
}
