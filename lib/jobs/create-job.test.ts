import type { Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { addFollow } from "@/lib/follows/add-follow";
import { createJob } from "@/lib/jobs/create-job";
import type { JobSummaryPayload } from "@/lib/jobs/job-summary";
import { courthouseIn, jobInput, lawyer, refusal } from "@/test/marketplace-test-support";
import { sessionCookie, startSocketTestServer } from "@/test/socket-test-server";

let server: Awaited<ReturnType<typeof startSocketTestServer>>;

beforeAll(async () => {
  server = await startSocketTestServer();
});

afterAll(() => server.close());

async function connectedAs(userId: string): Promise<ClientSocket> {
  const token = await createSession({ userId });
  const socket = server.client(sessionCookie(token));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

describe("createJob", () => {
  it("stores the fee in kuruş and the Istanbul wall-clock time as UTC", async () => {
    const { actor } = await lawyer();
    const input = await jobInput({ fee: "1.500,50", scheduledAt: "2028-03-01T10:30", deadlineAt: "2028-02-27T18:00" });
    const { id } = await createJob(actor, input);
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ posterId: actor.id, feeKurus: 150_050, status: "OPEN", taskType: "DURUSMA", fileNumber: input.fileNumber, urgency: "NORMAL" });
    expect(job.scheduledAt.toISOString()).toBe("2028-03-01T07:30:00.000Z");
    expect(job.deadlineAt.toISOString()).toBe("2028-02-27T15:00:00.000Z");
  });

  it.each([
    ["title", { title: "Kısa" }, /en az 5 karakter/],
    ["description", { description: "Çok kısa" }, /en az 20 karakter/],
    ["fee", { fee: "bin lira" }, /TL olarak girin/],
    ["fee", { fee: "0" }, /en az 1 TL/],
    ["taskType", { taskType: "MASAJ" }, /Görev türünü seçin/],
    ["scheduledAt", { scheduledAt: "2020-01-01T10:00", deadlineAt: "2020-01-01T09:00" }, /ileri bir zaman/],
    ["deadlineAt", { deadlineAt: "2099-01-01T10:00" }, /görev tarihinden sonra olamaz/],
    // 31 February would be stored as 3 March; year 9999 was accepted
    ["scheduledAt", { scheduledAt: "2027-02-31T10:00" }, /Geçerli bir tarih ve saat/],
    ["scheduledAt", { scheduledAt: "9999-01-01T10:00", deadlineAt: "9998-12-31T10:00" }, /Geçerli bir tarih ve saat/],
    ["scheduledAt", { scheduledAt: "2027-06-01T25:00" }, /Geçerli bir tarih ve saat/],
    ["scheduledAt", { scheduledAt: "2035-06-01T10:00", deadlineAt: "2035-05-30T10:00" }, /en fazla 2 yıl/],
    ["provinceId", { provinceId: "" }, /İl seçin/],
  ])("refuses a bad %s with a Turkish field message and saves nothing (%o)", async (field, overrides, message) => {
    const { actor } = await lawyer();
    const input = await jobInput(overrides);
    const error = await refusal(createJob(actor, input));
    expect(error.code).toBe("VALIDATION");
    expect(error.details.fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(await db.job.count({ where: { posterId: actor.id } })).toBe(0);
  });

  it("refuses a courthouse that is not in the chosen province", async () => {
    const { actor } = await lawyer();
    const error = await refusal(createJob(actor, await jobInput({ provinceId: "6", courthouseId: String(await courthouseIn(35)) })));
    expect(error.details.fieldErrors).toEqual({ courthouseId: ["Seçtiğiniz ilde bir adliye seçin."] });
    expect(await db.job.count({ where: { posterId: actor.id } })).toBe(0);
  });

  it("refuses an unverified lawyer", async () => {
    const { actor } = await lawyer("PENDING");
    const error = await refusal(createJob(actor, await jobInput()));
    expect(error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("henüz doğrulanmadı") });
    expect(await db.job.count({ where: { posterId: actor.id } })).toBe(0);
  });

  it("pushes job:new live to followers of the courthouse or the whole province, and records their notification", async () => {
    const { actor: poster } = await lawyer();
    const { actor: courthouseFollower } = await lawyer();
    const { actor: provinceFollower } = await lawyer();
    const { actor: elsewhere } = await lawyer();
    const courthouseId = await courthouseIn(16, 1);
    await addFollow(courthouseFollower, { provinceId: "16", courthouseId: String(courthouseId) });
    await addFollow(provinceFollower, { provinceId: "16" });
    await addFollow(elsewhere, { provinceId: "16", courthouseId: String(await courthouseIn(16, 0)) });
    await addFollow(poster, { provinceId: "16" });

    const sockets = await Promise.all([courthouseFollower, provinceFollower, elsewhere, poster].map((a) => connectedAs(a.id)));
    const received = sockets.map((socket) => {
      const events: JobSummaryPayload[] = [];
      socket.on("job:new", (job: JobSummaryPayload) => events.push(job));
      return events;
    });

    const input = await jobInput({ provinceId: "16", courthouseId: String(courthouseId), fee: "2.000" });
    const { id } = await createJob(poster, input);

    await expect.poll(() => received[0].length).toBe(1);
    await expect.poll(() => received[1].length).toBe(1);
    expect(received[0][0]).toMatchObject({ id, title: input.title, feeKurus: 200_000, provinceName: "Bursa", taskType: "DURUSMA" });
    expect(received[0][0]).not.toHaveProperty("fileNumber");
    await new Promise((r) => setTimeout(r, 200));
    expect(received[2]).toHaveLength(0);
    expect(received[3]).toHaveLength(0);

    const notified = await db.notification.findMany({ where: { type: "FOLLOWED_JOB_POSTED", link: `/ilanlar/${id}` }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([courthouseFollower.id, provinceFollower.id].sort());
  });
});
