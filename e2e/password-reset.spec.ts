import { expect, logIn } from "@/e2e/support/fixtures";
import { mailLink, test } from "@/e2e/support/mail-fixtures";
import { closeDb } from "@/lib/db";
import { closeRedis } from "@/lib/redis";
import { createTestUser, TEST_PASSWORD } from "@/test/factories";

// This process creates the test user in the e2e run's database; lib modules read their configuration on first use.
// (The runner also loads this file, to list tests, before the run's namespace exists.)
for (const name of ["DATABASE_URL", "REDIS_URL", "REDIS_PREFIX"]) {
  const value = process.env[`E2E_${name}`];
  if (value) process.env[name] = value;
}

test.afterAll(async () => {
  await Promise.all([closeRedis(), closeDb()]);
});

test("a lawyer who forgot the password resets it from the e-mailed link, once, and every old session ends", async ({ page, browser, smtp, app }) => {
  const user = await createTestUser();
  const NEW_PASSWORD = "yepyeni-sifre-2026";

  // a session on another device, which the reset must end
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  await logIn(other, user.email, TEST_PASSWORD);

  await page.goto("/giris");
  await page.getByRole("link", { name: "Şifremi unuttum" }).click();
  await expect(page).toHaveURL(/\/sifremi-unuttum$/);
  await page.getByLabel("E-posta").fill(user.email);
  await page.getByRole("button", { name: "Sıfırlama bağlantısı gönder" }).click();
  await expect(page.getByText("Bu e-posta adresiyle kayıtlı bir hesap varsa", { exact: false })).toBeVisible();

  const { subject, link } = await mailLink(smtp, user.email, app.url, "/sifre-sifirla/");
  expect(subject).toBe("Şifre sıfırlama · Tevkil");

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Yeni şifre belirleyin" })).toBeVisible();
  await page.getByLabel("Yeni şifre", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Yeni şifre (tekrar)").fill(`${NEW_PASSWORD}!`);
  await page.getByRole("button", { name: "Şifremi değiştir" }).click();
  await expect(page.getByText("Şifreler eşleşmiyor.")).toBeVisible();

  await page.getByLabel("Yeni şifre", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Yeni şifre (tekrar)").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Şifremi değiştir" }).click();
  await expect(page).toHaveURL(/\/giris\?sifre=yenilendi$/);
  await expect(page.getByTestId("password-reset-done")).toContainText("Şifreniz değiştirildi");

  // the other device is signed out
  await other.goto("/panel");
  await expect(other).toHaveURL(/\/giris\?next=%2Fpanel/);
  await otherDevice.close();

  await logIn(page, user.email, NEW_PASSWORD);

  // the link is used up
  await page.goto(link);
  await expect(page.getByTestId("reset-link-invalid")).toContainText("süresi dolmuş ya da bağlantı daha önce kullanılmış");
});

test("an unknown e-mail gets the same answer and no e-mail", async ({ page, smtp }) => {
  const before = smtp.received.length;
  await page.goto("/sifremi-unuttum");
  await page.getByLabel("E-posta").fill("hic-kayitli-olmayan@example.com");
  await page.getByRole("button", { name: "Sıfırlama bağlantısı gönder" }).click();
  await expect(page.getByText("Bu e-posta adresiyle kayıtlı bir hesap varsa", { exact: false })).toBeVisible();
  await page.waitForTimeout(1_000);
  expect(smtp.received.slice(before).filter((m) => m.envelopeTo.includes("hic-kayitli-olmayan@example.com"))).toHaveLength(0);
});
