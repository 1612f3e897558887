import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HISTORY_PAGE_SIZE, listMessages } from "@/lib/messaging/list-messages";
import { pairWithConversation, userWithSession } from "@/test/socket-test-client";
import { actorOf } from "@/test/factories";

describe("listMessages", () => {
  it("pages history from the newest backwards by id, each page oldest first", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const total = HISTORY_PAGE_SIZE * 2 + 5;
    // written directly: the rate limit is not what this test is about
    await db.message.createMany({
      data: Array.from({ length: total }, (_, i) => ({ conversationId, senderId: i % 2 ? a.id : b.id, clientId: `hist-${conversationId}-${i}`, body: `ileti ${i}` })),
    });

    const pages: string[][] = [];
    let before: number | undefined;
    for (;;) {
      const page = await listMessages(actorOf(b), { conversationId, ...(before !== undefined ? { before } : {}) });
      pages.push(page.messages.map((m) => m.body));
      const ids = page.messages.map((m) => m.id);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      if (!page.hasOlder) break;
      before = ids[0];
    }
    expect(pages.map((p) => p.length)).toEqual([HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE, 5]);
    expect(pages.reverse().flat()).toEqual(Array.from({ length: total }, (_, i) => `ileti ${i}`));

    const outsider = await userWithSession();
    await expect(listMessages(actorOf(outsider), { conversationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listMessages(actorOf(a), { conversationId, before: "12" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
