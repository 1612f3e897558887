import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { withE2eDb } from "@/e2e/support/e2e-db";
import { test, expect, logIn } from "@/e2e/support/fixtures";
import { pdfText } from "@/test/pdf-text";

// Demo accounts (lib/reference/seed-demo-data.ts): Ayşe posts, Mehmet takes the work.
const AYSE = { email: "ayse@example.com", name: "Av. Ayşe Yılmaz", barNumber: "48213" };
const MEHMET = { email: "mehmet@example.com", name: "Av. Mehmet Demir", barNumber: "21877" };

const DAY = 86_400_000;
/** A datetime-local value `days` from now, in Istanbul time (UTC+3 all year). */
const istanbulInput = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour - 3, 0, 0, 0);
  return new Date(date.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
};

/** Resolves once the page's Socket.IO connection is open and acknowledged (so a pushed event cannot be missed). */
function socketReady(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (ws) => {
      if (!ws.url().includes("/socket.io/")) return;
      ws.on("framereceived", (frame) => {
        if (String(frame.payload).startsWith("40")) resolve();
      });
    });
  });
}

test("A posts → B sees it live → applies → A accepts → B gets the file number and yetki belgesi → completes → both review → profiles show it", async ({ browser }) => {
  // other specs complete work with the demo lawyers too: this job adds one to what Mehmet had
  const mehmetCompletedBefore = await withE2eDb(async (db) => (await db.user.findUniqueOrThrow({ where: { email: MEHMET.email } })).completedJobCount);
  test.setTimeout(120_000);
  const title = `Bakırköy'de kira alacağı duruşması ${randomBytes(3).toString("hex")}`;
  const fileNumber = `2026/${Math.floor(Math.random() * 9000) + 1000} E.`;

  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  await logIn(b, MEHMET.email);

  // B covers Bakırköy (İstanbul) and opens the board
  await b.goto("/ayarlar/takip");
  await b.getByLabel("İl").selectOption({ label: "İstanbul" });
  await b.getByLabel("Adliye").selectOption({ label: "Bakırköy Adliyesi" });
  await b.getByRole("button", { name: "Takip et" }).click();
  await expect(b.getByTestId("follow-item").filter({ hasText: "Bakırköy Adliyesi (İstanbul)" })).toBeVisible();
  const connected = socketReady(b);
  await b.goto("/ilanlar?il=34");
  await connected;
  await expect(b.getByTestId("job-card").filter({ hasText: title })).toHaveCount(0);
  const countBefore = Number((await b.getByTestId("result-count").innerText()).match(/^([\d.]+) açık ilan/)![1].replace(/\./g, ""));

  // A posts, first with mistakes (Turkish field messages, nothing saved), then correctly
  const aContext = await browser.newContext();
  const a = await aContext.newPage();
  await logIn(a, AYSE.email);
  await a.goto("/ilanlar/yeni");
  await a.getByLabel("Görev türü").selectOption({ label: "Dilekçe" });
  await expect(a.getByTestId("fee-guidance")).toContainText("Dilekçe yazımı en az 6.000,00 ₺");
  await a.getByLabel("Görev türü").selectOption({ label: "Duruşma" });
  await a.getByLabel("Başlık").fill("Kısa");
  await a.getByRole("button", { name: "İlanı yayınla" }).click();
  await expect(a.getByText("Başlık en az 5 karakter olmalı.")).toBeVisible();
  await expect(a.getByText("İl seçin.")).toBeVisible();
  await expect(a).toHaveURL(/\/ilanlar\/yeni$/);

  await a.getByLabel("Hukuk alanı").fill("Borçlar Hukuku");
  await a.getByLabel("Başlık").fill(title);
  await a.getByLabel("İl").selectOption({ label: "İstanbul" });
  await a.getByLabel("Adliye").selectOption({ label: "Bakırköy Adliyesi" });
  await a.getByLabel("Mahkeme / daire (isteğe bağlı)").fill("Bakırköy 4. Sulh Hukuk Mahkemesi");
  await a.getByLabel("Dosya numarası (isteğe bağlı)").fill(fileNumber);
  await a.getByLabel("Görev tarihi ve saati").fill(istanbulInput(5, 10));
  await a.getByLabel("Son başvuru tarihi").fill(istanbulInput(3, 18));
  await a.getByLabel("Ücret (TL)").fill("2.500");
  await a.getByLabel("Açıklama").fill("Kira alacağı davasında ön inceleme duruşması; dilekçeler ve tensip zaptı paylaşılacak.");
  await a.getByRole("button", { name: "İlanı yayınla" }).click();
  await expect(a).toHaveURL(/\/ilanlar\/[a-z0-9]+\?yeni=1$/);
  await expect(a.getByTestId("job-title")).toHaveText(title);
  await expect(a.getByTestId("job-fee")).toHaveText("2.500,00 ₺");
  const jobUrl = a.url().replace(/\?yeni=1$/, "");

  // B's board shows it without a reload
  const liveCard = b.getByTestId("live-jobs").getByTestId("job-card").filter({ hasText: title });
  await expect(liveCard).toBeVisible();
  await expect(liveCard).toContainText("2.500,00 ₺");
  await expect(liveCard).toContainText("Bakırköy Adliyesi");
  // the count above the list counts the card that arrived
  await expect(b.getByTestId("result-count")).toContainText(`${(countBefore + 1).toLocaleString("tr-TR")} açık ilan`);

  // B applies with a note and a fee; the file number is not shown before assignment
  await liveCard.getByRole("link", { name: title }).click();
  await expect(b.getByTestId("job-title")).toHaveText(title);
  await expect(b.getByText(fileNumber)).toHaveCount(0);
  await b.getByLabel("Notunuz").fill("Bakırköy Adliyesi'nde her hafta duruşmam var, katılabilirim.");
  await b.getByLabel("Önerdiğiniz ücret (TL, isteğe bağlı)").fill("2.750");
  await b.getByRole("button", { name: "Başvur" }).click();
  await expect(b.getByTestId("my-application")).toContainText("Değerlendiriliyor");

  // A sees the applicant with their fee (by initials: the post form hides applicants' names by default) and accepts
  await a.goto(jobUrl);
  const applicant = a.getByTestId("applicant").filter({ hasText: "M. D." });
  await expect(applicant).not.toContainText(MEHMET.name);
  await expect(applicant).toContainText("2.750,00 ₺");
  await expect(applicant).toContainText("Doğrulanmış");
  await applicant.getByTestId("accept-application").click();
  await expect(a.getByTestId("assignment")).toContainText(MEHMET.name);
  await expect(a.getByTestId("job-status")).toHaveText("Görevlendirildi");

  // B sees the assignment and the file number, and downloads the yetki belgesi
  await b.goto(jobUrl);
  await expect(b.getByTestId("assignment")).toContainText("Bu iş size verildi");
  await expect(b.getByTestId("file-number")).toHaveText(fileNumber);
  const [download] = await Promise.all([b.waitForEvent("download"), b.getByTestId("authorisation-pdf").click()]);
  expect(download.suggestedFilename()).toMatch(/^yetki-belgesi-TVK-20\d\d-\d{6}\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(pdf);
  expect(text).toContain(AYSE.barNumber);
  expect(text).toContain(MEHMET.barNumber);
  expect(text).toContain(fileNumber);
  expect(text).toContain("YETKİ BELGESİ");

  // B completes with a report, then reviews A
  await b.getByLabel("Duruşmada ne oldu?").selectOption({ label: "Ertelendi" });
  await b.getByLabel("Ne yapıldı? (rapor)").fill("Duruşmaya katıldım; ön inceleme tamamlandı, tahkikata geçildi.");
  await b.getByLabel("Sonraki duruşma tarihi ve saati").fill(istanbulInput(40, 11));
  await b.getByRole("button", { name: "Raporu gönder ve işi tamamla" }).click();
  await expect(b.getByTestId("job-status")).toHaveText("Tamamlandı");
  await expect(b.getByTestId("job-notice")).toContainText("İş tamamlandı olarak işaretlendi");
  await expect(b.getByTestId("completion-report")).toContainText("ön inceleme tamamlandı");
  const bReview = b.getByTestId("review-form");
  await bReview.getByLabel("Genel puan").selectOption("4");
  await bReview.getByLabel("Yorum (isteğe bağlı)").fill("Dosya özeti çok açıktı, teşekkürler.");
  await bReview.getByRole("button", { name: "Değerlendirmeyi gönder" }).click();
  await expect(b.getByTestId("review-form")).toHaveCount(0);
  await expect(b.getByTestId("job-notice")).toHaveText("Değerlendirmeniz kaydedildi. Teşekkürler!");

  // A reads the report and reviews B
  await a.goto(jobUrl);
  await expect(a.getByTestId("completion-report")).toContainText("ön inceleme tamamlandı");
  const aReview = a.getByTestId("review-form");
  await aReview.getByLabel("Genel puan").selectOption("5");
  await aReview.getByLabel("Yorum (isteğe bağlı)").fill("Zamanında ve özenli rapor.");
  await aReview.getByRole("button", { name: "Değerlendirmeyi gönder" }).click();
  await expect(a.getByTestId("review-form")).toHaveCount(0);
  // both reviews are on the job's page, for anyone who opens it
  await expect(a.getByTestId("job-review")).toHaveCount(2);
  await expect(a.getByTestId("job-reviews")).toContainText("Dosya özeti çok açıktı, teşekkürler.");
  await expect(a.getByTestId("job-reviews")).toContainText("Zamanında ve özenli rapor.");

  // both profiles show the ratings; B's shows the completed job
  await a.getByTestId("assignment").getByRole("link", { name: MEHMET.name }).click();
  await expect(a.getByTestId("profile-name")).toHaveText(MEHMET.name);
  await expect(a.getByTestId("profile-rating")).toContainText("5,0");
  await expect(a.getByTestId("completed-count")).toHaveText(String(mehmetCompletedBefore + 1));
  await expect(a.getByTestId("review").filter({ hasText: "Zamanında ve özenli rapor." })).toBeVisible();

  await b.getByRole("link", { name: AYSE.name }).first().click();
  await expect(b.getByTestId("profile-name")).toHaveText(AYSE.name);
  await expect(b.getByTestId("profile-rating")).toContainText("4,0");
  await expect(b.getByTestId("review").filter({ hasText: "Dosya özeti çok açıktı" })).toBeVisible();

  // the dashboard lists the job among A's completed jobs
  await a.goto("/panel?ilan=DONE");
  await expect(a.getByTestId("my-jobs").getByTestId("job-card").filter({ hasText: title })).toBeVisible();
  await Promise.all([aContext.close(), bContext.close()]);
});

test("a lawyer who is not party to a job is refused its yetki belgesi", async ({ browser, app }) => {
  const zContext = await browser.newContext();
  const z = await zContext.newPage();
  await logIn(z, "zeynep@example.com");
  await z.goto("/ilanlar?sirala=newest");
  const first = z.getByTestId("job-card").first();
  await expect(first).toBeVisible();
  const href = await first.getByRole("link").first().getAttribute("href");
  const jobId = href!.split("/").pop()!;

  const pdf = await z.request.get(`${app.url}/api/ilanlar/${jobId}/yetki-belgesi`);
  expect(pdf.status()).toBe(403);
  expect((await pdf.json()).error.message).toContain("yalnızca görevlendirilen avukata");
  await zContext.close();
});

test("a lawyer uploads a photo (resized) and subscribes to the private calendar feed", async ({ browser, app }) => {
  const sharp = (await import("sharp")).default;
  const photo = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer();
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, "zeynep@example.com");
  await page.goto("/ayarlar/profil");

  await page.getByLabel(/Profil fotoğrafı/).setInputFiles({ name: "bana-ait.txt", mimeType: "image/png", buffer: Buffer.from("resim değil") });
  await page.getByRole("button", { name: "Fotoğrafı yükle" }).click();
  await expect(page.getByText("Yalnızca JPEG, PNG veya WebP fotoğraf yükleyebilirsiniz.")).toBeVisible();

  await page.getByLabel(/Profil fotoğrafı/).setInputFiles({ name: "vesikalik.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByRole("button", { name: "Fotoğrafı yükle" }).click();
  await expect(page.getByText("Fotoğrafınız güncellendi.")).toBeVisible();
  const src = await page.locator("img.avatar").first().getAttribute("src");
  const served = await page.request.get(`${app.url}${src}`);
  expect(served.headers()["content-type"]).toBe("image/webp");
  const meta = await sharp(await served.body()).metadata();
  expect([meta.width, meta.height]).toEqual([256, 256]);

  const calendarUrl = await page.getByTestId("calendar-url").inputValue();
  expect(calendarUrl).toMatch(/\/takvim\/[A-Za-z0-9_-]+\.ics$/);
  const feed = await page.request.get(calendarUrl.replace(/^https?:\/\/[^/]+/, app.url));
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await context.close();
});
