import type { Page } from "@playwright/test";
import { test, expect } from "@/e2e/support/fixtures";
import { createVerifiedLawyer } from "@/e2e/support/verified-lawyer";
import { freshTotpCode } from "@/e2e/support/totp-codes";
import { newTotpSecret } from "@/lib/two-factor/totp";

// Passkeys with Chromium's virtual authenticator (a platform key with user verification, as on a phone): add one in
// the settings, log in with it alone, rename and remove it; a removed key logs nobody in. The lawyer has two-step
// login on: the password takes a code, the passkey stands for both steps.

const PASSWORD = "gecis-anahtari-2026";

async function virtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

async function logOut(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await expect(page.getByRole("link", { name: "Giriş yap" }).first()).toBeVisible();
}

test("a lawyer adds a passkey, logs in with it and no password, renames and removes it", async ({ page }) => {
  const totpSecret = newTotpSecret();
  const email = await createVerifiedLawyer({ label: "anahtar", password: PASSWORD, totpSecret });
  await virtualAuthenticator(page);
  await page.goto("/giris");
  await page.getByLabel("E-posta").fill(email);
  await page.getByLabel("Şifre").fill(PASSWORD);
  await page.getByRole("button", { name: "Giriş yap", exact: true }).click();
  await expect(page).toHaveURL(/\/giris\/iki-adim/);
  await page.getByLabel("Doğrulama kodu").fill(await freshTotpCode(totpSecret));
  await page.getByRole("button", { name: "Doğrula ve giriş yap" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await page.goto("/ayarlar");
  await page.getByRole("link", { name: "Geçiş anahtarları" }).click();
  await expect(page.getByTestId("no-passkeys")).toBeVisible();
  await page.getByLabel("Anahtarın adı").fill("Test telefonu");
  await page.getByRole("button", { name: "Geçiş anahtarı ekle" }).click();
  await expect(page.getByText("Geçiş anahtarı eklendi.")).toBeVisible();
  await expect(page.getByTestId("passkey")).toHaveCount(1);
  await expect(page.getByTestId("passkey")).toContainText("Test telefonu");
  await expect(page.getByTestId("passkey")).toContainText("Son kullanım: henüz yok");
  await logOut(page);

  // no e-mail, no password and no code: the device's key for this site
  await page.goto("/giris");
  await page.getByRole("button", { name: "Geçiş anahtarıyla giriş yap" }).click();
  await expect(page).toHaveURL(/\/panel/);
  await expect(page.getByTestId("user-menu")).toBeVisible();

  await page.goto("/ayarlar/gecis-anahtarlari");
  await expect(page.getByTestId("passkey")).not.toContainText("henüz yok");
  await page.getByLabel("Yeni ad").fill("İş telefonu");
  await page.getByRole("button", { name: "Adını değiştir" }).click();
  await expect(page.getByTestId("passkey")).toContainText("İş telefonu");
  await page.getByRole("button", { name: "Sil" }).click();
  await expect(page.getByTestId("no-passkeys")).toBeVisible();

  // the security log has both changes
  await page.goto("/ayarlar/guvenlik");
  await expect(page.locator("[data-testid=security-event][data-type=PASSKEY_ADDED]")).toContainText("Geçiş anahtarı eklendi");
  await expect(page.locator("[data-testid=security-event][data-type=PASSKEY_REMOVED]")).toContainText("Geçiş anahtarı silindi");
  await logOut(page);

  // the device still offers the removed key; the server no longer knows it
  await page.goto("/giris");
  await page.getByRole("button", { name: "Geçiş anahtarıyla giriş yap" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Bu geçiş anahtarı tanınmadı");
  await expect(page).toHaveURL(/\/giris/);
});
