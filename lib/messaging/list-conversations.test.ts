import { describe, expect, it } from "vitest";
import { deleteRedisPrefix } from "@/test/redis-cleanup";
import { actorOf } from "@/test/factories";
import { listConversations, conversationSummary, CONVERSATION_PAGE_SIZE } from "@/lib/messaging/list-conversations";
import { markConversationRead } from "@/lib/messaging/mark-conversation-read";
import { openConversation } from "@/lib/messaging/open-conversation";
import { sendMessage } from "@/lib/messaging/send-message";
import { pairWithConversation, userWithSession } from "@/lib/messaging/socket-test-client";
import { redisKey } from "@/lib/redis";

let sequence = 0;
const send = (user: { id: string } & Parameters<typeof actorOf>[0], conversationId: string, body: string) =>
  sendMessage(actorOf(user), { conversationId, clientId: `list-test-${Date.now()}-${sequence++}`, body });

describe("conversation list cache", () => {
  it("is invalidated by new messages and reads, and answers the same with Redis flushed", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const empty = await conversationSummary(b.id);
    expect(empty.conversations).toEqual([]);
    expect(empty.unreadTotal).toBe(0);

    await send(a, conversationId, "Birinci");
    const { message } = await send(a, conversationId, "İkinci mesaj");
    const afterSend = await conversationSummary(b.id);
    expect(afterSend.unreadTotal).toBe(2);
    expect(afterSend.conversations).toMatchObject([
      { id: conversationId, peer: { id: a.id }, unread: 2, lastMessage: { id: message.id, preview: "İkinci mesaj", senderId: a.id } },
    ]);
    expect(afterSend.version).toBeGreaterThan(empty.version);
    // the sender's own messages are never unread for them
    expect((await conversationSummary(a.id)).unreadTotal).toBe(0);

    await markConversationRead(actorOf(b), { conversationId, lastReadMessageId: message.id });
    const afterRead = await conversationSummary(b.id);
    expect(afterRead.unreadTotal).toBe(0);
    expect(afterRead.conversations[0].unread).toBe(0);

    await send(a, conversationId, "Üçüncü");
    const cached = await conversationSummary(b.id);
    await deleteRedisPrefix(process.env.REDIS_URL!, redisKey("msg"));
    const recomputed = await conversationSummary(b.id);
    expect({ ...recomputed, version: 0 }).toEqual({ ...cached, version: 0 });
    expect(recomputed.unreadTotal).toBe(1);
  });

  it("orders by last message and pages older conversations by cursor", async () => {
    const me = await userWithSession();
    const peers = await Promise.all(Array.from({ length: CONVERSATION_PAGE_SIZE + 2 }, () => userWithSession()));
    for (const [i, peer] of peers.entries()) {
      const { conversation } = await openConversation(actorOf(me), { peerId: peer.id });
      await send(peer, conversation.id, `Merhaba ${i}`);
    }
    const first = await listConversations(actorOf(me));
    expect(first.conversations).toHaveLength(CONVERSATION_PAGE_SIZE);
    expect(first.conversations[0].peer.id).toBe(peers.at(-1)!.id);
    expect(first.unreadTotal).toBe(CONVERSATION_PAGE_SIZE + 2);
    const second = await listConversations(actorOf(me), { cursor: first.nextCursor });
    expect(second.conversations.map((c) => c.peer.id)).toEqual([peers[1].id, peers[0].id]);
    expect(second.nextCursor).toBeNull();
    await expect(listConversations(actorOf(me), { cursor: "bozuk" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
