import { Secret, TOTP } from "otpauth";
import type { Page } from "@playwright/test";
import { test, expect, logIn } from "@/e2e/support/fixtures";
import { createVerifiedLawyer } from "@/e2e/support/verified-lawyer";

// Two-step login as a lawyer meets it: turn it on with the QR code's key and the app's code, keep the recovery codes,
// log in with a code, then with a recovery code once (a second use fails). Between the password and the code the
// browser reaches nothing.

const PASSWORD = "iki-adim-sifre-2026";

const totpCode = (key: string, offsetSteps = 0) => new TOTP({ secret: Secret.fromBase32(key) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

async function passwordStep(page: Page, email: string) {
  await page.goto("/giris");
  await page.getByLabel("E-posta").fill(email);
  await page.getByLabel("Şifre").fill(PASSWORD);
  await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
  await expect(page).toHaveURL(/\/giris\/iki-adim/);
}

async function logOut(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await expect(page.getByRole("link", { name: "Giriş yap" }).first()).toBeVisible();
}

test("a lawyer turns on two-step login, logs in with the app's code, and with a recovery code exactly once", async ({ page }) => {
  test.setTimeout(120_000);
  const email = await createVerifiedLawyer({ label: "iki-adim", password: PASSWORD });
  await logIn(page, email, PASSWORD);
  await page.goto("/ayarlar");
  await page.getByRole("link", { name: "İki adımlı doğrulama" }).click();
  await page.getByRole("button", { name: "İki adımlı doğrulamayı aç" }).click();
  await expect(page.getByRole("img", { name: "İki adımlı doğrulama QR kodu" }).locator("svg")).toBeVisible();
  const key = (await page.getByTestId("totp-manual-key").innerText()).replace(/\s/g, "");
  await page.getByLabel("Doğrulama kodu").fill("000000");
  await page.getByRole("button", { name: "Doğrula ve aç" }).click();
  await expect(page.getByText("Kod geçersiz ya da süresi doldu.", { exact: false })).toBeVisible();
  await page.getByLabel("Doğrulama kodu").fill(totpCode(key));
  await page.getByRole("button", { name: "Doğrula ve aç" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li code")).toHaveCount(10);
  const codes = await page.getByTestId("recovery-codes").locator("li code").allInnerTexts();
  await page.getByRole("link", { name: "Tamam, kaydettim" }).click();
  await expect(page.getByTestId("two-factor-state")).toContainText("Açık");
  await logOut(page);

  // the password alone opens nothing: the half-way browser is sent back to log in
  await passwordStep(page, email);
  await page.goto("/panel");
  await expect(page).toHaveURL(/\/giris\?next=%2Fpanel/);
  await page.goto("/giris/iki-adim");
  await page.getByLabel("Doğrulama kodu").fill("123456");
  await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
  await expect(page.getByText("Kod geçersiz ya da süresi doldu.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Doğrulama kodu")).toBeFocused();
  await page.getByLabel("Doğrulama kodu").fill(totpCode(key, 1)); // the enrolment used the current step
  await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
  await expect(page).toHaveURL(/\/panel/);
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await logOut(page);

  // a recovery code, typed in capitals with a space, works once
  const recovery = codes[0].toUpperCase().replace("-", " ");
  await passwordStep(page, email);
  await page.getByLabel("Doğrulama kodu").fill(recovery);
  await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
  await expect(page).toHaveURL(/\/panel/);
  await page.goto("/ayarlar/iki-adim");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("Kullanılmamış kurtarma kodu: 9");
  // both show in the account's security log
  await page.goto("/ayarlar/guvenlik");
  await expect(page.locator('[data-testid=security-event][data-type=TWO_FACTOR_ENABLED]')).toContainText("İki adımlı doğrulama açıldı");
  await expect(page.locator('[data-testid=security-event][data-type=RECOVERY_CODE_USED]')).toContainText("kurtarma kodu kullanıldı");
  await logOut(page);
  await passwordStep(page, email);
  await page.getByLabel("Doğrulama kodu").fill(recovery);
  await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
  await expect(page.getByText("Kod geçersiz ya da süresi doldu.", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/giris\/iki-adim/);
});

test("an administrator without two-step login is sent to set it up before any admin page opens", async ({ page }) => {
  const email = await createVerifiedLawyer({ label: "iki-adim", password: PASSWORD, role: "ADMIN" });
  await logIn(page, email, PASSWORD);
  await page.goto("/yonetim/dogrulama");
  await expect(page.getByTestId("admin-needs-two-factor")).toContainText("iki adımlı doğrulama zorunludur");
  await expect(page.getByTestId("pending-lawyer")).toHaveCount(0);
  await page.getByRole("link", { name: "İki adımlı doğrulamayı kur" }).click();
  await expect(page.getByTestId("two-factor-required")).toBeVisible();
});

test("Auth.js's own credentials endpoint gives such an account no session, only the code step", async ({ page, request, app }) => {
  // the demo administrator has two-step login
  const csrf = await (await request.get(`${app.url}/api/auth/csrf`)).json();
  const answer = await request.post(`${app.url}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email: "admin@example.com", password: "tevkil-demo-2026" },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(302);
  expect(answer.headers().location).toContain("code=second_factor");
  const cookies = answer.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(cookies.some((c) => c.startsWith("tevkil-2fa="))).toBe(true);
  expect(cookies.some((c) => /^authjs\.session-token=[^;]+/.test(c) && !c.startsWith("authjs.session-token=;"))).toBe(false);
  // a browser that follows the redirect lands on the code step
  await page.goto(answer.headers().location!);
  await expect(page).toHaveURL(/\/giris\/iki-adim/);
});
