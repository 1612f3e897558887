import { io, type Socket } from "socket.io-client";
import { DEMO_PASSWORD } from "@/e2e/support/fixtures";
import type { MessagePayload } from "@/lib/messaging/message-payload";

// What the fault specs share: two demo lawyers logged in over HTTP, clients that follow docs/realtime.md and
// nothing more, and a sender that retries each message by its clientId until it is acknowledged.

/** A session cookie from the login endpoint of the app under test. */
export async function logInOverHttp(baseUrl: string, email: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`login of ${email} failed: ${response.status}`);
  return session.split(";")[0];
}

/** The viewer `/api/me` answers for a cookie (null when logged out, or when the answer is not a 200). */
export async function viewerOf(baseUrl: string, cookie: string): Promise<{ id: string } | null> {
  const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie } });
  return response.ok ? ((await response.json()) as { viewer: { id: string } | null }).viewer : null;
}

export type DocsClient = ReturnType<typeof docsClient>;

/** A client that does exactly what docs/realtime.md asks: sync on every connect, keep messages by id. */
export function docsClient(url: string, cookie: string, conversationId: () => string | null) {
  const socket: Socket = io(url, { transports: ["websocket"], extraHeaders: { cookie }, reconnectionDelay: 200, reconnectionDelayMax: 1_000 });
  const received = new Map<number, MessagePayload>();
  let connects = 0;
  const keep = (m: MessagePayload) => {
    if (m.conversationId === conversationId()) received.set(m.id, m);
  };
  const newest = () => Math.max(0, ...received.keys());
  socket.on("message:new", keep);
  socket.on("connect", () => {
    connects++;
    const id = conversationId();
    if (!id) return;
    socket
      .timeout(5_000)
      .emitWithAck("sync", { after: { [id]: newest() } })
      .then((ack: { ok: boolean; messages?: MessagePayload[] }) => ack.ok && ack.messages?.forEach(keep))
      .catch(() => undefined);
  });
  return { socket, received, connects: () => connects };
}

/** One send attempt's outcome and when it came back, so a test can tell what happened during an outage. */
export type Attempt = { at: number; acked: boolean };

/**
 * ayse writes to mehmet every 100 ms; each message is retried with its clientId until acknowledged, so the
 * conversation moves on only after an ack. `resetSendLimit` runs before each attempt (the send limit is not
 * under test). Stop it with `stop()`, which lets the message in flight be acknowledged first.
 */
export async function startLiveConversation(appUrl: string, options: { tag: string; resetSendLimit: () => Promise<unknown> }) {
  const cookies = { sender: await logInOverHttp(appUrl, "ayse@example.com"), receiver: await logInOverHttp(appUrl, "mehmet@example.com") };
  let conversationId: string | null = null;
  const sender = docsClient(appUrl, cookies.sender, () => conversationId);
  const receiver = docsClient(appUrl, cookies.receiver, () => conversationId);
  const deadline = Date.now() + 10_000;
  while (!(sender.socket.connected && receiver.socket.connected)) {
    if (Date.now() > deadline) throw new Error("the clients did not connect");
    await new Promise((r) => setTimeout(r, 50));
  }
  const peer = await viewerOf(appUrl, cookies.receiver);
  const opened = (await sender.socket.timeout(5_000).emitWithAck("conversation:open", { peerId: peer!.id })) as { ok: boolean; conversation: { id: string } };
  conversationId = opened.conversation.id;

  const acked = new Map<string, number>();
  const attempts: Attempt[] = [];
  let sending = true;
  const loop = (async () => {
    for (let i = 0; sending; i++) {
      const clientId = `${options.tag}-${String(i).padStart(4, "0")}`;
      while (sending || !acked.has(clientId)) {
        await options.resetSendLimit().catch(() => undefined);
        const ack = sender.socket.connected
          ? ((await sender.socket.timeout(2_000).emitWithAck("message:send", { conversationId, clientId, body: `Mesaj ${i}` }).catch(() => null)) as { ok: boolean; message?: MessagePayload } | null)
          : null;
        attempts.push({ at: Date.now(), acked: !!ack?.ok });
        if (ack?.ok && ack.message) {
          acked.set(clientId, ack.message.id);
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  return {
    cookies,
    sender,
    receiver,
    acked,
    attempts,
    async stop(): Promise<void> {
      sending = false;
      await loop;
    },
    /** Waits up to `ms` for every acknowledged message at the receiver; then what is missing and stored twice. */
    async delivery(ms = 20_000): Promise<{ lost: number[]; duplicated: number }> {
      const missing = () => [...acked.values()].filter((id) => !receiver.received.has(id));
      const until = Date.now() + ms;
      while (missing().length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      const storedClientIds = [...receiver.received.values()].map((m) => m.clientId);
      return { lost: missing(), duplicated: storedClientIds.length - new Set(storedClientIds).size };
    },
    close(): void {
      sender.socket.close();
      receiver.socket.close();
    },
  };
}
