import { randomBytes, randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { DEMO_PASSWORD, expect, logIn } from "@/e2e/support/fixtures";
import { withE2eDb } from "@/e2e/support/e2e-db";
import { test } from "@/e2e/support/mail-fixtures";

// KVKK md. 11 in the browser, with the real worker process: the export is built by the worker and announced by a
// notification; closing an account leaves the counterparty's conversation under "Silinmiş kullanıcı".

const unique = () => randomBytes(4).toString("hex");

/** A verified lawyer with the demo password, and one job they posted. */
async function newLawyer(name: string): Promise<{ id: string; email: string; jobTitle: string }> {
  const email = `kvkk-${unique()}@example.com`;
  const jobTitle = `Kira tespit davası duruşması ${unique()}`;
  return withE2eDb(async (db) => {
    const ayse = await db.user.findUniqueOrThrow({ where: { email: "ayse@example.com" }, select: { passwordHash: true } });
    const courthouse = await db.courthouse.findFirstOrThrow({ where: { provinceId: 35 }, select: { id: true } });
    const user = await db.user.create({
      data: {
        email, passwordHash: ayse.passwordHash, fullName: name, provinceId: 35, barName: "İzmir Barosu", barNumber: String(randomInt(1e7, 1e8)),
        verification: "VERIFIED", kvkkConsentAt: new Date(), emailConfirmedAt: new Date(),
      },
      select: { id: true },
    });
    const day = 86_400_000;
    await db.job.create({
      data: {
        posterId: user.id, taskType: "DURUSMA", lawArea: "Kira Hukuku", title: jobTitle, description: "Kira tespit davasında ikinci duruşma.",
        provinceId: 35, courthouseId: courthouse.id, scheduledAt: new Date(Date.now() + 6 * day), deadlineAt: new Date(Date.now() + 4 * day), feeKurus: 250_000,
      },
    });
    return { id: user.id, email, jobTitle };
  });
}

const mehmetId = () => withE2eDb(async (db) => (await db.user.findUniqueOrThrow({ where: { email: "mehmet@example.com" }, select: { id: true } })).id);

/** A browser of its own, from an address of its own, so the login limits of one address are not what is tested. */
async function newPage(browser: Browser): Promise<Page> {
  const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  return (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } })).newPage();
}

/** Writes to Mehmet the way a person does: "Mesaj gönder" on his profile. */
async function messageMehmet(page: Page, body: string): Promise<void> {
  await page.goto(`/avukat/${await mehmetId()}`);
  await page.getByRole("button", { name: "Mesaj gönder" }).click();
  await page.getByTestId("message-input").fill(body);
  await page.getByTestId("message-send").click();
  await expect(page.getByTestId("message-item").filter({ hasText: body })).toBeVisible();
}

test("a lawyer exports their data: the worker builds the ZIP, a notification says so, and only its owner downloads it", async ({ browser }) => {
  const lawyer = await newLawyer("Av. Defne Aksoy");
  const page = await newPage(browser);
  await logIn(page, lawyer.email, DEMO_PASSWORD);
  const body = `Dışa aktarılacak mesaj ${unique()}`;
  await messageMehmet(page, body);

  await page.goto("/ayarlar");
  await page.getByRole("link", { name: "Verilerim ve hesabı kapatma" }).click();
  await expect(page).toHaveURL(/\/ayarlar\/verilerim$/);
  await page.getByTestId("data-export-request").click();
  await expect(page.getByTestId("data-export-pending")).toBeVisible();

  // the worker's notification arrives live; the page redraws itself with the link
  await expect(page.getByTestId("notification-count")).toHaveText("1", { timeout: 30_000 });
  const link = page.getByTestId("data-export-download");
  await expect(link).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^tevkil-verilerim-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const conversations = JSON.parse(strFromU8(files["messages.json"]));
  expect(conversations.flatMap((c: { messages: { body: string }[] }) => c.messages.map((m) => m.body))).toContain(body);
  expect(conversations[0].members.map((m: { fullName: string }) => m.fullName)).toContain("Av. Mehmet Demir");
  const jobs = JSON.parse(strFromU8(files["jobs.json"]));
  expect(jobs.posted.map((j: { title: string }) => j.title)).toEqual([lawyer.jobTitle]);
  expect(JSON.parse(strFromU8(files["profile.json"]))).toMatchObject({ id: lawyer.id, email: lawyer.email });

  // served privately, never cached; to anyone else the link does not exist
  const href = (await link.getAttribute("href"))!;
  const own = await page.request.get(href);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toBe("private, no-store");
  const other = await newPage(browser);
  await logIn(other, "zeynep@example.com");
  expect((await other.request.get(href)).status()).toBe(404);
  expect((await (await newPage(browser)).request.get(href)).status()).toBe(401);
});

test("a lawyer closes their account: the counterparty's conversation shows 'Silinmiş kullanıcı' and the login is refused", async ({ browser }) => {
  const lawyer = await newLawyer("Av. Kerem Yücel");
  const page = await newPage(browser);
  await logIn(page, lawyer.email, DEMO_PASSWORD);
  const body = `Hesap kapanmadan önceki mesaj ${unique()}`;
  await messageMehmet(page, body);

  await page.goto("/ayarlar/verilerim");
  const form = page.getByTestId("delete-account-form");
  // a wrong password closes nothing
  await form.getByLabel("Mevcut şifre").fill("yanlis-sifre-2026");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Hesabımı kalıcı olarak kapat" }).click();
  await expect(form.locator("#field-delete-password-error")).toHaveText("Mevcut şifreniz doğru değil.");

  await form.getByLabel("Mevcut şifre").fill(DEMO_PASSWORD);
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Hesabımı kalıcı olarak kapat" }).click();
  await expect(page).toHaveURL(/\/hesap-kapatildi$/);
  await expect(page.getByTestId("account-closed")).toContainText("Tüm oturumlarınız sonlandırıldı");
  // the old cookie opens nothing any more
  await page.goto("/ayarlar");
  await expect(page).toHaveURL(/\/giris/);

  const mehmet = await newPage(browser);
  await logIn(mehmet, "mehmet@example.com");
  // the worker closes the account when the grace period is over (none in this run)
  const item = mehmet.getByTestId("conversation-item").filter({ hasText: body });
  await expect(async () => {
    await mehmet.goto("/mesajlar");
    await expect(item).toContainText("Silinmiş kullanıcı", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(item).not.toContainText("Kerem Yücel");
  await item.getByRole("link").first().click();
  await expect(mehmet.getByTestId("message-item").filter({ hasText: body })).toBeVisible();
  await expect(mehmet.locator("h1")).toContainText("Silinmiş kullanıcı");

  const again = await newPage(browser);
  await again.goto("/giris");
  await again.getByLabel("E-posta").fill(lawyer.email);
  await again.getByLabel("Şifre").fill(DEMO_PASSWORD);
  await again.getByRole("button", { name: "Giriş yap", exact: true }).click();
  await expect(again.getByText("E-posta adresi veya şifre hatalı.")).toBeVisible();
  await expect(again).toHaveURL(/\/giris/);
});
