import { randomBytes } from "node:crypto";
import { test as base, expect as baseExpect, logIn } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import { withE2eDb } from "@/e2e/support/e2e-db";

// Issue 14 items 5 and 6 through the pages: contact details refused before an assignment, the applying pause at a
// (low, for the test) threshold and its lift by an administrator, and the dispute desk with three people at once.
// This spec runs its own server: APPLY_PAUSE_THRESHOLD=1, so one cancellation pauses applying.
const PORT = Number(process.env.E2E_PORT ?? 3210) + 50;
const test = base.extend<object, { app: AppServer }>({
  app: [
    async ({}, use) => {
      const app = new AppServer({ port: PORT, env: { APPLY_PAUSE_THRESHOLD: "1", APPLY_PAUSE_DAYS: "30" } });
      await app.start();
      await use(app);
      await app.stop();
    },
    { scope: "worker" },
  ],
});

const DAY = 86_400_000;
// every step here is a server action or a login (a password hash) on a machine shared by several test runs
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

type Lawyer = { id: string; email: string; fullName: string };

/** A verified lawyer with the demo password, and (optionally) jobs between lawyers, made in the database. */
async function newLawyer(tag: string): Promise<Lawyer> {
  return withE2eDb(async (prisma) => {
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { email: "ayse@example.com" }, select: { passwordHash: true } });
    const suffix = randomBytes(3).toString("hex");
    return prisma.user.create({
      data: {
        email: `${tag}-${suffix}@example.com`, passwordHash, fullName: `Av. ${tag[0].toUpperCase()}${tag.slice(1)} ${suffix}`, provinceId: 6,
        barName: "Ankara Barosu", barNumber: `7${randomBytes(3).readUIntBE(0, 3)}`, verification: "VERIFIED", kvkkConsentAt: new Date(), emailConfirmedAt: new Date(),
      },
      select: { id: true, email: true, fullName: true },
    });
  });
}

async function jobBetween(poster: Lawyer, assignee: Lawyer | null, status: "OPEN" | "ASSIGNED" | "DONE", title: string): Promise<string> {
  return withE2eDb(async (prisma) => {
    const courthouse = await prisma.courthouse.findFirstOrThrow({ where: { provinceId: 6 } });
    const assignedAt = new Date();
    const job = await prisma.job.create({
      data: {
        posterId: poster.id, taskType: "DURUSMA", lawArea: "İş Hukuku", title, description: "İşe iade davasında tanık dinlenecek duruşma; tensip zaptı paylaşılacak.",
        provinceId: 6, courthouseId: courthouse.id, scheduledAt: new Date(Date.now() + 5 * DAY), deadlineAt: new Date(Date.now() + 3 * DAY), feeKurus: 300_000,
        status, ...(assignee ? { assigneeId: assignee.id, assignedAt, completedAt: status === "DONE" ? new Date() : null, completionReport: status === "DONE" ? "Duruşmaya katıldım, tanık dinlendi." : null } : {}),
      },
    });
    if (assignee) {
      await prisma.application.create({ data: { jobId: job.id, applicantId: assignee.id, note: "Ankara Adliyesi'nde her gün bulunuyorum.", status: "ACCEPTED", decidedAt: assignedAt } });
    }
    return job.id;
  });
}

test("contact details: a job description with a phone number and a chat message with an IBAN are refused in Turkish, and the text stays", async ({ browser, baseURL }) => {
  const [poster, colleague] = await Promise.all([newLawyer("ilanci"), newLawyer("meslektas")]);
  const page = await (await browser.newContext({ baseURL })).newPage();
  await logIn(page, poster.email);
  await page.goto("/ilanlar/yeni");
  await page.getByLabel("Görev türü").selectOption({ label: "Duruşma" });
  await page.getByLabel("Hukuk alanı").fill("İş Hukuku");
  await page.getByLabel("Başlık").fill("Ankara'da işe iade duruşması");
  await page.getByLabel("İl").selectOption({ label: "Ankara" });
  await page.getByLabel("Adliye").selectOption({ index: 1 });
  const inDays = (days: number) => new Date(Date.now() + days * DAY + 3 * 3_600_000).toISOString().slice(0, 16);
  await page.getByLabel("Görev tarihi ve saati").fill(inDays(5));
  await page.getByLabel("Son başvuru tarihi").fill(inDays(3));
  await page.getByLabel("Ücret (TL)").fill("3.500");
  const description = "2024/123 Esas sayılı dosya, duruşma saat 10:30. Ayrıntılar için 0532 123 45 67 numarasını arayın.";
  await page.getByLabel("Açıklama").fill(description);
  await page.getByRole("button", { name: "İlanı yayınla" }).click();
  await expect(page.getByText("Açıklamada bir telefon numarası var")).toBeVisible();
  await expect(page.getByText(/Görevlendirme yapılana kadar iletişim bilgileri platform dışına taşınmaz/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/ilanlar\/yeni$/);
  await expect(page.getByLabel("Açıklama")).toHaveValue(description);

  // the chat, before any assignment between the two
  await page.goto(`/avukat/${colleague.id}`);
  await page.getByRole("button", { name: "Mesaj gönder" }).click();
  await expect(page).toHaveURL(/\/mesajlar\/[A-Za-z0-9_-]+/);
  const iban = "Ücreti TR33 0006 1005 1978 6457 8413 26 hesabına yatırırım.";
  await page.getByTestId("message-input").fill(iban);
  await page.getByTestId("message-send").click();
  await expect(page.getByTestId("chat-notice")).toContainText("Mesajınızda bir IBAN var");
  await expect(page.getByTestId("message-input")).toHaveValue(iban);
  await expect(page.getByTestId("message-item")).toHaveCount(0);
  // a message without contact details goes through
  await page.getByTestId("message-input").fill("2024/123 Esas dosyası için yarın saat 10:30'da adliyede olabilir misiniz?");
  await page.getByTestId("message-send").click();
  await expect(page.getByTestId("message-item")).toHaveCount(1);
  await expect(page.getByTestId("message-input")).toHaveValue("");
});

test("fair dealing: an assignee's cancellation shows on the profile, pauses applying with the reason and date, and the administrator lifts it", async ({ browser, baseURL }) => {
  const [poster, assignee] = await Promise.all([newLawyer("ilanci"), newLawyer("gorevli")]);
  const tag = randomBytes(3).toString("hex");
  const assignedId = await jobBetween(poster, assignee, "ASSIGNED", `İptal edilecek duruşma ${tag}`);
  const openId = await jobBetween(poster, null, "OPEN", `Açık duruşma ilanı ${tag}`);

  const page = await (await browser.newContext({ baseURL })).newPage();
  await logIn(page, assignee.email);
  await page.goto(`/ilanlar/${assignedId}`);
  await page.locator("summary", { hasText: "Görevlendirmeyi iptal et" }).click();
  await page.getByLabel("Görevlendirmeyi iptal gerekçesi").fill("Aynı saatte Ankara Batı'da duruşmam çıktı.");
  await page.locator("form").getByRole("button", { name: "Görevlendirmeyi iptal et" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Başvuruya açık");

  await page.goto(`/avukat/${assignee.id}`);
  await expect(page.getByTestId("profile-strikes")).toHaveText("Son 12 ayda: 1 iptal, 0 gelmeme");

  const note = "Ankara Adliyesi'nde her gün bulunuyorum, katılabilirim.";
  await page.goto(`/ilanlar/${openId}`);
  await page.getByLabel("Notunuz").fill(note);
  await page.getByRole("button", { name: "Başvur" }).click();
  const refusal = page.getByText(/Başvurularınız .+ tarihine kadar duraklatıldı\. Neden: Son 12 ayda: 1 iptal, 0 gelmeme/);
  await expect(refusal).toBeVisible();
  const until = new Intl.DateTimeFormat("tr-TR", { dateStyle: "medium", timeZone: "Europe/Istanbul" }).format(new Date(Date.now() + 30 * DAY));
  await expect(refusal).toContainText(until);
  await page.goto("/panel");
  await expect(page.getByTestId("apply-pause-banner")).toContainText("Son 12 ayda: 1 iptal, 0 gelmeme");

  const admin = await (await browser.newContext({ baseURL })).newPage();
  await logIn(admin, "admin@example.com");
  await admin.getByTestId("user-menu").click();
  await admin.getByRole("link", { name: "Başvuru duraklatmaları" }).click();
  const row = admin.getByTestId("apply-pause").filter({ hasText: assignee.fullName });
  await row.getByRole("button", { name: "Duraklatmayı kaldır" }).click();
  // the lifted pause leaves the list of running ones
  await expect(row).toHaveCount(0);
  await admin.goto("/yonetim/denetim");
  await expect(admin.getByTestId("audit-entry").filter({ hasText: "Başvuru duraklatması kaldırıldı" }).filter({ hasText: assignee.fullName }).first()).toBeVisible();

  await page.goto("/panel");
  await expect(page.getByTestId("apply-pause-banner")).toHaveCount(0);
  await page.goto(`/ilanlar/${openId}`);
  await page.getByLabel("Notunuz").fill(note);
  await page.getByRole("button", { name: "Başvur" }).click();
  await expect(page.getByTestId("my-application")).toContainText("Değerlendiriliyor");
});

test("dispute desk: a party opens a dispute, the administrator writes in it and the party sees it, the decision hides the review from the profile", async ({ browser, baseURL }) => {
  const [poster, assignee] = await Promise.all([newLawyer("ilanci"), newLawyer("gorevli")]);
  const tag = randomBytes(3).toString("hex");
  const jobId = await jobBetween(poster, assignee, "DONE", `Tamamlanan duruşma ${tag}`);
  const comment = `Duruşmaya geç kaldı ${tag}`;
  await withE2eDb(async (prisma) => {
    await prisma.review.create({ data: { jobId, authorId: poster.id, subjectId: assignee.id, overall: 1, professionalism: 1, communication: 1, punctuality: 1, comment } });
    await prisma.user.update({ where: { id: assignee.id }, data: { ratingSum: 1, ratingCount: 1 } });
  });

  const party = await (await browser.newContext({ baseURL })).newPage();
  await logIn(party, assignee.email);
  await party.goto(`/avukat/${assignee.id}`);
  await expect(party.getByTestId("review").filter({ hasText: comment })).toBeVisible();
  await party.goto(`/ilanlar/${jobId}`);
  await party.locator("summary", { hasText: "Uyuşmazlık aç" }).click();
  const reason = "Duruşmaya zamanında girdim; tutanak elimde, puan haksız verildi.";
  await party.getByLabel("Uyuşmazlığın gerekçesi").fill(reason);
  await party.getByRole("button", { name: "Uyuşmazlık Masası'na başvur" }).click();
  await expect(party).toHaveURL(/\/uyusmazlik\/[A-Za-z0-9_-]+$/);
  await expect(party.getByTestId("dispute-reason")).toHaveText(reason);
  const disputeUrl = party.url();

  const admin = await (await browser.newContext({ baseURL })).newPage();
  await logIn(admin, "admin@example.com");
  await admin.getByTestId("user-menu").click();
  await admin.getByRole("link", { name: "Uyuşmazlık Masası" }).click();
  await admin.getByTestId("open-dispute").filter({ hasText: `Tamamlanan duruşma ${tag}` }).getByRole("link").click();
  await expect(admin.getByTestId("dispute-reason")).toHaveText(reason);
  const deskMessage = "Lütfen duruşma tutanağını bu yazışmaya ekleyin.";
  await admin.getByLabel("Mesajınız").fill(deskMessage);
  await admin.getByRole("button", { name: "Mesajı gönder" }).click();
  await expect(admin.getByTestId("dispute-message").filter({ hasText: deskMessage })).toBeVisible();

  await party.goto(disputeUrl);
  await expect(party.getByTestId("dispute-message").filter({ hasText: deskMessage })).toContainText("Uyuşmazlık Masası");
  await party.getByLabel("Mesajınız").fill("Tutanak UYAP'ta mevcut, dosyada görülebilir.");
  await party.getByRole("button", { name: "Mesajı gönder" }).click();
  await expect(party.getByTestId("dispute-message")).toHaveCount(2);

  await admin.reload();
  await expect(admin.getByTestId("dispute-message")).toHaveCount(2);
  await admin.getByLabel("Karar notu").fill("Tutanak duruşmaya katılımı gösteriyor; değerlendirme gizlenir.");
  await admin.getByLabel("Bu işin değerlendirmeleri").selectOption("HIDE");
  await admin.getByRole("button", { name: "Karara bağla" }).click();
  await expect(admin.getByTestId("dispute-status")).toHaveText("Karara bağlandı");

  await party.goto(`/avukat/${assignee.id}`);
  await expect(party.getByTestId("review").filter({ hasText: comment })).toHaveCount(0);
  await expect(party.getByText("Henüz değerlendirme yok.")).toBeVisible();
  await party.goto(disputeUrl);
  await expect(party.getByTestId("dispute-decision")).toContainText("Değerlendirmeler gizlendi");
});
