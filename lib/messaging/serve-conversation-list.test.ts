import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { CONVERSATION_LIST_PATH, type ConversationListAnswer } from "@/lib/messaging/conversation-list-endpoint";
import { serveConversationList } from "@/lib/messaging/serve-conversation-list";
import { sendMessage } from "@/lib/messaging/send-message";
import { openConversation } from "@/lib/messaging/open-conversation";
import { actorOf } from "@/test/factories";
import { pairWithConversation, userWithSession, type TestUser } from "@/test/socket-test-client";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => void serveConversationList(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CONVERSATION_LIST_PATH}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const listOf = async (user: Pick<TestUser, "token"> | null) => {
  const response = await fetch(base, { headers: user ? { cookie: `${sessionCookieName()}=${user.token}` } : {} });
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: (await response.json()) as ConversationListAnswer & { error?: { code: string } } };
};

let sequence = 0;
const send = (user: TestUser, conversationId: string, body: string) =>
  sendMessage(actorOf(user), { conversationId, clientId: `serve-list-${Date.now()}-${sequence++}`, body });

describe("GET /api/konusmalar", () => {
  it("answers each lawyer with their own conversations, never stored by anyone, and a new one at the next ask", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const outsider = await userWithSession();
    await send(a, conversationId, "Yarınki duruşma için vekalet hazır.");

    const forB = await listOf(b);
    expect(forB.status).toBe(200);
    expect(forB.cacheControl).toBe("private, no-store");
    expect(forB.body.conversations.map((c) => c.id)).toEqual([conversationId]);
    expect(forB.body.conversations[0].peer.id).toBe(a.id);
    expect(forB.body.conversations[0].unread).toBe(1);
    expect(forB.body.unreadTotal).toBe(1);
    // someone else's cookie gets their own (empty) list, not B's
    expect((await listOf(outsider)).body.conversations).toEqual([]);

    // a conversation opened since, with a message in it: on the outsider's list at the next ask
    const { conversation } = await openConversation(actorOf(a), { peerId: outsider.id });
    await send(a, conversation.id, "Keşif için müsait misiniz?");
    const next = await listOf(outsider);
    expect(next.body.conversations.map((c) => c.id)).toEqual([conversation.id]);
    expect(next.body.conversations[0].lastMessage.preview).toBe("Keşif için müsait misiniz?");
  });

  it("refuses a visitor and a lawyer whose account is not verified yet, in Turkish", async () => {
    const visitor = await listOf(null);
    expect(visitor.status).toBe(401);
    expect(visitor.body.error?.code).toBe("UNAUTHENTICATED");
    const pending = await listOf(await userWithSession({ verification: "PENDING" }));
    expect(pending.status).toBe(403);
    expect(pending.body.error?.code).toBe("FORBIDDEN");
    expect(await listOf({ token: "bilinmeyen-oturum" }).then((r) => r.status)).toBe(401);
  });
});
