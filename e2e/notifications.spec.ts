import { randomBytes } from "node:crypto";
import webpush from "web-push";
import { test as base, expect, logIn, socketConnected } from "@/e2e/support/fixtures";
import { AppServer } from "@/e2e/support/app-server";
import { closeDb, db } from "@/lib/db";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { closeQueues } from "@/lib/queue/queues";
import { closeRedis } from "@/lib/redis";

// This process writes notifications into the e2e run's database and Redis as the app would. The lib
// modules read their configuration on first use, so pointing the environment at the run here is enough.
// (The runner also loads this file, to list tests, before the run's namespace exists.)
for (const name of ["DATABASE_URL", "REDIS_URL", "REDIS_PREFIX"]) {
  const value = process.env[`E2E_${name}`];
  if (value) process.env[name] = value;
}

const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const vapid = webpush.generateVAPIDKeys();

// The server gets e-mail and web push configuration (no worker runs, so nothing is ever sent), so the
// settings page has channels to change; WhatsApp stays unconfigured to show the disabled column.
const test = base.extend<object, { app: AppServer }>({
  app: [
    async ({}, use) => {
      const app = new AppServer({
        port: E2E_PORT,
        env: { SMTP_URL: "smtp://127.0.0.1:2525", VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey },
      });
      await app.start();
      await use(app);
      await app.stop();
    },
    { scope: "worker" },
  ],
});

test.afterAll(async () => {
  await closeQueues();
  await Promise.all([closeRedis(), closeDb()]);
});

async function userId(email: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

test("a new notification reaches the bell live, and the notification center marks it read", async ({ page }) => {
  const ayse = await userId("ayse@example.com");
  // start from a known count whatever earlier suites left behind
  await db.notification.updateMany({ where: { userId: ayse, readAt: null }, data: { readAt: new Date() } });
  const suffix = randomBytes(3).toString("hex");
  const accepted = `Başvurunuz kabul edildi ${suffix}`;
  const review = `Yeni değerlendirme ${suffix}`;

  const connected = socketConnected(page);
  await logIn(page, "ayse@example.com");
  await connected;
  const bell = page.getByTestId("notification-bell");
  const count = page.getByTestId("notification-count");
  await expect(bell).toHaveAttribute("aria-label", "Bildirimler");
  await expect(count).toBeHidden();

  await page.evaluate(() => Object.assign(window, { tevkilNoReload: true }));
  await notifyUsers([{ userId: ayse, type: "APPLICATION_ACCEPTED", title: accepted, body: "Ankara duruşması için başvurunuz kabul edildi.", link: "/ayarlar" }]);
  await expect(count).toHaveText("1");
  await expect(bell).toHaveAttribute("aria-label", "Bildirimler (1 okunmamış)");
  expect(await page.evaluate(() => (window as unknown as { tevkilNoReload?: boolean }).tevkilNoReload)).toBe(true);

  await bell.click();
  await expect(page).toHaveURL(/\/bildirimler$/);
  const acceptedItem = page.getByTestId("notification-item").filter({ hasText: accepted });
  await expect(acceptedItem).toHaveAttribute("data-state", "unread");

  // arriving while the center is open: on top of the list, and on the bell
  await notifyUsers([{ userId: ayse, type: "REVIEW_RECEIVED", title: review, body: "Mehmet Demir sizi değerlendirdi.", link: "/bildirimler" }]);
  await expect(page.getByTestId("notification-item").first()).toContainText(review);
  await expect(count).toHaveText("2");

  await acceptedItem.getByRole("link").click();
  await expect(page).toHaveURL(/\/ayarlar$/);
  await expect(count).toHaveText("1");
  expect((await db.notification.findFirstOrThrow({ where: { userId: ayse, title: accepted } })).readAt).not.toBeNull();

  await page.goto("/bildirimler");
  await expect(acceptedItem).toHaveAttribute("data-state", "read");
  await expect(page.getByTestId("notification-item").filter({ hasText: review })).toHaveAttribute("data-state", "unread");
  await expect(count).toHaveText("1");

  await page.getByRole("button", { name: "Tümünü okundu işaretle" }).click();
  await expect(page.getByText("Tüm bildirimler okundu olarak işaretlendi.")).toBeVisible();
  await expect(page.getByTestId("notification-item").filter({ hasText: review })).toHaveAttribute("data-state", "read");
  await expect(count).toBeHidden();
  await page.reload();
  await expect(count).toBeHidden();
});

test("notification preferences are saved and still there after a reload", async ({ page }) => {
  await logIn(page, "ayse@example.com");
  await page.goto("/ayarlar");
  await page.getByRole("link", { name: "Bildirim ayarları" }).click();
  await expect(page).toHaveURL(/\/ayarlar\/bildirimler$/);

  const reviewByEmail = page.getByLabel("Yeni değerlendirme — E-posta", { exact: true });
  const acceptedByEmail = page.getByLabel("Başvurum kabul edildi — E-posta", { exact: true });
  const wasOn = await reviewByEmail.isChecked();
  await reviewByEmail.setChecked(!wasOn);
  await page.getByRole("button", { name: "Kaydet" }).click();
  await expect(page.getByText("Bildirim tercihleriniz kaydedildi.")).toBeVisible();
  await expect(reviewByEmail).toBeChecked({ checked: !wasOn });

  await page.reload();
  await expect(reviewByEmail).toBeChecked({ checked: !wasOn });
  await expect(acceptedByEmail).toBeChecked();
  // WhatsApp is not configured on this server: it says so, and the choice can still be made and is kept
  await expect(page.getByText("WhatsApp bu sunucuda yapılandırılmadığı için şu an gönderilmiyor; seçiminiz saklanır ve kanal açılınca geçerli olur.")).toBeVisible();
  const acceptedByWhatsApp = page.getByLabel("Başvurum kabul edildi — WhatsApp", { exact: true });
  await expect(acceptedByWhatsApp).toBeEnabled();
  const whatsAppWasOn = await acceptedByWhatsApp.isChecked();
  await acceptedByWhatsApp.setChecked(!whatsAppWasOn);
  await page.getByRole("button", { name: "Kaydet" }).click();
  await expect(page.getByText("Bildirim tercihleriniz kaydedildi.")).toBeVisible();
  await page.reload();
  await expect(acceptedByWhatsApp).toBeChecked({ checked: !whatsAppWasOn });
  await expect(page.getByRole("button", { name: "Bu cihazda bildirimleri aç" })).toBeVisible();

  const worker = await page.request.get("/sw.js");
  expect(worker.ok()).toBe(true);
  expect(await worker.text()).toContain("notificationclick");
});

test("admins see every job queue; other lawyers are turned away", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const lawyerContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const lawyer = await lawyerContext.newPage();

  await logIn(admin, "admin@example.com");
  await admin.getByTestId("user-menu").locator("summary").click();
  await admin.getByRole("link", { name: "İş kuyrukları" }).click();
  await expect(admin).toHaveURL(/\/yonetim\/kuyruklar$/);
  await expect(admin.getByRole("heading", { name: "İş kuyrukları" })).toBeVisible();
  await expect(admin.getByTestId("queue-card")).toHaveCount(3);
  await expect(admin.getByRole("heading", { name: /notifications/ })).toBeVisible();
  await expect(admin.getByRole("heading", { name: /maintenance/ })).toBeVisible();
  await expect(admin.getByRole("heading", { name: /exports/ })).toBeVisible();
  await expect(admin.getByTestId("queue-notifications-failed")).toHaveText(/^\d+$/);

  await logIn(lawyer, "ayse@example.com");
  await expect(lawyer.getByTestId("user-menu").getByRole("link", { name: "İş kuyrukları" })).toHaveCount(0);
  await lawyer.goto("/yonetim/kuyruklar");
  await expect(lawyer.getByText("Bu sayfa yalnızca yöneticilere açıktır.")).toBeVisible();
  await expect(lawyer.getByTestId("queue-card")).toHaveCount(0);

  await Promise.all([adminContext.close(), lawyerContext.close()]);
});
