import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect } from "@/e2e/support/fixtures";

// The registration form as a new lawyer meets it: every mistake explained once, in Turkish, on its field, and
// correcting mistakes never uses up the registration limit.

async function fill(page: Page, values: { email: string; password: string; bar?: string; barNumber: string }) {
  await page.getByLabel("Ad soyad").fill("Av. Elif Şahin");
  await page.getByLabel("E-posta").fill(values.email);
  await page.getByLabel("Şifre").fill(values.password);
  await page.getByLabel("Çalıştığınız il").selectOption({ label: "İzmir" });
  if (values.bar) await page.getByLabel("Kayıtlı olduğunuz baro").selectOption(values.bar);
  await page.getByLabel("Baro sicil numarası").fill(values.barNumber);
  await page.getByRole("checkbox").check();
}

test("registration mistakes are explained once each and never use up the limit", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `elif-${randomInt(1e9)}@example.com`;
  const barNumber = String(randomInt(1e7, 1e8));
  await page.goto("/kayit");

  // no bar chosen: a plain Turkish sentence, not the validator's text
  await fill(page, { email, password: "guclu-bir-sifre-2026", barNumber });
  await page.getByRole("button", { name: "Kayıt ol" }).click();
  await expect(page.getByText("Listeden bir baro seçin.")).toBeVisible();
  await expect(page.getByText(/Geçersiz değer|beklenen string/)).toHaveCount(0);
  await expect(page.getByLabel("Kayıtlı olduğunuz baro")).toBeFocused();

  // a password anyone would guess first
  await fill(page, { email, password: "aaaaaaaaaa", bar: "İzmir Barosu", barNumber });
  await page.getByRole("button", { name: "Kayıt ol" }).click();
  await expect(page.getByText(/Şifre çok kolay tahmin edilir/)).toBeVisible();

  // an e-mail that already has an account: said once, on the field
  await fill(page, { email: "ayse@example.com", password: "guclu-bir-sifre-2026", bar: "İzmir Barosu", barNumber });
  await page.getByRole("button", { name: "Kayıt ol" }).click();
  await expect(page.getByText("Bu e-posta adresiyle kayıtlı bir hesap var.")).toHaveCount(1);

  // more mistakes than the registration limit allows (5 per address)…
  for (let i = 0; i < 4; i++) {
    await fill(page, { email, password: "kisa", bar: "İzmir Barosu", barNumber });
    await page.getByRole("button", { name: "Kayıt ol" }).click();
    await expect(page.getByText("Şifre en az 10 karakter olmalı.")).toBeVisible();
  }
  // …and the corrected form still goes through
  await fill(page, { email, password: "guclu-bir-sifre-2026", bar: "İzmir Barosu", barNumber });
  await page.getByRole("button", { name: "Kayıt ol" }).click();
  await expect(page).toHaveURL(/\/panel/);
  await expect(page.getByTestId("dashboard-title")).toHaveText("Merhaba, Av. Elif Şahin");
});
