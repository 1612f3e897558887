import { randomBytes } from "node:crypto";
import { test, expect, logIn } from "@/e2e/support/fixtures";

const unique = () => randomBytes(4).toString("hex");

test("a lawyer registers, lands on the dashboard unverified, logs out and logs back in", async ({ page }) => {
  const email = `yeni-${unique()}@example.com`;
  await page.goto("/kayit");
  await page.getByLabel("Ad soyad").fill("Av. Deniz Aksoy");
  await page.getByLabel("E-posta").fill(email);
  await page.getByLabel("Şifre").fill("kisa");
  await page.getByLabel("Çalıştığınız il").selectOption({ label: "Bursa" });
  await page.getByLabel("Kayıtlı olduğunuz baro").selectOption("Bursa Barosu");
  await page.getByLabel("Baro sicil numarası").fill(String(Date.now()).slice(-8));
  await page.getByRole("button", { name: "Kayıt ol" }).click();

  // short password and missing consent: Turkish messages, and what was typed is still there
  await expect(page.getByText("Şifre en az 10 karakter olmalı.")).toBeVisible();
  await expect(page.getByText("KVKK aydınlatma metnini onaylamanız gerekiyor.")).toBeVisible();
  await expect(page.getByLabel("E-posta")).toHaveValue(email);
  await expect(page.getByLabel("Kayıtlı olduğunuz baro")).toHaveValue("Bursa Barosu");

  await page.getByLabel("Şifre").fill("guclu-bir-sifre-2026");
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Kayıt ol" }).click();

  await expect(page).toHaveURL(/\/panel/);
  await expect(page.getByTestId("dashboard-title")).toHaveText("Merhaba, Av. Deniz Aksoy");
  // until the e-mailed link is opened, the banner asks for that (e2e/email-confirmation.spec.ts follows the link)
  await expect(page.getByTestId("email-confirmation-banner")).toContainText("E-posta adresinizi onaylayın");

  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await expect(page.getByRole("link", { name: "Giriş yap" }).first()).toBeVisible();
  await page.goto("/panel");
  await expect(page).toHaveURL(/\/giris\?next=%2Fpanel/);

  await logIn(page, email, "guclu-bir-sifre-2026");
  await expect(page.getByTestId("dashboard-title")).toHaveText("Merhaba, Av. Deniz Aksoy");
});

test("a wrong password gets a Turkish error and keeps the e-mail", async ({ page }) => {
  await page.goto("/giris");
  await page.getByLabel("E-posta").fill("mehmet@example.com");
  await page.getByLabel("Şifre").fill("yanlis-sifre-123");
  await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
  await expect(page.getByTestId("form-error")).toHaveText("E-posta adresi veya şifre hatalı.");
  await expect(page.getByLabel("E-posta")).toHaveValue("mehmet@example.com");
  await expect(page).toHaveURL(/\/giris/);
});

test("repeated wrong passwords for one account are stopped with a rate-limit message", async ({ page }) => {
  const email = `hedef-${unique()}@example.com`;
  await page.goto("/giris");
  // each attempt waits for its server action's response: the previous error text is still on the page
  const submit = () =>
    Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/giris")),
      page.getByRole("button", { name: "Giriş yap", exact: true }).click(),
    ]);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("E-posta").fill(email);
    await page.getByLabel("Şifre").fill(`deneme-${attempt}-sifre`);
    await submit();
    await expect(page.getByTestId("form-error")).toHaveText("E-posta adresi veya şifre hatalı.");
  }
  await page.getByLabel("Şifre").fill("deneme-6-sifre");
  await submit();
  await expect(page.getByTestId("form-error")).toContainText("Çok fazla deneme yaptınız. Lütfen");
  // the per-account bucket refills one attempt every 5 minutes
  await expect(page.getByTestId("form-error")).toHaveText(/Lütfen [1-5] dakika sonra tekrar deneyin\.$/);
});

test("the Auth.js credentials endpoint answers a rate-limited login with HTTP 429 and Retry-After", async ({ request, app }) => {
  const email = `api-${unique()}@example.com`;
  const csrf = await (await request.get(`${app.url}/api/auth/csrf`)).json();
  const attempt = () =>
    request.post(`${app.url}/api/auth/callback/credentials`, {
      form: { csrfToken: csrf.csrfToken, email, password: "yanlis-sifre-999" },
      maxRedirects: 0,
    });
  for (let i = 0; i < 5; i++) {
    const refused = await attempt();
    expect(refused.status()).toBe(302);
    expect(refused.headers().location).toContain("error=CredentialsSignin");
  }
  const limited = await attempt();
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("tekrar deneyin") });
});
