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
  await expect(page.getByTestId("verification-banner")).toContainText("doğrulama bekliyor");

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
  await page.getByRole("button", { name: "Giriş yap" }).click();
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
      page.getByRole("button", { name: "Giriş yap" }).click(),
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

test("an admin verifies a pending lawyer and the lawyer's banner goes away", async ({ browser }) => {
  const lawyerContext = await browser.newContext();
  const lawyer = await lawyerContext.newPage();
  const email = `dogrulanacak-${unique()}@example.com`;
  await lawyer.goto("/kayit");
  await lawyer.getByLabel("Ad soyad").fill("Av. Selin Ergin");
  await lawyer.getByLabel("E-posta").fill(email);
  await lawyer.getByLabel("Şifre").fill("selin-sifre-2026");
  await lawyer.getByLabel("Çalıştığınız il").selectOption({ label: "Antalya" });
  await lawyer.getByLabel("Kayıtlı olduğunuz baro").selectOption("Antalya Barosu");
  await lawyer.getByLabel("Baro sicil numarası").fill(String(Date.now()).slice(-7));
  await lawyer.getByRole("checkbox").check();
  await lawyer.getByRole("button", { name: "Kayıt ol" }).click();
  await expect(lawyer.getByTestId("verification-banner")).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, "admin@example.com");
  // an administrator lands on the queue, not on a lawyer's panel
  await expect(admin).toHaveURL(/\/yonetim\/dogrulama$/);
  const row = admin.getByTestId("pending-lawyer").filter({ hasText: email });
  await expect(row).toContainText("Antalya Barosu");
  await row.getByTestId("verify-lawyer").click();
  await expect(admin.getByTestId("pending-lawyer").filter({ hasText: email })).toHaveCount(0);

  // the lawyer's open tab hears of it and redraws: no reload
  await expect(lawyer.getByTestId("verification-banner")).toHaveCount(0);
  await expect(lawyer.getByTestId("dashboard-title")).toBeVisible();

  // a lawyer cannot open the admin page
  await lawyer.goto("/yonetim/dogrulama");
  await expect(lawyer.getByText("Bu sayfa yalnızca yöneticilere açıktır.")).toBeVisible();
  await Promise.all([lawyerContext.close(), adminContext.close()]);
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

test("a rejected lawyer sees why, corrects the bar number and is back in the admin's queue", async ({ browser }) => {
  const lawyerContext = await browser.newContext();
  const lawyer = await lawyerContext.newPage();
  const email = `reddedilecek-${unique()}@example.com`;
  const wrongNumber = String(Date.now()).slice(-6);
  await lawyer.goto("/kayit");
  await lawyer.getByLabel("Ad soyad").fill("Av. Okan Tekin");
  await lawyer.getByLabel("E-posta").fill(email);
  await lawyer.getByLabel("Şifre").fill("okan-sifre-2026");
  await lawyer.getByLabel("Çalıştığınız il").selectOption({ label: "Konya" });
  await lawyer.getByLabel("Kayıtlı olduğunuz baro").selectOption("Konya Barosu");
  await lawyer.getByLabel("Baro sicil numarası").fill(wrongNumber);
  await lawyer.getByRole("checkbox").check();
  await lawyer.getByRole("button", { name: "Kayıt ol" }).click();
  await expect(lawyer.getByTestId("verification-banner")).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, "admin@example.com");
  const row = admin.getByTestId("pending-lawyer").filter({ hasText: email });
  await row.getByLabel("Ret gerekçesi").fill("Sicil numarası Konya Barosu kayıtlarıyla eşleşmiyor.");
  await row.getByRole("button", { name: "Reddet" }).click();
  await expect(admin.getByTestId("pending-lawyer").filter({ hasText: email })).toHaveCount(0);

  // the banner leads to the reason and the form, both on the settings page
  await expect(lawyer.getByTestId("verification-banner")).toContainText("reddedildi");
  await lawyer.getByTestId("verification-banner").getByRole("link").click();
  await expect(lawyer.getByTestId("rejection-reason")).toContainText("Sicil numarası Konya Barosu kayıtlarıyla eşleşmiyor.");
  await lawyer.getByLabel("Baro sicil numarası").fill(`${wrongNumber}7`);
  await lawyer.getByRole("button", { name: "Düzeltip yeniden gönder" }).click();
  await expect(lawyer.getByTestId("resubmitted")).toBeVisible();
  await expect(lawyer.getByTestId("verification-banner")).toContainText("doğrulama bekliyor");

  await admin.reload();
  await expect(admin.getByTestId("pending-lawyer").filter({ hasText: email })).toContainText(`${wrongNumber}7`);
});
