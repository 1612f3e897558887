import { randomBytes } from "node:crypto";
import { test, expect, logIn } from "@/e2e/support/fixtures";
import { withE2eDb } from "@/e2e/support/e2e-db";

// Smaller things a lawyer ran into (issue 12, items 11 and 18), each used through the page as a person does.


async function zeynepsJobs(): Promise<{ open: string; done: string }> {
  return withE2eDb(async (prisma) => {
    const zeynep = await prisma.user.findUniqueOrThrow({ where: { email: "zeynep@example.com" } });
    const courthouse = await prisma.courthouse.findFirstOrThrow({ where: { provinceId: 35 } });
    const base = {
      posterId: zeynep.id, taskType: "DURUSMA" as const, lawArea: "Ceza Hukuku", description: "Duruşmaya katılım ve tutanağın paylaşılması.",
      provinceId: 35, courthouseId: courthouse.id, scheduledAt: new Date(Date.now() + 5 * 86_400_000), deadlineAt: new Date(Date.now() + 3 * 86_400_000), feeKurus: 250_000,
    };
    const tag = randomBytes(3).toString("hex");
    const open = await prisma.job.create({ data: { ...base, title: `Açık duruşma ilanı ${tag}` } });
    const done = await prisma.job.create({ data: { ...base, title: `Tamamlanmış duruşma ${tag}`, status: "DONE" } });
    return { open: open.id, done: done.id };
  });
}

test("a job's own poster gets 'İlanı düzenle' at the top and no bookmark; others bookmark open jobs only", async ({ browser, baseURL }) => {
  const jobs = await zeynepsJobs();
  const poster = await (await browser.newContext({ baseURL })).newPage();
  await logIn(poster, "zeynep@example.com");
  await poster.goto(`/ilanlar/${jobs.open}`);
  await expect(poster.getByRole("link", { name: "İlanı düzenle" })).toBeVisible();
  await expect(poster.getByTestId("applicants").getByRole("link", { name: /Düzenle/ })).toHaveCount(0);
  await expect(poster.getByRole("button", { name: /Kaydet/ })).toHaveCount(0);

  const colleague = await (await browser.newContext({ baseURL })).newPage();
  await logIn(colleague, "ayse@example.com");
  await colleague.goto(`/ilanlar/${jobs.open}`);
  await colleague.getByRole("button", { name: "☆ Kaydet" }).click();
  await expect(colleague.getByRole("button", { name: "★ Kaydedildi" })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "İlanı düzenle" })).toHaveCount(0);
  await colleague.goto(`/ilanlar/${jobs.done}`);
  await expect(colleague.getByTestId("job-title")).toBeVisible();
  await expect(colleague.getByRole("button", { name: /Kaydet/ })).toHaveCount(0);
});

test("the calendar address is copied with one tap", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await logIn(page, "mehmet@example.com");
  await page.goto("/ayarlar/profil");
  const url = await page.getByTestId("calendar-url").inputValue();
  await page.getByRole("button", { name: "Kopyala" }).click();
  await expect(page.getByText("Adres kopyalandı")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});

test("on a phone the profile's rating stays inside its column", async ({ browser, baseURL }) => {
  const lawyerId = await withE2eDb(async (prisma) => {
    const ayse = await prisma.user.findUniqueOrThrow({ where: { email: "ayse@example.com" } });
    const suffix = randomBytes(3).toString("hex");
    const user = await prisma.user.create({
      data: {
        email: `puanli-${suffix}@example.com`, passwordHash: ayse.passwordHash, fullName: `Av. Puanlı Meslektaş ${suffix}`, provinceId: 6,
        barName: "Ankara Barosu", barNumber: `9${Date.now() % 1e7}`, verification: "VERIFIED", kvkkConsentAt: new Date(),
        ratingSum: 1_234 * 4.6, ratingCount: 1_234, completedJobCount: 1_180,
      },
    });
    return user.id;
  });
  const page = await (await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
  await page.goto(`/avukat/${lawyerId}`);
  const rating = page.getByTestId("profile-rating");
  await expect(rating).toContainText("1.234 değerlendirme");
  const spill = await rating.evaluate((cell) => {
    const box = cell.getBoundingClientRect();
    return Math.max(...[...cell.querySelectorAll("*")].map((child) => child.getBoundingClientRect().right - box.right), cell.scrollWidth - cell.clientWidth);
  });
  expect(spill).toBeLessThanOrEqual(0);
});
