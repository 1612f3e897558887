import { describe, expect, it, vi } from "vitest";
import { pairWithConversation, userWithSession } from "@/test/socket-test-client";
import { getRedis, redisKey } from "@/lib/redis";
import { db } from "@/lib/db";
import { actorOf } from "@/test/factories";

// a fresh module each time: its in-process cache starts empty, as after a restart
async function freshMembership() {
  vi.resetModules();
  return import("@/lib/messaging/membership");
}

describe("conversation membership on cold caches", () => {
  it("answers many conversations looked up at once, each with its own members, from PostgreSQL and then Redis", async () => {
    const pairs = await Promise.all(Array.from({ length: 12 }, () => pairWithConversation()));
    const outsider = await userWithSession();
    const missing = "c" + "x".repeat(24);

    const cold = await freshMembership();
    // both members of every conversation at once, as the first sends after a restart arrive
    const lookups = pairs.flatMap(({ a, b, conversationId }) => [
      cold.requireMembership(actorOf(a), conversationId),
      cold.requireMembership(actorOf(b), conversationId),
    ]);
    const answers = await Promise.all(lookups);
    pairs.forEach(({ a, b }, i) => {
      expect(answers[2 * i].sort()).toEqual([a.id, b.id].sort());
      expect(answers[2 * i + 1].sort()).toEqual([a.id, b.id].sort());
    });
    await expect(cold.requireMembership(actorOf(outsider), pairs[0].conversationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cold.conversationMembers(missing)).resolves.toBeNull();

    // what PostgreSQL answered is in Redis for the other instances
    const cached = await getRedis().smembers(redisKey("msg", "members", pairs[3].conversationId));
    expect(cached.sort()).toEqual([pairs[3].a.id, pairs[3].b.id].sort());

    const restarted = await freshMembership();
    const again = await Promise.all([...pairs.map(({ conversationId }) => restarted.conversationMembers(conversationId)), restarted.conversationMembers(missing)]);
    expect(again.slice(0, -1).map((ids) => ids?.sort())).toEqual(pairs.map(({ a, b }) => [a.id, b.id].sort()));
    expect(again.at(-1)).toBeNull();
  });

  it("a send to a conversation not cached yet is stored for a member, who then has it cached, and refused for anyone else", async () => {
    const [closed, { a, b, conversationId }] = await Promise.all([pairWithConversation(), pairWithConversation()]);
    const outsider = await userWithSession();
    const stored = (id: string) => db.message.count({ where: { conversationId: id } });

    vi.resetModules();
    const { sendMessage } = await import("@/lib/messaging/send-message");
    const { cachedMembership } = await import("@/lib/messaging/membership");
    // the INSERT checks an uncached sender: an outsider is refused as before, and nothing is stored
    await expect(sendMessage(actorOf(outsider), { conversationId: closed.conversationId, clientId: "disarida-1", body: "Merhaba" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(sendMessage(actorOf(outsider), { conversationId: "c" + "y".repeat(24), clientId: "disarida-2", body: "Merhaba" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await stored(closed.conversationId)).toBe(0);

    expect(cachedMembership(actorOf(a), conversationId)).toBeUndefined();
    const { message } = await sendMessage(actorOf(a), { conversationId, clientId: "uye-ilk-mesaj", body: "Yarınki duruşma için" });
    expect(message).toMatchObject({ conversationId, senderId: a.id, body: "Yarınki duruşma için" });
    expect(await stored(conversationId)).toBe(1);
    // the members came back with the row: cached for both, still closed to the outsider
    expect(cachedMembership(actorOf(b), conversationId)?.sort()).toEqual([a.id, b.id].sort());
    expect(() => cachedMembership(actorOf(outsider), conversationId)).toThrow("Bu konuşmanın üyesi değilsiniz.");
    // the same clientId again is the stored message, not a second row
    const retried = await sendMessage(actorOf(a), { conversationId, clientId: "uye-ilk-mesaj", body: "Yarınki duruşma için" });
    expect(retried.message.id).toBe(message.id);
    expect(await stored(conversationId)).toBe(1);
  });
});
