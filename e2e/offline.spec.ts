import { test, expect } from "@/e2e/support/fixtures";

test("without a connection a page opens as Tevkil's offline page, and works again once back online", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  await page.goto("/ilanlar");
  // the service worker is installed and looks after this page
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });

  await context.setOffline(true);
  await page.goto("/giris");
  await expect(page.getByRole("heading", { name: "İnternet bağlantısı yok" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await context.setOffline(false);
  await page.getByRole("link", { name: "Tekrar dene" }).click();
  await expect(page.getByRole("heading", { name: "İnternet bağlantısı yok" })).toHaveCount(0);
  await expect(page.getByLabel("E-posta")).toBeVisible();
  await context.close();
});
