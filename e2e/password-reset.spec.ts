import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { test as base, expect, logIn } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import { startSmtpServer } from "@/test/fake-services";
import { closeDb } from "@/lib/db";
import { closeRedis } from "@/lib/redis";
import { createTestUser, TEST_PASSWORD } from "@/test/factories";

// This process creates the test user in the e2e run's database; lib modules read their configuration on first use.
// (The runner also loads this file, to list tests, before the run's namespace exists.)
for (const name of ["DATABASE_URL", "REDIS_URL", "REDIS_PREFIX"]) {
  const value = process.env[`E2E_${name}`];
  if (value) process.env[name] = value;
}

const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

/** `npm run worker` as a child process, with the app server's configuration. */
async function startWorkerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (!output.includes("Tevkil workers running")) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`worker did not start within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output };
}

// The app and a real worker process both get SMTP_URL pointing at a local SMTP server this test reads the link from.
const test = base.extend<object, { app: AppServer; smtp: Smtp }>({
  smtp: [
    async ({}, use) => {
      const smtp = await startSmtpServer();
      await use(smtp);
      await smtp.close();
    },
    { scope: "worker" },
  ],
  app: [
    async ({ smtp }, use) => {
      const app = new AppServer({ port: E2E_PORT, env: { SMTP_URL: smtp.url } });
      await app.start();
      const worker = await startWorkerProcess({
        NODE_ENV: "production",
        APP_URL: app.url,
        DATABASE_URL: process.env.E2E_DATABASE_URL!,
        REDIS_URL: process.env.E2E_REDIS_URL!,
        REDIS_PREFIX: process.env.E2E_REDIS_PREFIX!,
        AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
        DB_POOL_MAX: "2",
        SMTP_URL: smtp.url,
      });
      await use(app);
      const exited = once(worker.child, "exit");
      worker.child.kill("SIGTERM");
      await exited;
      await app.stop();
    },
    { scope: "worker" },
  ],
});

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

  await expect.poll(() => smtp.received.filter((m) => m.envelopeTo.includes(user.email)).length, { timeout: 15_000 }).toBe(1);
  const mail = smtp.received.find((m) => m.envelopeTo.includes(user.email))!.mail;
  expect(mail.subject).toBe("Şifre sıfırlama · Tevkil");
  const link = new RegExp(`${app.url}/sifre-sifirla/[A-Za-z0-9_-]{43}`).exec(mail.text ?? "")?.[0];
  expect(link, mail.text).toBeDefined();

  await page.goto(link!);
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
  await page.goto(link!);
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
