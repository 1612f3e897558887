import { test, expect } from "@/e2e/support/fixtures";

// The board's filters are a plain GET form: these steps use it as a person does (no typed URLs).

test("choosing a province in the board's filter form lists only that province's jobs", async ({ page }) => {
  await page.goto("/ilanlar");
  await expect(page.getByTestId("job-card").filter({ hasText: "İzmir'de menkul haczine katılım" })).toHaveCount(1);
  await page.getByText("Filtreler").click();
  await page.getByLabel("İl", { exact: true }).selectOption({ label: "Ankara" });
  await page.getByLabel("Adliye", { exact: true }).selectOption({ label: "Ankara Batı Adliyesi" });
  await page.getByRole("button", { name: "Filtrele" }).click();

  await expect(page).toHaveURL(/[?&]il=6(&|$)/);
  const cards = page.getByTestId("job-card");
  await expect(cards.filter({ hasText: "Ankara Batı'da dosya incelemesi ve suret alımı" })).toHaveCount(1);
  await expect(cards.filter({ hasText: "İzmir'de menkul haczine katılım" })).toHaveCount(0);
  await expect(cards.filter({ hasText: "Ankara'da keşif" })).toHaveCount(0); // Ankara Adliyesi, not Ankara Batı
  // the form keeps the choice, so the next change starts from it
  await expect(page.getByLabel("İl", { exact: true })).toHaveValue("6");

  await page.getByLabel("Adliye", { exact: true }).selectOption({ label: "Tüm adliyeler" });
  await page.getByRole("button", { name: "Filtrele" }).click();
  await expect(cards.filter({ hasText: "Ankara'da keşif" })).toHaveCount(1);
  await expect(cards.filter({ hasText: "İzmir'de menkul haczine katılım" })).toHaveCount(0);
});

test("the board's search box finds the word forms a lawyer types, and jobs by their task type", async ({ page }) => {
  await page.goto("/ilanlar");
  const cards = page.getByTestId("job-card");
  const search = async (words: string) => {
    await page.getByLabel("Ara", { exact: true }).fill(words);
    await page.getByLabel("Ara", { exact: true }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(words).replace(/%20/g, "\\+")}`));
  };
  await search("haciz"); // the job says "haczine"
  await expect(cards.filter({ hasText: "İzmir'de menkul haczine katılım" })).toHaveCount(1);
  await expect(cards.filter({ hasText: "Ankara Batı'da dosya incelemesi ve suret alımı" })).toHaveCount(0);
  await search("inceleme"); // "incelemesi"
  await expect(cards.filter({ hasText: "Ankara Batı'da dosya incelemesi ve suret alımı" })).toHaveCount(1);
  await expect(cards.filter({ hasText: "İzmir'de menkul haczine katılım" })).toHaveCount(0);
  await search("icra"); // the task type "Haciz / icra"
  await expect(cards.filter({ hasText: "İzmir'de menkul haczine katılım" })).toHaveCount(1);
  await search("IZMIR"); // typed without a Turkish keyboard: "ızmır" to Turkish rules, folded to "izmir"
  await expect(cards.filter({ hasText: "İzmir'de menkul haczine katılım" })).toHaveCount(1);
  await expect(page.getByTestId("approximate-results")).toHaveCount(0);
  await search("menkl"); // a typo: no word matches, the closest spelling does, and the page says so
  await expect(cards.filter({ hasText: "İzmir'de menkul haczine katılım" })).toHaveCount(1);
  await expect(page.getByTestId("approximate-results")).toContainText("yazılışı en yakın ilanlar");
});
