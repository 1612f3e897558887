import { test, expect, logIn } from "@/e2e/support/fixtures";

// The post form as a lawyer fills it on a phone: mistakes get field messages, nothing typed or chosen is lost.
test.use({ viewport: { width: 390, height: 844 } });

test("a job form without dates says which field is missing, keeps the task type and focuses the first error", async ({ page }) => {
  await logIn(page, "ayse@example.com");
  await page.goto("/ilanlar/yeni");
  await page.getByLabel("Görev türü").selectOption({ label: "Dilekçe" });
  await page.getByLabel("Hukuk alanı").fill("Aile Hukuku");
  await page.getByLabel("Başlık").fill("Bakırköy'de dilekçe teslimi");
  await page.getByLabel("İl", { exact: true }).selectOption({ label: "İstanbul" });
  await page.getByLabel("Adliye", { exact: true }).selectOption({ label: "Bakırköy Adliyesi" });
  await page.getByLabel("Ücret (TL)").fill("6.500");
  await page.getByLabel("Açıklama").fill("Boşanma dosyasına cevap dilekçesinin ön büroya teslimi ve alındı belgesi.");
  await page.getByRole("button", { name: "İlanı yayınla" }).click();

  await expect(page.getByText("Görev tarih ve saatini girin.")).toBeVisible();
  await expect(page.getByText("Son başvuru tarihini girin.")).toBeVisible();
  await expect(page.getByText(/Beklenmeyen bir hata/)).toHaveCount(0);
  await expect(page).toHaveURL(/\/ilanlar\/yeni$/);
  // what was chosen stays chosen; the first field in error has the focus and is on screen
  await expect(page.getByLabel("Görev türü")).toHaveValue("DILEKCE");
  await expect(page.getByLabel("Başlık")).toHaveValue("Bakırköy'de dilekçe teslimi");
  await expect(page.getByLabel("Görev tarihi ve saati")).toBeFocused();
  await expect(page.getByLabel("Görev tarihi ve saati")).toBeInViewport();
});

test("a fee under the AAÜT minimum is pointed out while typing, and the form still lets the lawyer publish", async ({ page }) => {
  await logIn(page, "ayse@example.com");
  await page.goto("/ilanlar/yeni");
  await page.getByLabel("Görev türü").selectOption({ label: "Dilekçe" });
  const fee = page.getByLabel("Ücret (TL)");
  await fee.fill("50");
  await expect(page.getByTestId("fee-below-minimum")).toContainText("en az 6.000,00 ₺");
  await expect(page.getByTestId("fee-below-minimum")).toContainText("yine de yayınlayabilirsiniz");
  await expect(page.getByRole("button", { name: "İlanı yayınla" })).toBeEnabled();
  await fee.fill("6.000");
  await expect(page.getByTestId("fee-below-minimum")).toHaveCount(0);
  // the warning follows the task type: İcra takibi's minimum is higher
  await page.getByLabel("Görev türü").selectOption({ label: "Haciz / icra" });
  await expect(page.getByTestId("fee-below-minimum")).toContainText("en az 9.000,00 ₺");
  // a task type without a single tariff line says so instead
  await page.getByLabel("Görev türü").selectOption({ label: "Duruşma" });
  await expect(page.getByTestId("fee-below-minimum")).toHaveCount(0);
  await expect(page.getByText("AAÜT'de bu görev türü için tek bir asgari tutar yok", { exact: false })).toBeVisible();
});
