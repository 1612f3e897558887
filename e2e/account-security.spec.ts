import { randomBytes, randomInt } from "node:crypto";
import { io } from "socket.io-client";
import type { Browser, BrowserContext } from "@playwright/test";
import { expect, logIn, DEMO_PASSWORD } from "@/e2e/support/fixtures";
import { mailLink, test, type Smtp } from "@/e2e/support/mail-fixtures";
import { createPrismaClient } from "@/lib/db";

// The account's own security, as a lawyer uses it from /ayarlar: a new password signs every other device out (its
// sockets too), a new e-mail address is proven through its inbox, and /ayarlar/guvenlik shows what happened.
// Administrators' actions land in /yonetim/denetim.

const ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36";
const unique = () => randomBytes(4).toString("hex");
const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A verified, confirmed lawyer of this test's own with the demo password (so no other spec's account changes). */
async function freshLawyer(overrides: { verification?: "PENDING" | "VERIFIED" } = {}): Promise<{ id: string; email: string; fullName: string }> {
  const { prisma, pool } = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { email: "ayse@example.com" }, select: { passwordHash: true } });
    const suffix = unique();
    return await prisma.user.create({
      data: {
        email: `guvenlik-${suffix}@example.com`, passwordHash, fullName: `Av. Güven ${suffix}`, provinceId: 6, barName: "Ankara Barosu",
        barNumber: String(randomInt(1e7, 1e8)), verification: overrides.verification ?? "VERIFIED", kvkkConsentAt: new Date(), emailConfirmedAt: new Date(),
      },
      select: { id: true, email: true, fullName: true },
    });
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

/** A browser of its own from an address of its own (the mail fixture's server trusts X-Forwarded-For). */
const newContext = (browser: Browser, userAgent?: string) => browser.newContext({ userAgent, extraHTTPHeaders: { "x-forwarded-for": address() } });

async function sessionCookieHeader(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  return cookie ? `${cookie.name}=${cookie.value}` : "";
}

const mailsTo = (smtp: Smtp, email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));

test("a new password signs the other device out within a second, sockets too; this one stays and the log shows it", async ({ browser, app, smtp }) => {
  const lawyer = await freshLawyer();
  const phoneContext = await newContext(browser, ANDROID);
  const laptopContext = await newContext(browser);
  const phone = await phoneContext.newPage();
  const laptop = await laptopContext.newPage();

  // a wrong password first, from the phone: the account's log keeps it
  await phone.goto("/giris");
  await phone.getByLabel("E-posta").fill(lawyer.email);
  await phone.getByLabel("Şifre").fill("yanlis-bir-sifre-2026");
  await phone.getByRole("button", { name: "Giriş yap", exact: true }).click();
  await expect(phone.getByTestId("form-error")).toBeVisible();
  await logIn(phone, lawyer.email);
  await logIn(laptop, lawyer.email);

  // the laptop is a device and an address the account had not used: its owner is e-mailed
  await expect.poll(() => mailsTo(smtp, lawyer.email).map((m) => m.mail.subject), { timeout: 15_000 }).toContain("Yeni bir cihazdan giriş yapıldı · Tevkil");

  const phoneCookie = await sessionCookieHeader(phoneContext);
  const phoneSocket = io(app.url, { transports: ["websocket"], extraHeaders: { cookie: phoneCookie }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    phoneSocket.on("connect", () => resolve());
    phoneSocket.on("connect_error", reject);
  });
  const closed = new Promise<{ reason: string; at: number }>((resolve) => phoneSocket.on("disconnect", (reason) => resolve({ reason, at: Date.now() })));

  await laptop.goto("/ayarlar");
  const form = laptop.getByTestId("change-password-form");
  await form.getByLabel("Mevcut şifre").fill("yanlis-bir-sifre-2026");
  await form.getByLabel("Yeni şifre", { exact: true }).fill("yepyeni-sifre-2026");
  await form.getByLabel("Yeni şifre (tekrar)").fill("yepyeni-sifre-2026");
  await form.getByRole("button", { name: "Şifremi değiştir" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Mevcut şifreniz doğru değil." }).first()).toBeVisible();

  await form.getByLabel("Mevcut şifre").fill(DEMO_PASSWORD);
  await form.getByLabel("Yeni şifre", { exact: true }).fill("yepyeni-sifre-2026");
  await form.getByLabel("Yeni şifre (tekrar)").fill("yepyeni-sifre-2026");
  const clickedAt = Date.now();
  await form.getByRole("button", { name: "Şifremi değiştir" }).click();
  await expect(form.getByRole("status")).toHaveText("Şifreniz değiştirildi. Diğer 1 oturumunuz kapatıldı; bu cihazda oturumunuz açık kalıyor.");
  const { reason, at } = await closed;
  console.log(`the phone's socket closed ${at - clickedAt} ms after the click (${reason})`);
  expect(reason).toBe("io server disconnect");
  expect(at - clickedAt).toBeLessThan(1_000);

  await phone.goto("/panel");
  await expect(phone).toHaveURL(/\/giris/);
  await laptop.goto("/panel");
  await expect(laptop.getByTestId("dashboard-title")).toBeVisible();

  await laptop.goto("/ayarlar/guvenlik");
  const events = laptop.getByTestId("security-event");
  await expect(events.first()).toContainText("Şifre değiştirildi");
  await expect(events.first()).toContainText("1 oturum kapatıldı");
  await expect(events.filter({ hasText: "Yeni bir cihazdan giriş" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Giriş yapıldı" }).filter({ hasText: "Android" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Başarısız giriş denemesi" }).filter({ hasText: "Android" })).toHaveCount(1);

  // the new password is the one that works now
  await phone.goto("/giris");
  await logIn(phone, lawyer.email, "yepyeni-sifre-2026");
  phoneSocket.close();
  await Promise.all([phoneContext.close(), laptopContext.close()]);
});

test("a new e-mail address is proven by the link sent to it, the old one is told, and the link works once", async ({ browser, app, smtp }) => {
  const lawyer = await freshLawyer();
  const page = await (await newContext(browser)).newPage();
  await logIn(page, lawyer.email);
  await page.goto("/ayarlar");
  const form = page.getByTestId("change-email-form");

  // an address a confirmed account already uses is refused
  await form.getByLabel("Yeni e-posta adresi").fill("mehmet@example.com");
  await form.getByLabel("Mevcut şifre").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Onay bağlantısı gönder" }).click();
  await expect(form.getByText("Bu e-posta adresi başka bir hesapta kullanılıyor.")).toBeVisible();

  const newEmail = `tasindi-${unique()}@example.com`;
  await form.getByLabel("Yeni e-posta adresi").fill(newEmail);
  await form.getByLabel("Mevcut şifre").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Onay bağlantısı gönder" }).click();
  await expect(page.getByTestId("pending-email")).toContainText(newEmail);
  await expect(page.getByTestId("account-email")).toHaveText(lawyer.email);

  const { subject, link } = await mailLink(smtp, newEmail, app.url, "/eposta-degisikligi/");
  expect(subject).toBe("Yeni e-posta adresinizi onaylayın · Tevkil");
  await expect.poll(() => mailsTo(smtp, lawyer.email).map((m) => m.mail.subject), { timeout: 15_000 }).toContain("E-posta adresinizi değiştirme isteği · Tevkil");
  expect(mailsTo(smtp, lawyer.email).find((m) => m.mail.subject?.startsWith("E-posta adresinizi"))!.mail.text).toContain(newEmail);

  // opening the link changes nothing; the button does
  await page.goto(link);
  await page.goto("/ayarlar");
  await expect(page.getByTestId("account-email")).toHaveText(lawyer.email);
  await page.goto(link);
  await page.getByRole("button", { name: "Yeni adresimi onayla" }).click();
  await expect(page.getByTestId("email-change-confirmed")).toContainText(newEmail);
  await page.getByRole("link", { name: "Ayarlara git" }).click();
  await expect(page.getByTestId("account-email")).toHaveText(newEmail);
  await expect(page.getByTestId("pending-email")).toHaveCount(0);

  await page.goto(link);
  await expect(page.getByTestId("email-change-link-invalid")).toContainText("daha önce kullanılmış");

  await page.goto("/ayarlar/guvenlik");
  const events = page.getByTestId("security-event");
  await expect(events.first()).toContainText("E-posta adresi değiştirildi");
  await expect(events.first()).toContainText(`${lawyer.email} → ${newEmail}`);
  await expect(events.filter({ hasText: "E-posta değişikliği istendi" })).toHaveCount(1);

  // the new address logs in, the old one no longer does
  const other = await (await newContext(browser)).newPage();
  await logIn(other, newEmail);
});

test("an administrator's verification decision is in the audit log: who, what, about whom, when", async ({ browser }) => {
  const pending = await freshLawyer({ verification: "PENDING" });
  const admin = await (await newContext(browser)).newPage();
  await logIn(admin, "admin@example.com");
  await admin.goto("/yonetim/dogrulama");
  await admin.getByTestId("pending-lawyer").filter({ hasText: pending.email }).getByTestId("verify-lawyer").click();
  await expect(admin.getByTestId("pending-lawyer").filter({ hasText: pending.email })).toHaveCount(0);

  await admin.goto("/yonetim/denetim");
  const entry = admin.getByTestId("audit-entry").first();
  await expect(entry).toContainText("Avukat doğrulandı");
  await expect(entry).toContainText("Yapan: Tevkil Yönetici");
  await expect(entry.getByRole("link", { name: pending.fullName })).toBeVisible();

  // a lawyer cannot read it
  const lawyer = await (await newContext(browser)).newPage();
  await logIn(lawyer, "zeynep@example.com");
  await lawyer.goto("/yonetim/denetim");
  await expect(lawyer.getByText("Bu sayfa yalnızca yöneticilere açıktır.")).toBeVisible();
  await expect(lawyer.getByTestId("audit-entry")).toHaveCount(0);
});
