import { test, expect } from "@/e2e/support/fixtures";

// On a slow connection a tap must show that something is happening: a bar while the next page is on its way,
// gone once it is there. The network is slowed for real (every request for the board waits 1.5 s).
// The service worker (offline page) would answer the navigations itself, out of page.route's sight.
test.use({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });

test("a slow navigation shows a loading bar until the page is there, for links and for the board's filter form", async ({ page }) => {
  // slowed before the first page, so Next's prefetch of the board is slow too
  await page.route(/\/ilanlar(\?|$)/, async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    await route.continue();
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "İlanlara göz atın" }).click();
  await expect(page.getByTestId("navigation-progress")).toBeVisible();
  await expect(page.getByTestId("navigation-progress")).toHaveText("Sayfa yükleniyor…");
  await expect(page).toHaveURL(/\/ilanlar$/);
  await expect(page.getByTestId("navigation-progress")).toHaveCount(0);

  // the filter form loads a whole new document: Playwright's locators wait for it, so the old page reports the
  // bar itself, through the console, the moment it is drawn
  const barShown = new Promise<string>((resolve) => page.on("console", (m) => m.text().startsWith("bar shown") && resolve(m.text())));
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      const bar = document.querySelector("[data-testid=navigation-progress]");
      if (bar) {
        console.log(`bar shown: ${bar.textContent}`);
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole("button", { name: "Filtrele" }).click();
  expect(await barShown).toBe("bar shown: Sayfa yükleniyor…");
  await expect(page).toHaveURL(/\/ilanlar\?/);
  await expect(page.getByTestId("navigation-progress")).toHaveCount(0);
});
