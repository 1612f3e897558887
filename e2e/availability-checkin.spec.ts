import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect, socketConnected, DEMO_PASSWORD } from "@/e2e/support/fixtures";
import { createPrismaClient } from "@/lib/db";

// Issue 14 items 1 and 2: availability ("görev alıyorum", courthouses, task types) and "Adliyedeyim", with two or
// three lawyers at once. Each test makes its own verified lawyers so no other spec's follows or check-ins count.

const DAY = 86_400_000;
/** A datetime-local value `days` from now, in Istanbul time (UTC+3 all year). */
const istanbulInput = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour - 3, 0, 0, 0);
  return new Date(date.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
};

type Lawyer = { id: string; email: string; fullName: string };

async function newLawyers(count: number): Promise<Lawyer[]> {
  const { prisma, pool } = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { email: "ayse@example.com" }, select: { passwordHash: true } });
    const made: Lawyer[] = [];
    for (let i = 0; i < count; i++) {
      const suffix = randomBytes(4).toString("hex");
      made.push(
        await prisma.user.create({
          data: {
            email: `adliyede-${suffix}@example.com`, passwordHash, fullName: `Av. Deniz ${suffix.toUpperCase()}`, provinceId: 34, barName: "İstanbul Barosu",
            barNumber: String(parseInt(suffix, 16) % 1_000_000_000), verification: "VERIFIED", kvkkConsentAt: new Date(), emailConfirmedAt: new Date(),
          },
          select: { id: true, email: true, fullName: true },
        }),
      );
    }
    return made;
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

async function signedIn(browser: Browser, lawyer: Lawyer): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // logIn's steps with more patience: with three browsers at once on a busy 2-core machine a login took over 10 s
  await page.goto("/giris");
  await page.getByLabel("E-posta").fill(lawyer.email);
  await page.getByLabel("Şifre").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
  await expect(page).toHaveURL(/\/panel/, { timeout: 30_000 });
  await expect(page.getByTestId("user-menu")).toBeVisible();
  return page;
}

async function followBakirkoy(page: Page) {
  await page.goto("/ayarlar/takip");
  await page.getByLabel("İl").selectOption({ label: "İstanbul" });
  await page.getByLabel("Adliye").selectOption({ label: "Bakırköy Adliyesi" });
  await page.getByRole("button", { name: "Takip et" }).click();
  await expect(page.getByTestId("follow-item").filter({ hasText: "Bakırköy Adliyesi (İstanbul)" })).toBeVisible();
}

/** Posts a job at Bakırköy through the form; returns its URL. */
async function postAtBakirkoy(page: Page, job: { title: string; taskType: string; urgency?: string; fee?: string }): Promise<string> {
  await page.goto("/ilanlar/yeni");
  await page.getByLabel("Görev türü").selectOption({ label: job.taskType });
  await page.getByLabel("Hukuk alanı").fill("Borçlar Hukuku");
  await page.getByLabel("Başlık").fill(job.title);
  await page.getByLabel("İl").selectOption({ label: "İstanbul" });
  await page.getByLabel("Adliye").selectOption({ label: "Bakırköy Adliyesi" });
  await page.getByLabel("Görev tarihi ve saati").fill(istanbulInput(5, 10));
  await page.getByLabel("Son başvuru tarihi").fill(istanbulInput(3, 18));
  await page.getByLabel("Ücret (TL)").fill(job.fee ?? "9.000");
  if (job.urgency) await page.getByLabel("Aciliyet").selectOption({ label: job.urgency });
  await page.getByLabel("Açıklama").fill("Bakırköy Adliyesi'nde görülecek iş; ayrıntılar görevlendirmeden sonra paylaşılacaktır.");
  await page.getByRole("button", { name: "İlanı yayınla" }).click();
  await expect(page).toHaveURL(/\/ilanlar\/[a-z0-9]+\?yeni=1$/);
  return page.url().replace(/\?yeni=1$/, "");
}

test("availability: a lawyer who takes only petitions hears of a petition at Bakırköy, not of a hearing; 'Bana uygun' is theirs alone", async ({ browser }) => {
  test.setTimeout(150_000);
  const [aLawyer, bLawyer, cLawyer] = await newLawyers(3);
  const a = await signedIn(browser, aLawyer);
  await followBakirkoy(a);

  // A takes only petitions: from the settings, through the form
  await a.goto("/ayarlar");
  await a.getByRole("link", { name: "Görev durumu" }).click();
  await expect(a.getByRole("heading", { name: "Görev durumu" })).toBeVisible();
  await expect(a.getByLabel("Görev alıyorum (kapalıyken yeni ilan bildirimi almazsınız)")).toBeChecked();
  await expect(a.getByLabel("Bakırköy Adliyesi (İstanbul)")).toBeChecked();
  for (const type of ["Duruşma", "Dosya inceleme", "Haciz / icra", "Keşif / delil tespiti", "Fotokopi / suret", "Tebligat", "Cezaevi görüşmesi", "Diğer"]) {
    await a.getByLabel(type, { exact: true }).uncheck();
  }
  await a.getByLabel("Dilekçe", { exact: true }).uncheck();
  await a.getByRole("button", { name: "Kaydet" }).click();
  await expect(a.getByRole("alert").filter({ hasText: "En az bir görev türü seçin" })).toBeVisible();
  await a.getByLabel("Dilekçe", { exact: true }).check();
  await a.getByRole("button", { name: "Kaydet" }).click();
  await expect(a.getByText("Görev durumunuz kaydedildi.")).toBeVisible();
  await a.reload();
  await expect(a.getByLabel("Dilekçe", { exact: true })).toBeChecked();
  await expect(a.getByLabel("Duruşma", { exact: true })).not.toBeChecked();

  // A watches the board; B posts a hearing, then a petition, at Bakırköy
  const connected = socketConnected(a);
  await a.goto("/ilanlar");
  await connected;
  const b = await signedIn(browser, bLawyer);
  const suffix = randomBytes(3).toString("hex");
  const hearing = `Bakırköy duruşması ${suffix}`;
  const petition = `Bakırköy dilekçesi ${suffix}`;
  await postAtBakirkoy(b, { title: hearing, taskType: "Duruşma" });
  await postAtBakirkoy(b, { title: petition, taskType: "Dilekçe" });

  const live = a.getByTestId("live-jobs");
  await expect(live.getByTestId("job-card").filter({ hasText: petition })).toBeVisible();
  // announced in order: had the hearing been sent, it would be here before the petition
  await expect(live.getByTestId("job-card").filter({ hasText: hearing })).toHaveCount(0);
  await expect(a.getByTestId("notification-count")).toHaveText("1");

  // "Bana uygun" through the board's form: the petition, not the hearing, and never a shared cached copy
  await a.goto("/ilanlar");
  await a.getByLabel(/Bana uygun/).check();
  const [response] = await Promise.all([
    a.waitForResponse((r) => r.url().includes("/ilanlar?") && r.url().includes("bana=1") && r.request().resourceType() === "document"),
    a.getByRole("button", { name: "Filtrele" }).click(),
  ]);
  expect(response.headers()["x-page-cache"]).toBeUndefined();
  await expect(a.getByTestId("job-card").filter({ hasText: petition })).toBeVisible();
  await expect(a.getByTestId("job-card").filter({ hasText: hearing })).toHaveCount(0);
  await expect(a.getByLabel(/Bana uygun/)).toBeChecked();

  // C follows nothing: the same form shows C's own answer, not A's page
  const c = await signedIn(browser, cLawyer);
  await c.goto("/ilanlar");
  await c.getByLabel(/Bana uygun/).check();
  await c.getByRole("button", { name: "Filtrele" }).click();
  await expect(c.getByTestId("for-me-notice")).toContainText("Takip ettiğiniz bir adliye yok");
  await expect(c.getByTestId("job-card").filter({ hasText: petition })).toHaveCount(0);

  // A turns work off: the board's "Bana uygun" says so, and a new petition brings no notice
  await a.goto("/ayarlar/gorev-durumu");
  await a.getByLabel("Görev alıyorum (kapalıyken yeni ilan bildirimi almazsınız)").uncheck();
  await a.getByRole("button", { name: "Kaydet" }).click();
  await expect(a.getByText("Görev durumunuz kaydedildi.")).toBeVisible();
  const again = socketConnected(a);
  await a.goto("/ilanlar");
  await again;
  await a.getByLabel(/Bana uygun/).check();
  await a.getByRole("button", { name: "Filtrele" }).click();
  await expect(a.getByTestId("for-me-notice")).toContainText("Görev alma durumunuz kapalı");
  await postAtBakirkoy(b, { title: `Kapalıyken dilekçe ${suffix}`, taskType: "Dilekçe" });
  await a.goto("/bildirimler");
  await expect(a.getByText(petition)).toBeVisible();
  await expect(a.getByText(`Kapalıyken dilekçe ${suffix}`)).toHaveCount(0);
});

test("Adliyedeyim: A checks in at Bakırköy, B's very urgent job there reaches A live, the job page counts 1, then 0 after A leaves", async ({ browser }) => {
  test.setTimeout(150_000);
  const [aLawyer, bLawyer] = await newLawyers(2);
  const a = await signedIn(browser, aLawyer);

  // the header menu leads to the button on the panel
  await a.getByTestId("user-menu").click();
  await a.getByRole("link", { name: "Adliyedeyim" }).click();
  const checkIn = a.getByTestId("check-in");
  await checkIn.getByRole("button", { name: "Adliyedeyim" }).click();
  await checkIn.getByLabel("İl").selectOption({ label: "İstanbul" });
  await checkIn.getByLabel("Adliye").selectOption({ label: "Bakırköy Adliyesi" });
  await expect(checkIn.getByLabel("Saat kaça kadar oradasınız?")).toHaveValue(/^\d\d:\d\d$/);
  await checkIn.getByRole("button", { name: "Buradayım" }).click();
  await expect(a.getByTestId("check-in-state")).toContainText("Bakırköy Adliyesi");

  // A stays on the panel with the socket open; B posts a very urgent job at Bakırköy
  const connected = socketConnected(a);
  await a.reload();
  await connected;
  await expect(a.getByTestId("check-in-state")).toContainText("Bakırköy Adliyesi");
  const b = await signedIn(browser, bLawyer);
  const title = `Bakırköy'de çok acil duruşma ${randomBytes(3).toString("hex")}`;
  const jobUrl = await postAtBakirkoy(b, { title, taskType: "Duruşma", urgency: "Çok acil" });

  const notice = a.getByTestId("urgent-job-notice");
  await expect(notice).toContainText(title);
  await expect(notice).toContainText("Çok acil ilan, bulunduğunuz adliyede");
  await expect(a.getByTestId("notification-count")).toHaveText("1");

  // the job page counts A, without naming them
  await b.goto(jobUrl);
  await expect(b.getByTestId("courthouse-presence")).toHaveText("Şu an bu adliyede 1 meslektaş");
  await expect(b.getByTestId("courthouse-presence")).not.toContainText(aLawyer.fullName);

  // A allows the name to be shown: B sees it on the next view
  await a.goto("/ayarlar/gorev-durumu");
  await a.getByLabel(/adımı meslektaşlarıma göster/).check();
  await a.getByRole("button", { name: "Kaydet" }).click();
  await expect(a.getByText("Görev durumunuz kaydedildi.")).toBeVisible();
  await b.reload();
  await expect(b.getByTestId("courthouse-presence")).toContainText(`Şu an bu adliyede 1 meslektaş: ${aLawyer.fullName}`);

  // A leaves: the next view of the job page counts nobody
  await a.goto("/panel");
  await a.getByTestId("check-in").getByRole("button", { name: "Adliyeden ayrıldım" }).click();
  await expect(a.getByTestId("check-in").getByRole("button", { name: "Adliyedeyim" })).toBeVisible();
  await b.reload();
  await expect(b.getByTestId("courthouse-presence")).toHaveText("Şu an bu adliyede 0 meslektaş");
});
