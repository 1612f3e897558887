import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "@/lib/notifications/notification-center";
import { actorOf, createTestUser } from "@/test/factories";

const base = Date.parse("2026-03-01T09:00:00Z");

/** `count` notifications one minute apart (index 0 oldest); the last three share one timestamp to exercise the id tie-break. */
async function seedNotifications(userId: string, count: number) {
  return db.notification.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      userId,
      type: "APPLICATION_RECEIVED" as const,
      title: `Bildirim ${i}`,
      body: `Açıklama ${i}`,
      link: `/ilanlar/${i}`,
      createdAt: new Date(base + Math.min(i, count - 3) * 60_000),
    })),
  });
}

describe("notification center", () => {
  it("lists newest first in keyset pages, only the actor's own", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    await seedNotifications(owner.id, 35);
    const [foreign] = await seedNotifications(other.id, 1);
    const expected = (await db.notification.findMany({ where: { userId: owner.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })).map((n) => n.id);

    const first = await listNotifications(actorOf(owner));
    expect(first.items).toHaveLength(30);
    expect(first.items[0]).toMatchObject({ readAt: null, type: "APPLICATION_RECEIVED", link: expect.stringMatching(/^\/ilanlar\//) });
    expect(typeof first.items[0].createdAt).toBe("string");
    expect(first.nextCursor).toBe(first.items[29].id);

    const second = await listNotifications(actorOf(owner), first.nextCursor!);
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((n) => n.id)).toEqual(expected);
    expect(second.items.at(-1)!.title).toBe("Bildirim 0");

    // someone else's id as a cursor reveals nothing of theirs: the owner's first page comes back
    const withForeignCursor = await listNotifications(actorOf(owner), foreign.id);
    expect(withForeignCursor.items.map((n) => n.id)).toEqual(first.items.map((n) => n.id));
    expect((await listNotifications(actorOf(other))).items.map((n) => n.id)).toEqual([foreign.id]);
  });

  it("marks one read (idempotently) and refuses another user's notification", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const [first] = await seedNotifications(owner.id, 3);
    const [foreign] = await seedNotifications(other.id, 1);

    expect(await countUnreadNotifications(actorOf(owner))).toBe(3);
    expect(await markNotificationRead(actorOf(owner), { notificationId: first.id })).toEqual({ unread: 2 });
    expect(await markNotificationRead(actorOf(owner), { notificationId: first.id })).toEqual({ unread: 2 });
    expect((await db.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).toBeInstanceOf(Date);

    await expect(markNotificationRead(actorOf(owner), { notificationId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.notification.findUniqueOrThrow({ where: { id: foreign.id } })).readAt).toBeNull();
    await expect(markNotificationRead(actorOf(owner), {})).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("marks all of the actor's notifications read and leaves other users' alone", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const [first] = await seedNotifications(owner.id, 4);
    await seedNotifications(other.id, 2);
    await markNotificationRead(actorOf(owner), { notificationId: first.id });

    expect(await markAllNotificationsRead(actorOf(owner))).toEqual({ marked: 3 });
    expect(await countUnreadNotifications(actorOf(owner))).toBe(0);
    expect(await countUnreadNotifications(actorOf(other))).toBe(2);
    expect(await markAllNotificationsRead(actorOf(owner))).toEqual({ marked: 0 });
  });
});
