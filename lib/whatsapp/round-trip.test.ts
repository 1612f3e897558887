import { describe, expect, inject, it } from "vitest";
import { runWorkersForFile } from "@/test/workers-for-file";
import { inboundPayload, nextWaMessageId, randomWaNumber, signedWebhookRequest, startGraphApiStandIn } from "@/test/graph-api-stand-in";

// Post by #ILAN → Yayınla → a follower's notice with Başvur → applies by button → the poster's Kabul et → ASSIGNED,
// all through signed webhook calls and the real worker, with a local Graph API stand-in recording what was sent.
process.env.REDIS_PREFIX = `${inject("redisPrefix")}:wa-round-trip`;
const graph = await startGraphApiStandIn(3312);
const APP_SECRET = "round-trip-app-secret-0123456789";
process.env.APP_URL = "http://localhost:3000";
process.env.WHATSAPP_API_URL = `${graph.url}/v21.0`;
process.env.WHATSAPP_TOKEN = "test-token-wa";
process.env.WHATSAPP_PHONE_NUMBER_ID = "1098765";
process.env.WHATSAPP_APP_SECRET = APP_SECRET;
process.env.WHATSAPP_VERIFY_TOKEN = "dogrulama-jetonu-2026";

const { POST } = await import("@/app/api/whatsapp/webhook/route");
const { db } = await import("@/lib/db");
const { notifyUsers } = await import("@/lib/notifications/notify-users");
const { getNotificationSettings } = await import("@/lib/notifications/notification-settings");
const { updateNotificationPreferences } = await import("@/lib/notifications/preferences");
const { actorOf, createTestUser } = await import("@/test/factories");

runWorkersForFile(() => graph.close());

async function deliver(message: Parameters<typeof inboundPayload>[0]) {
  const response = await POST(signedWebhookRequest(inboundPayload(message), APP_SECRET));
  expect(response.status).toBe(200);
}

/** The next message the stand-in records for this number after `seen` of them, waited for. */
async function nextTo(number: string, seen: number) {
  await expect.poll(() => graph.to(number).length, { timeout: 15_000 }).toBeGreaterThan(seen);
  return graph.to(number)[seen];
}

async function lawyerOnWhatsApp(whatsappOn: string[] = []) {
  const user = await createTestUser();
  const number = randomWaNumber();
  const prefs = Object.fromEntries(whatsappOn.map((type) => [type, { EMAIL: false, WHATSAPP: true, PUSH: false }]));
  await db.user.update({ where: { id: user.id }, data: { whatsappNumber: `+${number}`, whatsappVerifiedAt: new Date(), notificationPrefs: prefs } });
  return { user, number };
}

/** "dd.mm" of the Istanbul day `days` from now. */
function istanbulDayAhead(days: number): string {
  const local = new Date(Date.now() + days * 86_400_000 + 3 * 3_600_000);
  return `${String(local.getUTCDate()).padStart(2, "0")}.${String(local.getUTCMonth() + 1).padStart(2, "0")}`;
}

describe("WhatsApp round trip", () => {
  it("posts by #ILAN, a follower applies by button, the poster accepts by button: ASSIGNED, both told", { timeout: 90_000 }, async () => {
    const poster = await lawyerOnWhatsApp(["APPLICATION_RECEIVED"]);
    const follower = await lawyerOnWhatsApp(["FOLLOWED_JOB_POSTED", "APPLICATION_ACCEPTED"]);
    const bakirkoy = await db.courthouse.findFirstOrThrow({ where: { name: "Bakırköy Adliyesi" } });
    await db.follow.create({ data: { userId: follower.user.id, provinceId: bakirkoy.provinceId, courthouseId: bakirkoy.id } });

    // 1. the post, and the summary with its three buttons
    await deliver({ from: poster.number, text: `#ILAN Bakırköy Adliyesi ${istanbulDayAhead(10)} 10:30 duruşma kira tespit 3.500 TL acil` });
    const summary = await nextTo(poster.number, 0);
    expect(summary.type).toBe("interactive");
    expect(summary.text).toContain("Bakırköy Adliyesi");
    expect(summary.text).toContain("3.500");
    expect(summary.raw.interactive?.action?.buttons?.map((b) => b.reply.title)).toEqual(["Yayınla", "Düzelt", "Vazgeç"]);
    const publish = summary.buttonIds.find((id) => id.startsWith("publish:"))!;

    // 2. "Yayınla", delivered twice by Meta (same wamid) and tapped once more: one job
    const tap = nextWaMessageId();
    await deliver({ from: poster.number, id: tap, buttonId: publish, title: "Yayınla" });
    await deliver({ from: poster.number, id: tap, buttonId: publish, title: "Yayınla" });
    const published = await nextTo(poster.number, 1);
    expect(published.text).toContain("İlanınız yayında: http://localhost:3000/ilanlar/");
    await deliver({ from: poster.number, buttonId: publish, title: "Yayınla" });
    expect((await nextTo(poster.number, 2)).text).toContain("zaten işlendi");
    const jobs = await db.job.findMany({ where: { posterId: poster.user.id } });
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job).toMatchObject({ status: "OPEN", taskType: "DURUSMA", feeKurus: 350_000, urgency: "URGENT", courthouseId: bakirkoy.id, lawArea: "Gayrimenkul Hukuku" });

    // 3. the follower, who never wrote to us, gets the new-job template with its Başvur quick reply
    const notice = await nextTo(follower.number, 0);
    expect(notice).toMatchObject({ type: "template", templateName: "tevkil_yeni_ilan", buttonIds: [`apply:${job.id}`] });
    expect(notice.text).toContain("Bakırköy Adliyesi");
    await deliver({ from: follower.number, templateButton: `apply:${job.id}` });
    const ask = await nextTo(follower.number, 1);
    expect(ask.type).toBe("interactive");
    expect(ask.buttonIds).toEqual([`apply-send:${job.id}`, `apply-cancel:${job.id}`]);
    await deliver({ from: follower.number, text: "3.000 TL, duruşmaya girebilirim" });
    expect((await nextTo(follower.number, 2)).text).toContain("Başvurunuz iletildi (önerdiğiniz ücret 3.000");
    const application = await db.application.findFirstOrThrow({ where: { jobId: job.id, applicantId: follower.user.id } });
    expect(application).toMatchObject({ status: "PENDING", proposedFeeKurus: 300_000, note: "3.000 TL, duruşmaya girebilirim" });

    // 4. the poster (inside the window) gets the application with Kabul et and where to see the applicant
    const incoming = await nextTo(poster.number, 3);
    expect(incoming.type).toBe("interactive");
    expect(incoming.buttonIds).toEqual([`accept:${application.id}`]);
    expect(incoming.text).toContain(`Profili gör: http://localhost:3000/ilanlar/${job.id}`);
    await deliver({ from: poster.number, buttonId: `accept:${application.id}`, title: "Kabul et" });
    expect((await nextTo(poster.number, 4)).text).toContain(`${follower.user.fullName} görevlendirildi`);

    // 5. assigned in the database, and the applicant told (in their window now: free-form)
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "ASSIGNED", assigneeId: follower.user.id });
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "ACCEPTED" });
    const accepted = await nextTo(follower.number, 3);
    expect(accepted.type).toBe("text");
    expect(accepted.text).toContain("Başvurunuz kabul edildi");
    // every message sent is in the log (written once the API has answered), with what it was for and not its text
    const sentCount = graph.to(poster.number).length + graph.to(follower.number).length;
    await expect.poll(() => db.whatsAppOutbound.count({ where: { toNumber: { in: [poster.number, follower.number] } } })).toBe(sentCount);
    expect((await db.whatsAppOutbound.findMany({ where: { toNumber: poster.number }, orderBy: { createdAt: "asc" } })).map((o) => o.purpose)).toEqual([
      "reply:job-draft",
      "reply:job-published",
      "reply:job-draft-gone",
      "notification:APPLICATION_RECEIVED",
      "reply:accept-done",
    ]);
  });

  it("asks back what is missing and reads the answer with the post, with the AAÜT hint; Vazgeç drops the draft", { timeout: 30_000 }, async () => {
    const poster = await lawyerOnWhatsApp();
    await deliver({ from: poster.number, text: `#İLAN Bakırköy ${istanbulDayAhead(5)} haciz 2.000 TL` });
    expect((await nextTo(poster.number, 0)).text).toContain("saat kaçta");
    await deliver({ from: poster.number, text: "saat 11:00" });
    const summary = await nextTo(poster.number, 1);
    expect(summary.text).toContain("11:00");
    expect(summary.text).toContain(`AAÜT'ye göre "İcra takibi" için asgari ücret 9.000`);
    await deliver({ from: poster.number, buttonId: summary.buttonIds.find((id) => id.startsWith("cancel:"))!, title: "Vazgeç" });
    expect((await nextTo(poster.number, 2)).text).toContain("taslağı silindi");
    await deliver({ from: poster.number, buttonId: summary.buttonIds.find((id) => id.startsWith("publish:"))!, title: "Yayınla" });
    expect((await nextTo(poster.number, 3)).text).toContain("süresi doldu");
    expect(await db.job.count({ where: { posterId: poster.user.id } })).toBe(0);
  });
});

describe("order", () => {
  it("two messages of one number in one delivery are handled in the order sent", { timeout: 30_000 }, async () => {
    const poster = await lawyerOnWhatsApp();
    const payload = inboundPayload(
      { from: poster.number, text: `#ILAN Bakırköy ${istanbulDayAhead(8)} duruşma 2.000 TL` },
      { from: poster.number, text: "saat 11:30" },
    );
    expect((await POST(signedWebhookRequest(payload, APP_SECRET))).status).toBe(200);
    expect((await nextTo(poster.number, 0)).text).toContain("saat kaçta");
    const summary = await nextTo(poster.number, 1);
    expect(summary.type).toBe("interactive");
    expect(summary.text).toContain("11:30");
  });
});

describe("corrections and refusals", () => {
  it("Düzelt reads the next message as the corrected post, which is then published", { timeout: 30_000 }, async () => {
    const poster = await lawyerOnWhatsApp();
    await deliver({ from: poster.number, text: `ilan: Bakırköy ${istanbulDayAhead(6)} 10:00 duruşma 2.000 TL` });
    const first = await nextTo(poster.number, 0);
    await deliver({ from: poster.number, buttonId: first.buttonIds.find((id) => id.startsWith("edit:"))!, title: "Düzelt" });
    expect((await nextTo(poster.number, 1)).text).toContain("Düzeltilmiş ilanı");
    await deliver({ from: poster.number, text: `Büyükçekmece Adliyesi ${istanbulDayAhead(7)} 14:30 dosya inceleme 2.500 TL` });
    const corrected = await nextTo(poster.number, 2);
    expect(corrected.text).toContain("Büyükçekmece Adliyesi");
    // the first summary's Yayınla no longer publishes anything; the corrected one does
    await deliver({ from: poster.number, buttonId: first.buttonIds.find((id) => id.startsWith("publish:"))!, title: "Yayınla" });
    expect((await nextTo(poster.number, 3)).text).toContain("süresi doldu");
    await deliver({ from: poster.number, buttonId: corrected.buttonIds.find((id) => id.startsWith("publish:"))!, title: "Yayınla" });
    expect((await nextTo(poster.number, 4)).text).toContain("İlanınız yayında");
    const jobs = await db.job.findMany({ where: { posterId: poster.user.id }, include: { courthouse: true } });
    expect(jobs.map((j) => [j.courthouse.name, j.taskType, j.feeKurus])).toEqual([["Büyükçekmece Adliyesi", "DOSYA_INCELEME", 250_000]]);
  });

  it("an account not yet verified is told so by createJob and nothing is posted; the next message is read as a corrected post", { timeout: 30_000 }, async () => {
    const poster = await lawyerOnWhatsApp();
    await db.user.update({ where: { id: poster.user.id }, data: { verification: "PENDING" } });
    await deliver({ from: poster.number, text: `#ILAN Bakırköy ${istanbulDayAhead(6)} 10:00 duruşma 2.000 TL` });
    const summary = await nextTo(poster.number, 0);
    await deliver({ from: poster.number, buttonId: summary.buttonIds.find((id) => id.startsWith("publish:"))!, title: "Yayınla" });
    expect((await nextTo(poster.number, 1)).text).toContain("İlan yayınlanamadı: Hesabınız henüz doğrulanmadı");
    expect(await db.job.count({ where: { posterId: poster.user.id } })).toBe(0);
    await deliver({ from: poster.number, text: "#ILAN" });
    expect((await nextTo(poster.number, 2)).text).toContain("hangi adliyede");
  });
});

describe("channel rules", () => {
  it("DUR stops every message to the number and switches WhatsApp off in the settings; BAŞLA opens it again", { timeout: 30_000 }, async () => {
    const { user, number } = await lawyerOnWhatsApp(["APPLICATION_ACCEPTED", "DEADLINE_REMINDER"]);
    await deliver({ from: number, text: "DUR" });
    expect((await nextTo(number, 0)).text).toContain("BAŞLA");
    const settings = await getNotificationSettings(actorOf(user));
    expect(Object.values(settings.preferences).every((channels) => channels.WHATSAPP === false)).toBe(true);
    expect(settings.whatsapp.stoppedAt).toBeInstanceOf(Date);

    // even with the box ticked behind the settings page's back, nothing goes out; a post by message is not answered
    await db.user.update({ where: { id: user.id }, data: { notificationPrefs: { APPLICATION_ACCEPTED: { EMAIL: false, WHATSAPP: true, PUSH: false } } } });
    await notifyUsers([{ userId: user.id, type: "APPLICATION_ACCEPTED", title: "Başvurunuz kabul edildi", body: "Deneme.", link: "/ilanlar/x" }]);
    const notification = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    await expect.poll(async () => (await db.notificationDelivery.findFirst({ where: { notificationId: notification.id } }))?.status, { timeout: 10_000 }).toBe("SKIPPED");
    await deliver({ from: number, text: `#ILAN Bakırköy ${istanbulDayAhead(5)} 10:00 duruşma 2.000 TL` });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(graph.to(number)).toHaveLength(1);

    await deliver({ from: number, text: "Başla" });
    expect((await nextTo(number, 1)).text).toContain("yeniden açıldı");
    expect((await getNotificationSettings(actorOf(user))).whatsapp.stoppedAt).toBeNull();

    // a DUR lifted from the web instead: ticking a WhatsApp box
    await deliver({ from: number, text: "dur" });
    await nextTo(number, 2);
    await updateNotificationPreferences(actorOf(user), { "DEADLINE_REMINDER.WHATSAPP": "on" });
    expect((await getNotificationSettings(actorOf(user))).whatsapp.stoppedAt).toBeNull();
  });

  it("outside the 24-hour window sends the approved template, inside it free-form text", { timeout: 30_000 }, async () => {
    const { user, number } = await lawyerOnWhatsApp(["APPLICATION_ACCEPTED"]);
    await db.whatsAppContact.create({ data: { number, lastInboundAt: new Date(Date.now() - 25 * 3_600_000) } });
    await notifyUsers([{ userId: user.id, type: "APPLICATION_ACCEPTED", title: "Başvurunuz kabul edildi", body: "Pencere dışı.", link: "/ilanlar/a" }]);
    const outside = await nextTo(number, 0);
    expect(outside).toMatchObject({ type: "template", templateName: "tevkil_bildirim" });
    expect(outside.text).toBe("Başvurunuz kabul edildi | Pencere dışı. | http://localhost:3000/ilanlar/a");

    await db.whatsAppContact.update({ where: { number }, data: { lastInboundAt: new Date(Date.now() - 23 * 3_600_000) } });
    await notifyUsers([{ userId: user.id, type: "APPLICATION_ACCEPTED", title: "Başvurunuz kabul edildi", body: "Pencere içi.", link: "/ilanlar/b" }]);
    const inside = await nextTo(number, 1);
    expect(inside.type).toBe("text");
    expect(inside.text).toBe("Başvurunuz kabul edildi\nPencere içi.\nhttp://localhost:3000/ilanlar/b");
  });
});
