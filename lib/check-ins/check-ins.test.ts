import type { Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { updateAvailability } from "@/lib/availability/update-availability";
import { checkIn } from "@/lib/check-ins/check-in";
import { checkOut } from "@/lib/check-ins/check-out";
import { defaultCheckInUntil } from "@/lib/check-ins/check-in-time";
import { countCheckedIn } from "@/lib/check-ins/check-in-store";
import { getCourthousePresence } from "@/lib/check-ins/get-courthouse-presence";
import { getMyCheckIn } from "@/lib/check-ins/get-my-check-in";
import { addFollow } from "@/lib/follows/add-follow";
import type { JobSummaryPayload } from "@/lib/jobs/job-summary";
import { courthouseIn, lawyer, postJob, refusal } from "@/test/marketplace-test-support";
import { getRedis, redisKey, slotTag } from "@/lib/redis";
import { sessionCookie, startSocketTestServer } from "@/test/socket-test-server";

// Check-ins are stored with the time they end; tests pass "now" so expiry is checked without waiting. Tomorrow
// morning in Istanbul keeps every end time in the future for Redis too (the keys expire at the real clock).
const tomorrowAt = (hhmm: string) => {
  const date = new Date(Date.now() + 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${date}T${hhmm}:00+03:00`);
};
const MINUTE = 60_000;

let server: Awaited<ReturnType<typeof startSocketTestServer>>;
beforeAll(async () => {
  server = await startSocketTestServer();
});
afterAll(() => server.close());

async function connectedAs(userId: string): Promise<ClientSocket> {
  const socket = server.client(sessionCookie(await createSession({ userId })));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

const at = async (provinceId: number, nth: number) => ({ provinceId: String(provinceId), courthouseId: String(await courthouseIn(provinceId, nth)) });

describe("Adliyedeyim", () => {
  it("suggests 17:30, and later in the day two hours ahead (at most 23:59)", () => {
    expect(defaultCheckInUntil(new Date("2026-12-02T07:00:00Z"))).toBe("17:30"); // 10:00 in Istanbul
    expect(defaultCheckInUntil(new Date("2026-12-02T13:59:00Z"))).toBe("17:30"); // 16:59
    expect(defaultCheckInUntil(new Date("2026-12-02T14:00:00Z"))).toBe("19:00"); // 17:00
    expect(defaultCheckInUntil(new Date("2026-12-02T15:05:00Z"))).toBe("20:15"); // 18:05
    expect(defaultCheckInUntil(new Date("2026-12-02T19:50:00Z"))).toBe("23:59"); // 22:50
  });

  it("counts a lawyer at one courthouse until the time given, moves them on a new check-in, and ends on check-out", async () => {
    const { actor } = await lawyer();
    const first = await at(34, 2);
    const second = await at(34, 3);
    const now = tomorrowAt("09:00");
    const view = await checkIn(actor, { ...first, until: "09:30" }, now);
    expect(view).toMatchObject({ courthouseId: Number(first.courthouseId), provinceId: 34, until: tomorrowAt("09:30").toISOString() });
    expect(await countCheckedIn(Number(first.courthouseId), now)).toBe(1);
    expect((await getMyCheckIn(actor, now)).checkIn?.courthouseId).toBe(Number(first.courthouseId));

    // it ends by itself at 09:30: not counted a minute later, nor shown as one's own
    expect(await countCheckedIn(Number(first.courthouseId), new Date(now.getTime() + 29 * MINUTE))).toBe(1);
    expect(await countCheckedIn(Number(first.courthouseId), new Date(now.getTime() + 31 * MINUTE))).toBe(0);
    expect((await getMyCheckIn(actor, new Date(now.getTime() + 31 * MINUTE))).checkIn).toBeNull();
    // and Redis drops the keys then (the real clock)
    const ttl = await getRedis().pttl(redisKey(slotTag("checkin"), "user", actor.id));
    expect(ttl).toBeGreaterThan(0);
    expect(Math.abs(ttl - (tomorrowAt("09:30").getTime() - Date.now()))).toBeLessThan(1_000); // Redis and this clock may differ a little

    await checkIn(actor, { ...second, until: "12:00" }, now);
    expect(await countCheckedIn(Number(first.courthouseId), now)).toBe(0);
    expect(await countCheckedIn(Number(second.courthouseId), now)).toBe(1);

    expect(await checkOut(actor)).toEqual({ left: true });
    expect(await countCheckedIn(Number(second.courthouseId), now)).toBe(0);
    expect((await getMyCheckIn(actor, now)).checkIn).toBeNull();
    expect(await checkOut(actor)).toEqual({ left: false });
  });

  it("refuses a time already past, a malformed time, a courthouse of another province and an unverified lawyer", async () => {
    const { actor } = await lawyer();
    const place = await at(34, 4);
    const now = tomorrowAt("18:00");
    const past = await refusal(checkIn(actor, { ...place, until: "17:30" }, now));
    expect(past.details.fieldErrors?.until?.[0]).toMatch(/şu andan \(18:00\) sonra olmalı/);
    expect((await refusal(checkIn(actor, { ...place, until: "25:00" }, now))).details.fieldErrors?.until?.[0]).toMatch(/SS:DD/);
    const wrongProvince = await refusal(checkIn(actor, { provinceId: "6", courthouseId: place.courthouseId, until: "19:00" }, now));
    expect(wrongProvince.details.fieldErrors?.courthouseId).toEqual(["Seçtiğiniz ilde bir adliye seçin."]);
    const { actor: pending } = await lawyer("PENDING");
    expect((await refusal(checkIn(pending, { ...place, until: "19:00" }, now))).code).toBe("FORBIDDEN");
    expect(await countCheckedIn(Number(place.courthouseId), now)).toBe(0);
  });

  it("tells colleagues how many are there, and names only those who allow it, to verified lawyers only", async () => {
    const place = await at(34, 5);
    const courthouseId = Number(place.courthouseId);
    const now = tomorrowAt("10:00");
    const { user: hidden, actor: hiddenActor } = await lawyer();
    const { user: shown, actor: shownActor } = await lawyer();
    await addFollow(shownActor, place);
    await updateAvailability(shownActor, { accepting: "on", courthouseIds: [place.courthouseId], taskTypes: ["DURUSMA"], showCheckIn: "on" });
    await checkIn(hiddenActor, { ...place, until: "12:00" }, now);
    await checkIn(shownActor, { ...place, until: "12:00" }, now);

    const { actor: colleague } = await lawyer();
    const seen = await getCourthousePresence(colleague, { courthouseId }, now);
    expect(seen).toEqual({ count: 2, includesViewer: false, shown: [{ id: shown.id, fullName: shown.fullName }] });
    expect(JSON.stringify(seen)).not.toContain(hidden.id);
    expect(await getCourthousePresence(hiddenActor, { courthouseId }, now)).toMatchObject({ count: 2, includesViewer: true });
    const { actor: pending } = await lawyer("PENDING");
    expect(await getCourthousePresence(pending, { courthouseId }, now)).toEqual({ count: 2, includesViewer: false, shown: [] });
    expect(await getCourthousePresence(colleague, { courthouseId }, new Date(now.getTime() + 121 * MINUTE))).toMatchObject({ count: 0, shown: [] });
  });

  it("sends an urgent job at the courthouse to the checked-in lawyers first, live and as a notification, within their availability", async () => {
    const place = await at(34, 6);
    const { actor: poster } = await lawyer();
    const { actor: present } = await lawyer(); // checked in, follows nothing
    const { actor: presentButOff } = await lawyer();
    const { actor: presentFollower } = await lawyer(); // checked in and a follower: one notification, the urgent one
    const { actor: follower } = await lawyer();
    await addFollow(presentFollower, place);
    await addFollow(follower, place);
    await addFollow(presentButOff, place);
    await updateAvailability(presentButOff, { taskTypes: [] });
    // the real clock: the announcement reads the check-ins at the moment the job is posted
    for (const a of [present, presentButOff, presentFollower]) await checkIn(a, { ...place, until: defaultCheckInUntil() });

    const sockets = await Promise.all([present, presentButOff, follower].map((a) => connectedAs(a.id)));
    const urgent = sockets.map((s) => {
      const events: JobSummaryPayload[] = [];
      s.on("job:urgent", (job: JobSummaryPayload) => events.push(job));
      return events;
    });

    const normal = await postJob(poster, { ...place, urgency: "NORMAL" });
    const veryUrgent = await postJob(poster, { ...place, urgency: "VERY_URGENT" });

    await expect.poll(() => urgent[0].map((j) => j.id)).toEqual([veryUrgent]);
    await new Promise((r) => setTimeout(r, 200));
    expect(urgent[1]).toHaveLength(0);
    expect(urgent[2]).toHaveLength(0);

    const notices = await db.notification.findMany({ where: { link: `/ilanlar/${veryUrgent}` }, select: { userId: true, type: true, createdAt: true }, orderBy: { createdAt: "asc" } });
    const byUser = Object.fromEntries(notices.map((n) => [n.userId, n.type]));
    expect(byUser).toEqual({ [present.id]: "URGENT_JOB_AT_COURTHOUSE", [presentFollower.id]: "URGENT_JOB_AT_COURTHOUSE", [follower.id]: "FOLLOWED_JOB_POSTED" });
    // the checked-in lawyers' notices were made (and queued) before the followers'
    expect(notices.at(-1)?.type).toBe("FOLLOWED_JOB_POSTED");
    const normalTypes = (await db.notification.findMany({ where: { link: `/ilanlar/${normal}` }, select: { type: true } })).map((n) => n.type);
    expect(normalTypes.sort()).toEqual(["FOLLOWED_JOB_POSTED", "FOLLOWED_JOB_POSTED"]);
    sockets.forEach((s) => s.disconnect());
  });
});
