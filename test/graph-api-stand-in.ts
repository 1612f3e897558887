import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";

// A local stand-in for the WhatsApp Cloud API (graph.facebook.com): records every message posted to
// /<version>/<phone-number-id>/messages and answers as the real API does, with a fresh wamid per message.

export type SentMessage = {
  path: string;
  authorization: string | undefined;
  to: string;
  type: "text" | "interactive" | "template";
  /** the text a person reads: a text body, an interactive body, or a template's parameters joined */
  text: string;
  /** reply-button ids of an interactive message, quick-reply payloads of a template */
  buttonIds: string[];
  templateName?: string;
  waMessageId: string;
  raw: CloudApiMessage;
};

// the parts of the Cloud API's message body the tests read
type CloudApiMessage = {
  to: string;
  type: SentMessage["type"];
  text?: { body: string };
  interactive?: { body: { text: string }; action?: { buttons?: { reply: { id: string; title: string } }[] } };
  template?: { name: string; components?: { type: string; sub_type?: string; parameters: { text?: string; payload?: string }[] }[] };
};

function readable(body: CloudApiMessage): Pick<SentMessage, "text" | "buttonIds" | "templateName"> {
  if (body.type === "text") return { text: body.text?.body ?? "", buttonIds: [] };
  if (body.type === "interactive") {
    return { text: body.interactive?.body.text ?? "", buttonIds: (body.interactive?.action?.buttons ?? []).map((b) => b.reply.id) };
  }
  const components = body.template?.components ?? [];
  const text = components.filter((c) => c.type === "body").flatMap((c) => c.parameters.map((p) => p.text ?? "")).join(" | ");
  const buttonIds = components.filter((c) => c.type === "button" && c.sub_type === "quick_reply").map((c) => c.parameters[0].payload ?? "");
  return { text, buttonIds, templateName: body.template?.name };
}

export async function startGraphApiStandIn(port: number) {
  const sent: SentMessage[] = [];
  let counter = 0;
  let failures = 0;
  const runId = Date.now().toString(36);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || !/^\/v\d+\.\d+\/[^/]+\/messages$/.test(req.url ?? "")) {
        res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: 100, message: "Unknown path" } }));
        return;
      }
      if (failures > 0) {
        failures--;
        res.writeHead(503, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: 2, message: "Service temporarily unavailable" } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as CloudApiMessage;
      // unique across test files sharing the database (the outbound log is keyed by it)
      const waMessageId = `wamid.standin.${port}.${runId}.${++counter}`;
      sent.push({ path: req.url!, authorization: req.headers.authorization, to: body.to, type: body.type, waMessageId, raw: body, ...readable(body) });
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: waMessageId }] }));
    });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    to: (number: string) => sent.filter((m) => m.to === number.replace(/[^0-9]/g, "")),
    /** the next `count` messages are answered 503, as the Cloud API does when it is briefly unavailable */
    failNext: (count: number) => {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// What Meta posts to the webhook, and its signature.

/** A Turkish mobile number in wa_id form no other test uses (905xx…, 12 digits). */
export const randomWaNumber = () => `9059${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

let inboundCounter = 0;
export const nextWaMessageId = () => `wamid.in.${Date.now().toString(36)}.${++inboundCounter}`;

type Inbound = { from: string; id?: string; at?: Date } & ({ text: string } | { buttonId: string; title?: string } | { templateButton: string });

const unixSeconds = (at: Date | undefined) => String(Math.floor((at ?? new Date()).getTime() / 1000));

/** The envelope of every webhook call: one entry of the business account, one "messages" change with `value`. */
function webhookEnvelope(value: Record<string, unknown>) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [
          {
            field: "messages",
            value: { messaging_product: "whatsapp", metadata: { display_phone_number: "908500000000", phone_number_id: "1098765" }, ...value },
          },
        ],
      },
    ],
  };
}

export function inboundPayload(...messages: Inbound[]) {
  return webhookEnvelope({
    contacts: messages.map((m) => ({ profile: { name: "Avukat" }, wa_id: m.from })),
    messages: messages.map((m) => {
      const base = { from: m.from, id: m.id ?? nextWaMessageId(), timestamp: unixSeconds(m.at) };
      if ("text" in m) return { ...base, type: "text", text: { body: m.text } };
      if ("buttonId" in m) return { ...base, type: "interactive", interactive: { type: "button_reply", button_reply: { id: m.buttonId, title: m.title ?? "" } } };
      return { ...base, type: "button", button: { payload: m.templateButton, text: "" } };
    }),
  });
}

export function statusPayload(statuses: { id: string; status: "sent" | "delivered" | "read" | "failed"; at?: Date; errorCode?: number }[]) {
  return webhookEnvelope({
    statuses: statuses.map((s) => ({
      id: s.id,
      status: s.status,
      timestamp: unixSeconds(s.at),
      recipient_id: "905321234567",
      ...(s.errorCode ? { errors: [{ code: s.errorCode, title: "Message undeliverable" }] } : {}),
    })),
  });
}

/** A webhook POST as Meta sends it: the raw JSON body signed with the app secret. */
export function signedWebhookRequest(payload: unknown, appSecret: string, options: { signature?: string } = {}): Request {
  const raw = JSON.stringify(payload);
  const signature = options.signature ?? `sha256=${createHmac("sha256", appSecret).update(raw).digest("hex")}`;
  return new Request("http://localhost:3000/api/whatsapp/webhook", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature },
    body: raw,
  });
}
