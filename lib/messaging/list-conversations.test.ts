import { describe, expect, it } from "vitest";
import { deleteRedisPrefix } from "@/test/redis-cleanup";
import { actorOf } from "@/test/factories";
import { listConversations, conversationSummary, CONVERSATION_PAGE_SIZE } from "@/lib/messaging/list-conversations";
import { markConversationRead } from "@/lib/messaging/mark-conversation-read";
import { openConversation } from "@/lib/messaging/open-conversation";
import { sendMessage } from "@/lib/messaging/send-message";
import { pairWithConversation, userWithSession } from "@/test/socket-test-client";
import { redisKey } from "@/lib/redis";

let sequence = 0;
const send = (user: { id: string } & Parameters<typeof actorOf>[0], conversationId: string, body: string) =>
  sendMessage(actorOf(user), { conversationId, clientId: `list-test-${Date.now()}-${sequence++}`, body });

describe("unread counts kept on the membership", () => {
  it("grow with the peer's messages, restart at a read and at one's own reply, and survive concurrent sends", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const total = async (user: { id: string }) => (await conversationSummary(user.id)).unreadTotal;
    const sent = [];
    for (const body of ["Bir", "İki", "Üç"]) sent.push((await send(a, conversationId, body)).message);
    expect(await total(b)).toBe(3);

    await markConversationRead(actorOf(b), { conversationId, lastReadMessageId: sent[1].id });
    expect(await total(b)).toBe(1);

    // B answers: B has read everything before its own message, A now has one unread
    await send(b, conversationId, "Cevap");
    expect(await total(b)).toBe(0);
    expect(await total(a)).toBe(1);

    // both sides at once (the sends may share one batched statement): each sees the other's messages
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => send(a, conversationId, `A${i}`)),
      ...Array.from({ length: 5 }, (_, i) => send(b, conversationId, `B${i}`)),
    ]);
    const { conversations } = await conversationSummary(b.id);
    const history = await import("@/lib/db").then(({ db }) =>
      db.message.findMany({ where: { conversationId }, orderBy: { id: "asc" }, select: { id: true, senderId: true } }),
    );
    const unreadFor = (userId: string) => {
      const lastOwn = history.filter((m) => m.senderId === userId).at(-1)!.id;
      return history.filter((m) => m.senderId !== userId && m.id > lastOwn).length;
    };
    expect(await total(a)).toBe(unreadFor(a.id));
    expect(await total(b)).toBe(unreadFor(b.id));
    expect(conversations[0].unread).toBe(unreadFor(b.id));
  });
});

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
