import { test as base, expect, type Page } from "@playwright/test";
import { AppServer } from "@/e2e/support/app-server";
import { withE2eDb, withE2eRedis } from "@/e2e/support/e2e-db";
import { freshTotpCode } from "@/e2e/support/totp-codes";
import { DEMO_ADMIN_TOTP_SECRET } from "@/lib/reference/seed-demo-data";

export const DEMO_PASSWORD = "tevkil-demo-2026";
const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);

type WorkerFixtures = { app: AppServer };

export const test = base.extend<{ baseURL: string }, WorkerFixtures>({
  app: [
    async ({}, use) => {
      const app = new AppServer({ port: E2E_PORT });
      await app.start();
      await use(app);
      await app.stop();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ app }, use) => use(app.url),
});

export { expect };

/**
 * Empties the per-address login bucket (loginByIp: 50, then 10 per 3 minutes). Every spec logs in from 127.0.0.1,
 * and the whole suite signs in more often than one office would: past ~70 specs the later ones were refused
 * "Çok fazla deneme yaptınız". The per-account limits on failed logins stay as they are.
 */
async function refillLoginBucket(): Promise<void> {
  await withE2eRedis(async (redis, key) => {
    const keys = await redis.keys(key("rl:loginByIp:*"));
    if (keys.length) await redis.del(...keys);
  });
}

/** Whether the app has already accepted this user's code of that TOTP step (lib/two-factor/totp.ts keeps them). */
async function totpStepUsedOnServer(email: string): Promise<(step: number) => Promise<boolean>> {
  const { id } = await withE2eDb((db) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }));
  return (step) => withE2eRedis(async (redis, key) => (await redis.exists(key(`totp-used:${id}:${step}`))) === 1);
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await refillLoginBucket();
  await page.goto("/giris");
  await page.getByLabel("E-posta").fill(email);
  await page.getByLabel("Şifre").fill(password);
  await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
  // the demo administrator has two-step login, as every administrator must
  if (email === "admin@example.com") {
    await expect(page).toHaveURL(/\/giris\/iki-adim/);
    await page.getByLabel("Doğrulama kodu").fill(await freshTotpCode(DEMO_ADMIN_TOTP_SECRET, await totpStepUsedOnServer(email)));
    await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
  }
  // lawyers land on their panel, administrators on the verification queue
  // password hashing is deliberately slow: on a busy 2-core CI machine a login has taken over 10 s
  await expect(page).toHaveURL(/\/(panel|yonetim\/dogrulama)/, { timeout: 25_000 });
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

/** Resolves when the page's Socket.IO handshake is accepted; by then the server has put it in the user's room. */
export function socketConnected(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (ws) => {
      if (!ws.url().includes("/socket.io/")) return;
      ws.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && payload.startsWith("40")) resolve();
      });
    });
  });
}
