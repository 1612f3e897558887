import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCalendarFeed } from "@/lib/calendar/calendar-feed";
import { getCalendarToken } from "@/lib/calendar/calendar-token";
import { db } from "@/lib/db";
import { completeJob } from "@/lib/jobs/complete-job";
import { getAssignment } from "@/lib/jobs/get-assignment";
import { getFollowUpPrefill } from "@/lib/jobs/get-follow-up-prefill";
import { getReportFile } from "@/lib/jobs/get-report-file";
import { toIstanbulInputValue } from "@/lib/jobs/istanbul-time";
import { assignedJob, lawyer, refusal } from "@/test/marketplace-test-support";
import { sendHearingReminders } from "@/lib/notifications/hearing-reminders";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "tevkil-tutanak-"));
  process.env.STORAGE_DIR = directory;
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const DAY = 86_400_000;
const pdfBytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(1024, 0x20), Buffer.from("%%EOF\n")]);
const tutanak = (bytes: Buffer = pdfBytes, name = "durusma-tutanagi.pdf") => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
const REPORT = "Duruşmaya katıldım; tanık dinlendi, bilirkişi raporuna itiraz edildi.";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function unchanged(jobId: string) {
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId }, include: { reportFiles: true } });
  expect(job).toMatchObject({ status: "ASSIGNED", completionOutcome: null, completionReport: null, reportFiles: [] });
}

describe("the structured completion report", () => {
  it("asks each task type for what fits it, and a refused report changes nothing", async () => {
    const [a, b] = await Promise.all([lawyer(), lawyer()]);
    const hearing = await assignedJob(a.actor, b.actor);
    const haciz = await assignedJob(a.actor, b.actor, { taskType: "HACIZ_ICRA", lawArea: "İcra ve İflas Hukuku" });
    const review = await assignedJob(a.actor, b.actor, { taskType: "DOSYA_INCELEME" });
    const fieldError = async (input: Record<string, unknown>, field: string) =>
      (await refusal(completeJob(b.actor, { report: REPORT, ...input }))).details.fieldErrors?.[field]?.[0];

    expect(await fieldError({ jobId: hearing }, "outcome")).toBe("Ne olduğunu seçin.");
    expect(await fieldError({ jobId: hearing, outcome: "YAPILDI" }, "outcome")).toMatch(/bu görev türü için seçilemez/);
    expect(await fieldError({ jobId: hearing, outcome: "ERTELENDI" }, "nextHearingAt")).toBe("Sonraki duruşmanın tarih ve saatini girin.");
    expect(await fieldError({ jobId: hearing, outcome: "ARA_KARAR", nextHearingAt: toIstanbulInputValue(new Date(Date.now() + 30 * DAY)) }, "interimDecision")).toMatch(/Ara kararı/);
    expect(await fieldError({ jobId: hearing, outcome: "ERTELENDI", nextHearingAt: "2020-01-01T10:00" }, "nextHearingAt")).toMatch(/ileri bir tarihte/);
    expect(await fieldError({ jobId: hearing, outcome: "DURUSMA_YAPILMADI" }, "outcomeReason")).toMatch(/Neden yapılamadığını/);
    expect(await fieldError({ jobId: haciz, outcome: "KISMEN_YAPILDI", outcomeReason: "Borçlu adreste yoktu." }, "outcome")).toMatch(/seçilemez/);
    expect(await fieldError({ jobId: haciz, outcome: "YAPILAMADI" }, "outcomeReason")).toMatch(/Neden yapılamadığını/);
    expect(await fieldError({ jobId: haciz, outcome: "YAPILDI", nextHearingAt: "2030-01-01T10:00" }, "_form")).toMatch(/yalnızca duruşma/);
    expect(await fieldError({ jobId: hearing, outcome: "ERTELENDI", nextHearingAt: "2030-01-01T10:00", outcomeReason: "a\u202Eb" }, "outcomeReason")).toMatch(/izin verilmeyen/);
    await Promise.all([hearing, haciz, review].map(unchanged));

    await completeJob(b.actor, { jobId: haciz, outcome: "YAPILAMADI", outcomeReason: "Borçlu adreste bulunamadı, kapı kapalıydı.", report: "Adrese gidildi, haciz yapılamadı; tutanak tutuldu." });
    await completeJob(b.actor, { jobId: review, outcome: "YAPILDI", report: "Dosya incelendi, son bilirkişi raporunun fotokopisi alındı." });
    expect(await db.job.findUniqueOrThrow({ where: { id: haciz } })).toMatchObject({ status: "DONE", completionOutcome: "YAPILAMADI", outcomeReason: "Borçlu adreste bulunamadı, kapı kapalıydı.", nextHearingAt: null });
    expect(await db.job.findUniqueOrThrow({ where: { id: review } })).toMatchObject({ status: "DONE", completionOutcome: "YAPILDI" });
    const notice = await db.notification.findFirstOrThrow({ where: { userId: a.user.id, type: "JOB_COMPLETED", link: `/ilanlar/${haciz}` } });
    expect(notice.body).toContain("Sonuç: Yapılamadı");
    expect(notice.body).toContain("Gerekçe: Borçlu adreste bulunamadı");
  });

  it("an adjourned hearing: the tutanak goes to the poster only, the next hearing to the poster's calendar with alarms and a reminder the day before", async () => {
    const [a, b, stranger] = await Promise.all([lawyer(), lawyer(), lawyer()]);
    const jobId = await assignedJob(a.actor, b.actor, { title: "Ankara'da alacak davası duruşması", fileNumber: "2026/77 E." });
    const other = await assignedJob(a.actor, stranger.actor);

    // a file that is not a PDF or an image is refused by its bytes, whatever its name
    const fake = await refusal(completeJob(b.actor, { jobId, outcome: "ERTELENDI", nextHearingAt: "2030-03-04T10:30", report: REPORT, tutanak: tutanak(Buffer.from("MZ not a pdf"), "tutanak.pdf") }));
    expect(fake.details.fieldErrors?.tutanak?.[0]).toMatch(/yalnızca PDF ve resim/);
    await unchanged(jobId);

    await completeJob(b.actor, { jobId, outcome: "ERTELENDI", nextHearingAt: "2030-03-04T10:30", report: REPORT, tutanak: [tutanak(), new File([], "")] });
    const assignment = await getAssignment(a.actor, jobId);
    expect(assignment).toMatchObject({ completionOutcome: "ERTELENDI", nextHearingAt: new Date("2030-03-04T07:30:00.000Z") });
    expect(assignment.reportFiles).toEqual([expect.objectContaining({ fileName: "durusma-tutanagi.pdf", mimeType: "application/pdf", sizeBytes: pdfBytes.length })]);
    const fileId = assignment.reportFiles[0].id;
    for (const viewer of [a.actor, b.actor]) expect(await bytesOf((await getReportFile(viewer, jobId, fileId)).body)).toEqual(pdfBytes);
    expect(await refusal(getReportFile(stranger.actor, jobId, fileId))).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/yalnızca ilan sahibi ve görevlendirilen/) });
    // a file id under another job's address is not found, even for someone who is party to that job
    expect(await refusal(getReportFile(stranger.actor, other, fileId))).toMatchObject({ code: "NOT_FOUND" });

    const notice = await db.notification.findFirstOrThrow({ where: { userId: a.user.id, type: "JOB_COMPLETED", link: `/ilanlar/${jobId}` } });
    expect(notice.body).toContain("Sonuç: Ertelendi");
    expect(notice.body).toMatch(/Sonraki duruşma: 4 Mar 2030 10:30/);
    expect(notice.body).toContain(REPORT);
    expect(notice.body).toContain("1 tutanak dosyası");

    const feed = (await buildCalendarFeed(await getCalendarToken(a.actor)))!.replace(/\r\n /g, "");
    const event = feed.slice(feed.indexOf(`UID:${jobId}-sonraki-durusma@tevkil`), feed.indexOf("END:VEVENT", feed.indexOf(`UID:${jobId}-sonraki-durusma@tevkil`)));
    expect(event).toContain("DTSTART:20300304T073000Z");
    expect(event).toContain("SUMMARY:Sonraki duruşma: Ankara'da alacak davası duruşması");
    expect(event).toContain("Dosya no: 2026/77 E.");
    expect(event).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Yarın duruşma: [^\r]+\r\nTRIGGER:-P1D\r\nEND:VALARM/);
    expect(event).toContain("TRIGGER:-PT2H");
    // the assignee's own feed keeps the work they did, not the poster's next hearing
    expect(await buildCalendarFeed(await getCalendarToken(b.actor))).not.toContain("sonraki-durusma");

    const hearing = new Date("2030-03-04T07:30:00.000Z").getTime();
    expect(await sendHearingReminders(new Date(hearing - 2 * DAY))).toBe(0);
    expect(await sendHearingReminders(new Date(hearing - 20 * 3_600_000))).toBe(1);
    expect(await sendHearingReminders(new Date(hearing - 19 * 3_600_000))).toBe(0);
    const reminders = await db.notification.findMany({ where: { userId: a.user.id, type: "HEARING_REMINDER" } });
    expect(reminders).toEqual([expect.objectContaining({ title: "Yarın duruşma: Ankara'da alacak davası duruşması", link: `/ilanlar/${jobId}` })]);
    expect(await db.notification.count({ where: { userId: b.user.id, type: "HEARING_REMINDER" } })).toBe(0);
  });

  it("a follow-up tevkil starts from the done hearing, for its poster only", async () => {
    const [a, b] = await Promise.all([lawyer(), lawyer()]);
    const jobId = await assignedJob(a.actor, b.actor, { fileNumber: "2026/991 E.", court: "Ankara 5. Asliye Ticaret Mahkemesi" });
    await completeJob(b.actor, { jobId, outcome: "ARA_KARAR", nextHearingAt: "2030-06-10T09:00", interimDecision: "Bilirkişi incelemesine karar verildi.", report: REPORT });
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    const prefill = await getFollowUpPrefill(a.actor, jobId);
    expect(prefill).toMatchObject({
      taskType: "DURUSMA", lawArea: job.lawArea, provinceId: String(job.provinceId), courthouseId: String(job.courthouseId),
      court: "Ankara 5. Asliye Ticaret Mahkemesi", fileNumber: "2026/991 E.", scheduledAt: "2030-06-10T09:00", deadlineAt: "2030-06-09T09:00", fee: "1.500,00",
    });
    expect(prefill.jobId).toBeUndefined();
    expect(await refusal(getFollowUpPrefill(b.actor, jobId))).toMatchObject({ code: "FORBIDDEN" });
  });
});
