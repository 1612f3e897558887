import { test, expect, logIn } from "@/e2e/support/fixtures";

// An address that leads nowhere, typed or out of date, gets Tevkil's Turkish page with a way back, and a 404.
test("unknown pages and unknown job, lawyer and conversation ids answer 404 with the Turkish page", async ({ page }) => {
  const expectTurkish404 = async (path: string) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Aradığınız sayfa bulunamadı");
    await expect(page.getByRole("link", { name: "İlanlara dön" }), path).toBeVisible();
  };
  await expectTurkish404("/bu-sayfa-yok");
  await expectTurkish404("/ilanlar/bulunmayan-ilan");
  await logIn(page, "ayse@example.com");
  await expectTurkish404("/avukat/bulunmayan-avukat");
  await expectTurkish404("/mesajlar/bulunmayan-konusma");
  await page.getByRole("link", { name: "İlanlara dön" }).click();
  await expect(page).toHaveURL(/\/ilanlar$/);
});
