import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetRateLimit } from "@/test/reset-message-rate-limit";
import type { MessagePayload } from "@/lib/messaging/message-payload";
import { unreadSnapshot } from "@/lib/messaging/list-conversations";
import { MAX_SOCKETS_PER_USER } from "@/lib/realtime/socket-server";
import { decideVerification } from "@/lib/users/verification-decisions";
import { actorOf, createTestUser } from "@/test/factories";
import {
  connectAs,
  pairWithConversation,
  record,
  request,
  socketServerForFile,
  until,
  userWithSession,
} from "@/test/socket-test-client";

const server = socketServerForFile();

const storedCount = (conversationId: string) => db.message.count({ where: { conversationId } });
const clientId = (label: string) => `test-${label}-${Math.random().toString(36).slice(2, 10)}`;

describe("message:send", () => {
  it("acks the committed message and delivers it once to the peer and to the sender's other tabs, not again to the sending tab", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const [aTab1, aTab2, bTab] = await Promise.all([connectAs(server.url, a), connectAs(server.url, a), connectAs(server.url, b)]);
    const seenByB = record<MessagePayload>(bTab, "message:new");
    const seenByOtherTab = record<MessagePayload>(aTab2, "message:new");
    const seenBySendingTab = record<MessagePayload>(aTab1, "message:new");

    const ack = await request(aTab1, "message:send", { conversationId, clientId: clientId("one"), body: "  Merhaba, duruşma saat 10:00'da.  " });
    expect(ack.ok).toBe(true);
    const message = (ack as { message: MessagePayload }).message;
    expect(message).toMatchObject({ conversationId, senderId: a.id, body: "Merhaba, duruşma saat 10:00'da.", attachment: null });
    expect(typeof message.id).toBe("number");
    expect(new Date(message.createdAt).toISOString()).toBe(message.createdAt);

    const stored = await db.message.findUniqueOrThrow({ where: { id: BigInt(message.id) } });
    expect(stored.body).toBe(message.body);
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(Number(conversation.lastMessageId)).toBe(message.id);

    await until(() => seenByB.length === 1 && seenByOtherTab.length === 1, 5_000, "delivery to both members");
    await new Promise((r) => setTimeout(r, 200));
    expect(seenByB).toEqual([message]);
    expect(seenByOtherTab).toEqual([message]);
    expect(seenBySendingTab).toEqual([]);
  });

  it("stores a retried clientId once and acks the stored message, also when the retries race", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const [aSocket, bSocket] = await Promise.all([connectAs(server.url, a), connectAs(server.url, b)]);
    const seenByB = record<MessagePayload>(bSocket, "message:new");
    const payload = { conversationId, clientId: clientId("retry"), body: "Tekrar gönderilen mesaj" };

    const first = (await request(aSocket, "message:send", payload)) as { ok: true; message: MessagePayload };
    const second = (await request(aSocket, "message:send", payload)) as { ok: true; message: MessagePayload };
    expect(second.message).toEqual(first.message);

    const racing = { ...payload, clientId: clientId("race") };
    const acks = (await Promise.all(Array.from({ length: 5 }, () => request(aSocket, "message:send", racing)))) as { ok: true; message: MessagePayload }[];
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(new Set(acks.map((ack) => ack.message.id)).size).toBe(1);

    expect(await storedCount(conversationId)).toBe(2);
    await until(() => seenByB.length >= 2, 5_000, "two deliveries");
    await new Promise((r) => setTimeout(r, 300));
    expect(seenByB.map((m) => m.clientId)).toEqual([payload.clientId, racing.clientId]);
  });

  it("gives ids that grow in commit order within a conversation when both members send at once", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const [aSocket, bSocket] = await Promise.all([connectAs(server.url, a), connectAs(server.url, b)]);
    const acks = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        request(i % 2 ? aSocket : bSocket, "message:send", { conversationId, clientId: clientId(`o${i}`), body: `mesaj ${i}` }),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const ids = acks.map((ack) => (ack as { message: MessagePayload }).message.id);
    expect(new Set(ids).size).toBe(16);

    const history = await db.message.findMany({ where: { conversationId }, orderBy: { id: "asc" }, select: { id: true, createdAt: true } });
    expect(history.map((m) => Number(m.id))).toEqual([...ids].sort((x, y) => x - y));
    // commit order: a later id never has an earlier timestamp
    for (let i = 1; i < history.length; i++) expect(history[i].createdAt.getTime()).toBeGreaterThanOrEqual(history[i - 1].createdAt.getTime());
  });

  it("refuses non-members with FORBIDDEN on every event and stores nothing", async () => {
    const { conversationId } = await pairWithConversation();
    const outsider = await userWithSession();
    const socket = await connectAs(server.url, outsider);

    const attempts = [
      request(socket, "message:send", { conversationId, clientId: clientId("x"), body: "Merhaba" }),
      request(socket, "conversation:read", { conversationId, lastReadMessageId: 1 }),
      request(socket, "typing", { conversationId, typing: true }),
      request(socket, "sync", { after: { [conversationId]: 0 } }),
    ];
    for (const ack of await Promise.all(attempts)) {
      expect(ack).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Bu konuşmanın üyesi değilsiniz." } });
    }
    expect(await storedCount(conversationId)).toBe(0);

    expect(await request(socket, "message:send", { conversationId: "yok-boyle-bir-konusma", clientId: clientId("y"), body: "Merhaba" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });

  it("refuses an unverified lawyer", async () => {
    const { conversationId, b } = await pairWithConversation();
    const pending = await userWithSession({ verification: "PENDING" });
    const socket = await connectAs(server.url, pending);
    const send = await request(socket, "message:send", { conversationId, clientId: clientId("u"), body: "Merhaba" });
    expect(send).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringContaining("doğrulanmadı") } });
    const open = await request(socket, "conversation:open", { peerId: b.id });
    expect(open).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("tells a lawyer's tabs about a verification decision; reconnected, they may message at once", async () => {
    const pending = await userWithSession({ verification: "PENDING" });
    const [peer, admin] = await Promise.all([userWithSession(), createTestUser({ role: "ADMIN" })]);
    const socket = await connectAs(server.url, pending, { reconnection: true });
    expect(await request(socket, "conversation:open", { peerId: peer.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const changes = record<{ verification: string }>(socket, "account:changed");
    await decideVerification(actorOf(admin), { userId: pending.id, decision: "VERIFY" });
    await until(() => changes.length === 1, 5_000, "account:changed");
    expect(changes[0]).toEqual({ verification: "VERIFIED" });
    // what the browser does on account:changed (components/realtime/socket-provider.tsx)
    await new Promise<void>((resolve) => {
      socket.once("connect", () => resolve());
      socket.disconnect().connect();
    });
    expect(await request(socket, "conversation:open", { peerId: peer.id })).toMatchObject({ ok: true, conversation: { peer: { id: peer.id } } });
  });

  it("answers malformed payloads with VALIDATION in Turkish and stores nothing", async () => {
    const { a, conversationId } = await pairWithConversation();
    const socket = await connectAs(server.url, a);
    const cases: [unknown, string][] = [
      [{ conversationId, clientId: clientId("v"), body: "   " }, "Boş mesaj gönderilemez."],
      [{ conversationId, clientId: clientId("v"), body: "x".repeat(4001) }, "Mesaj en fazla 4000 karakter olabilir."],
      [{ conversationId, body: "Merhaba" }, "İstemci mesaj kimliği gerekli."],
      [{ conversationId, clientId: "kısa", body: "Merhaba" }, "İstemci mesaj kimliği 8–64 harf, rakam, - veya _ olmalı."],
      [{ clientId: clientId("v"), body: "Merhaba" }, "Konuşma gerekli."],
      ["bozuk", ""],
      [null, ""],
    ];
    for (const [payload, fieldMessage] of cases) {
      const ack = await request(socket, "message:send", payload);
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
      if (fieldMessage) expect(JSON.stringify(ack)).toContain("Lütfen işaretli alanları düzeltin.");
    }
    expect(await storedCount(conversationId)).toBe(0);

    const longest = await request(socket, "message:send", { conversationId, clientId: clientId("max"), body: ` ${"ş".repeat(4000)} ` });
    expect(longest.ok).toBe(true);
    expect(await request(socket, "conversation:read", { conversationId, lastReadMessageId: -1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await request(socket, "sync", { after: { [conversationId]: "12" } })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await request(socket, "typing", { conversationId })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("refuses NUL, bidi controls, lone surrogates and invisible-only text with VALIDATION, and another user's sends meanwhile all succeed", async () => {
    const bad = await pairWithConversation();
    const good = await pairWithConversation();
    const [badSocket, goodSocket] = await Promise.all([connectAs(server.url, bad.a), connectAs(server.url, good.a)]);
    const bodies = ["a\u0000b", "fatura\u202Efdp.exe", "yarım \uD83D", "\u200B\u200B\u2060", "merhaba\u2066gizli\u2069"];
    // both users' sends in the same moments, so they share the batched insert
    const [badAcks, goodAcks] = await Promise.all([
      Promise.all(bodies.map((body, i) => request(badSocket, "message:send", { conversationId: bad.conversationId, clientId: clientId(`bad${i}`), body }))),
      Promise.all(Array.from({ length: 10 }, (_, i) => request(goodSocket, "message:send", { conversationId: good.conversationId, clientId: clientId(`good${i}`), body: `Duruşma notu ${i}` }))),
    ]);
    for (const ack of badAcks) expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/karakter/) } });
    expect(goodAcks.every((ack) => ack.ok)).toBe(true);
    expect(await storedCount(bad.conversationId)).toBe(0);
    expect(await storedCount(good.conversationId)).toBe(10);
  });

  it("answers a burst over the message policy with RATE_LIMITED, storing exactly the accepted messages", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const [aSocket, bSocket] = await Promise.all([connectAs(server.url, a), connectAs(server.url, b)]);
    const seenByB = record<MessagePayload>(bSocket, "message:new");
    const payloads = Array.from({ length: 30 }, (_, i) => ({ conversationId, clientId: clientId(`burst${i}`), body: `ileti ${i}` }));
    const acks = await Promise.all(payloads.map((p) => request(aSocket, "message:send", p)));

    const accepted = acks.filter((ack) => ack.ok) as { message: MessagePayload }[];
    const limited = acks.filter((ack) => !ack.ok);
    expect(accepted.length).toBeGreaterThanOrEqual(20);
    expect(accepted.length).toBeLessThan(30);
    for (const ack of limited) expect(ack).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", message: expect.stringContaining("tekrar deneyin") } });

    const stored = await db.message.findMany({ where: { conversationId }, select: { clientId: true } });
    expect(stored.map((m) => m.clientId).sort()).toEqual(accepted.map((ack) => ack.message.clientId).sort());
    await until(() => seenByB.length === accepted.length, 5_000, "deliveries of accepted messages");

    // a retry of a stored message is answered even while the sender is out of allowance
    const retry = await request(aSocket, "message:send", payloads[acks.findIndex((ack) => ack.ok)]);
    expect(retry.ok).toBe(true);
    await resetRateLimit(a.id);
  });
});

describe("limits on every other event", () => {
  it("answers bursts of typing, presence:get and sync with RATE_LIMITED, and caps sockets per lawyer", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const socket = await connectAs(server.url, a);
    const burst = async (event: string, payload: unknown, count: number) => {
      const acks = await Promise.all(Array.from({ length: count }, () => request(socket, event, payload)));
      return { ok: acks.filter((ack) => ack.ok).length, limited: acks.filter((ack) => ack.error?.code === "RATE_LIMITED").length };
    };
    const typing = await burst("typing", { conversationId, typing: true }, 60);
    expect(typing.ok).toBeGreaterThanOrEqual(20);
    expect(typing.limited).toBeGreaterThan(0);
    const presence = await burst("presence:get", { userIds: [b.id] }, 60);
    expect(presence.limited).toBeGreaterThan(0);
    const sync = await burst("sync", { after: { [conversationId]: 0 } }, 40);
    expect(sync.ok).toBeGreaterThanOrEqual(15);
    expect(sync.ok).toBeLessThan(40);

    const more = await Promise.allSettled(Array.from({ length: MAX_SOCKETS_PER_USER + 5 }, () => connectAs(server.url, a)));
    const refused = more.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(more.length - refused.length).toBe(MAX_SOCKETS_PER_USER - 1);
    expect((refused[0].reason as { data?: { code: string } }).data?.code).toBe("RATE_LIMITED");
  });
});

describe("sync", () => {
  it("returns exactly what an offline member missed, in order", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const aSocket = await connectAs(server.url, a);
    let bSocket = await connectAs(server.url, b);
    const before = (await request(aSocket, "message:send", { conversationId, clientId: clientId("seen"), body: "görüldü" })) as { message: MessagePayload };
    await until(() => true);
    bSocket.disconnect();

    const sent: MessagePayload[] = [];
    for (let i = 1; i <= 5; i++) {
      const ack = (await request(aSocket, "message:send", { conversationId, clientId: clientId(`off${i}`), body: `çevrimdışıyken ${i}` })) as { message: MessagePayload };
      sent.push(ack.message);
    }

    bSocket = await connectAs(server.url, b);
    const sync = (await request(bSocket, "sync", { after: { [conversationId]: before.message.id } })) as { ok: true; messages: MessagePayload[]; more: string[] };
    expect(sync.ok).toBe(true);
    expect(sync.messages).toEqual(sent);
    expect(sync.more).toEqual([]);
    expect((await request(bSocket, "sync", { after: {} })) as object).toEqual({ ok: true, messages: [], more: [] });
  });
});

describe("conversation:open, conversation:read, typing, presence", () => {
  it("opens a conversation once per pair and job, from either side", async () => {
    const [a, b] = await Promise.all([userWithSession(), userWithSession()]);
    const [aSocket, bSocket] = await Promise.all([connectAs(server.url, a), connectAs(server.url, b)]);
    const [first, second] = (await Promise.all([
      request(aSocket, "conversation:open", { peerId: b.id }),
      request(bSocket, "conversation:open", { peerId: a.id }),
    ])) as { ok: true; conversation: { id: string; peer: { id: string } } }[];
    expect(first.ok && second.ok).toBe(true);
    expect(first.conversation.id).toBe(second.conversation.id);
    expect(first.conversation.peer.id).toBe(b.id);
    expect(second.conversation.peer.id).toBe(a.id);
    expect(await request(aSocket, "conversation:open", { peerId: a.id })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await request(aSocket, "conversation:open", { peerId: "kimse" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("sends read receipts to both members and never moves the read position back", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const [aSocket, bSocket, bOtherTab] = await Promise.all([connectAs(server.url, a), connectAs(server.url, b), connectAs(server.url, b)]);
    const receiptsForA = record(aSocket, "conversation:read");
    const unreadForB = record<{ total: number; version: number }>(bOtherTab, "unread");
    const newForB = record<MessagePayload>(bOtherTab, "message:new");
    await until(() => unreadForB.length === 1, 5_000, "unread total on connect for B");
    expect(unreadForB[0].total).toBe(0);
    const sent = (await request(aSocket, "message:send", { conversationId, clientId: clientId("r"), body: "Okudun mu?" })) as { message: MessagePayload };
    await until(() => newForB.length === 1, 5_000, "the message in B's other tab");
    expect((await unreadSnapshot(b.id)).total).toBe(1);
    // the tab counts message:new itself: no total per message
    expect(unreadForB).toHaveLength(1);

    expect(await request(bSocket, "conversation:read", { conversationId, lastReadMessageId: sent.message.id + 1000 })).toEqual({
      ok: true,
      lastReadMessageId: sent.message.id,
    });
    await until(() => receiptsForA.length === 1, 5_000, "read receipt for A");
    expect(receiptsForA[0]).toEqual({ conversationId, userId: b.id, lastReadMessageId: sent.message.id });
    await until(() => unreadForB.at(-1)?.total === 0, 5_000, "unread total 0 for B");

    expect(await request(bSocket, "conversation:read", { conversationId, lastReadMessageId: 0 })).toEqual({ ok: true, lastReadMessageId: sent.message.id });
    await new Promise((r) => setTimeout(r, 200));
    expect(receiptsForA).toHaveLength(1);
  });

  it("relays typing to the other member only", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const [aSocket, aOther, bSocket] = await Promise.all([connectAs(server.url, a), connectAs(server.url, a), connectAs(server.url, b)]);
    const typingForB = record(bSocket, "typing");
    const typingForA = record(aOther, "typing");
    expect(await request(aSocket, "typing", { conversationId, typing: true })).toEqual({ ok: true });
    await until(() => typingForB.length === 1, 5_000, "typing for B");
    expect(typingForB[0]).toEqual({ conversationId, userId: a.id, typing: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(typingForA).toEqual([]);
  });

  it("announces presence only to users who share a conversation, and answers presence:get", async () => {
    const { a, b } = await pairWithConversation();
    const stranger = await userWithSession();
    const [aSocket, strangerSocket] = await Promise.all([connectAs(server.url, a), connectAs(server.url, stranger)]);
    const presenceForA = record<{ userId: string; online: boolean }>(aSocket, "presence");
    const presenceForStranger = record<{ userId: string; online: boolean }>(strangerSocket, "presence");

    const bSocket = await connectAs(server.url, b);
    await until(() => presenceForA.some((p) => p.userId === b.id && p.online), 5_000, "B online for A");
    expect(await request(aSocket, "presence:get", { userIds: [b.id, stranger.id] })).toMatchObject({
      ok: true,
      online: { [b.id]: true, [stranger.id]: false },
    });
    // a stranger learns nothing, not even by asking
    expect(await request(strangerSocket, "presence:get", { userIds: [b.id] })).toMatchObject({ ok: true, online: { [b.id]: false } });

    bSocket.disconnect();
    await until(() => presenceForA.some((p) => p.userId === b.id && !p.online), 12_000, "B offline for A");
    expect(presenceForStranger.filter((p) => p.userId === b.id)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: b.id } })).lastSeenAt).not.toBeNull();
  }, 20_000);

  it("keeps a user who hides their presence offline for everyone", async () => {
    const { a, b } = await pairWithConversation();
    await db.user.update({ where: { id: b.id }, data: { showPresence: false } });
    const aSocket = await connectAs(server.url, a);
    const presenceForA = record(aSocket, "presence");
    await connectAs(server.url, b);
    await new Promise((r) => setTimeout(r, 500));
    expect(presenceForA).toEqual([]);
    expect(await request(aSocket, "presence:get", { userIds: [b.id] })).toMatchObject({ ok: true, online: { [b.id]: false } });
  });
});
