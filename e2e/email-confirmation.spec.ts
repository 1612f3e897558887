import { randomBytes, randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, logIn } from "@/e2e/support/fixtures";
import { mailLink, test, type Smtp } from "@/e2e/support/mail-fixtures";

// From sign-up to a verified account, through the inbox: the address is proven by the e-mailed link before an
// administrator can verify it, and a sign-up nobody proved never keeps the real lawyer out.

const unique = () => randomBytes(4).toString("hex");
const newBarNumber = () => String(randomInt(1e7, 1e8));

type SignUp = { name: string; email: string; province: string; bar: string; barNumber: string };

async function register(page: Page, who: SignUp) {
  await page.goto("/kayit");
  await page.getByLabel("Ad soyad").fill(who.name);
  await page.getByLabel("E-posta").fill(who.email);
  await page.getByLabel("Şifre").fill("guclu-bir-sifre-2026");
  await page.getByLabel("Çalıştığınız il").selectOption({ label: who.province });
  await page.getByLabel("Kayıtlı olduğunuz baro").selectOption(who.bar);
  await page.getByLabel("Baro sicil numarası").fill(who.barNumber);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Kayıt ol" }).click();
  await expect(page).toHaveURL(/\/panel/);
}

/** Opens the `nth` confirmation link sent to the address and presses the button, as the lawyer does. */
async function confirmFromInbox(page: Page, smtp: Smtp, appUrl: string, email: string, nth = 1) {
  const { subject, link } = await mailLink(smtp, email, appUrl, "/eposta-onayi/", nth);
  expect(subject).toBe("E-posta adresinizi onaylayın · Tevkil");
  await page.goto(link);
  await page.getByRole("button", { name: "E-postamı onayla" }).click();
  await expect(page.getByTestId("email-confirmed")).toContainText("E-posta adresiniz onaylandı");
  await page.getByRole("link", { name: "Panele git" }).click();
  return link;
}

/** A browser of its own, from an address of its own (the mail fixture's server trusts X-Forwarded-For): each person
 * signing up here is someone else, and the registration limit per address is not what these tests are about. */
async function newPage(browser: Browser) {
  const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  return (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } })).newPage();
}

test("a new lawyer confirms the e-mailed link; only then the admin can verify, and the lawyer's banner goes away", async ({ browser, smtp, app }) => {
  const lawyer = await newPage(browser);
  const email = `dogrulanacak-${unique()}@example.com`;
  await register(lawyer, { name: "Av. Selin Ergin", email, province: "Antalya", bar: "Antalya Barosu", barNumber: newBarNumber() });
  await expect(lawyer.getByTestId("email-confirmation-banner")).toContainText(email);

  // before the address is proven the admin sees the account but cannot verify it
  const admin = await newPage(browser);
  await logIn(admin, "admin@example.com");
  await expect(admin).toHaveURL(/\/yonetim\/dogrulama$/);
  const row = admin.getByTestId("pending-lawyer").filter({ hasText: email });
  await expect(row.getByTestId("email-unconfirmed")).toHaveText("E-posta onaylanmadı");
  await expect(row.getByTestId("verify-lawyer")).toHaveCount(0);

  const link = await confirmFromInbox(lawyer, smtp, app.url, email);
  await expect(lawyer.getByTestId("email-confirmation-banner")).toHaveCount(0);
  await expect(lawyer.getByTestId("verification-banner")).toContainText("doğrulama bekliyor");

  await admin.reload();
  await expect(row).toContainText("Antalya Barosu");
  await expect(row.getByTestId("email-unconfirmed")).toHaveCount(0);
  await row.getByTestId("verify-lawyer").click();
  await expect(admin.getByTestId("pending-lawyer").filter({ hasText: email })).toHaveCount(0);

  // the lawyer's open tab hears of it and redraws: no reload
  await expect(lawyer.getByTestId("verification-banner")).toHaveCount(0);
  await expect(lawyer.getByTestId("dashboard-title")).toBeVisible();
  await lawyer.goto("/ayarlar");
  await expect(lawyer.getByTestId("verification-state")).toHaveText("Doğrulandı");
  await expect(lawyer.getByTestId("verification-state")).toHaveClass(/badge-success/);

  // the link worked once
  await lawyer.goto(link);
  await expect(lawyer.getByTestId("confirmation-link-invalid")).toContainText("daha önce kullanılmış");

  // a lawyer cannot open the admin page
  await lawyer.goto("/yonetim/dogrulama");
  await expect(lawyer.getByText("Bu sayfa yalnızca yöneticilere açıktır.")).toBeVisible();
});

test("a sign-up nobody confirmed keeps neither the e-mail nor the bar number from the real lawyer; the admin sees the rival claim", async ({ browser, smtp, app }) => {
  const email = `gercek-${unique()}@example.com`;
  const barNumber = newBarNumber();
  // one squatter types the real lawyer's address, another their own address; both the real lawyer's bar number
  await register(await newPage(browser), { name: "Av. Sahte Birinci", email, province: "Konya", bar: "Konya Barosu", barNumber });
  const rivalEmail = `rakip-${unique()}@example.com`;
  await register(await newPage(browser), { name: "Av. Sahte İkinci", email: rivalEmail, province: "Konya", bar: "Konya Barosu", barNumber });

  const owner = await newPage(browser);
  await register(owner, { name: "Av. Gerçek Sahibi", email, province: "Konya", bar: "Konya Barosu", barNumber });
  await expect(owner.getByTestId("dashboard-title")).toHaveText("Merhaba, Av. Gerçek Sahibi");
  // the first squatter's account is gone, its link with it: the owner confirms with the link of their own sign-up
  await confirmFromInbox(owner, smtp, app.url, email, 2);
  await expect(owner.getByTestId("verification-banner")).toContainText("doğrulama bekliyor");

  const admin = await newPage(browser);
  await logIn(admin, "admin@example.com");
  // (the rival's card names the owner too, in its own list of claims)
  const row = admin.getByTestId("pending-lawyer").filter({ has: admin.locator("strong", { hasText: "Av. Gerçek Sahibi" }) });
  await expect(row).toContainText(email);
  await expect(admin.getByTestId("pending-lawyer").filter({ hasText: "Av. Sahte Birinci" })).toHaveCount(0);
  await expect(row.getByTestId("bar-number-conflict")).toContainText("1 hesap daha");
  await expect(row.getByTestId("bar-number-conflict")).toContainText(`Av. Sahte İkinci (${rivalEmail}) · doğrulama bekliyor · e-posta onaylanmadı`);
  await row.getByTestId("verify-lawyer").click();
  await expect(row).toHaveCount(0);

  // now the pair is held: a later sign-up with it is refused on the field
  const late = await newPage(browser);
  await late.goto("/kayit");
  await late.getByLabel("Ad soyad").fill("Av. Geç Kalan");
  await late.getByLabel("E-posta").fill(`gec-${unique()}@example.com`);
  await late.getByLabel("Şifre").fill("guclu-bir-sifre-2026");
  await late.getByLabel("Çalıştığınız il").selectOption({ label: "Konya" });
  await late.getByLabel("Kayıtlı olduğunuz baro").selectOption("Konya Barosu");
  await late.getByLabel("Baro sicil numarası").fill(barNumber);
  await late.getByRole("checkbox").check();
  await late.getByRole("button", { name: "Kayıt ol" }).click();
  await expect(late.getByText("Bu baro sicil numarası doğrulanmış bir hesaba kayıtlı.", { exact: false })).toBeVisible();
  await expect(late.getByLabel("Baro sicil numarası")).toBeFocused();
});

test("the banner sends a new link; the older one stops working", async ({ browser, smtp, app }) => {
  const page = await newPage(browser);
  const email = `yeniden-${unique()}@example.com`;
  await register(page, { name: "Av. Kerem Aydın", email, province: "Bursa", bar: "Bursa Barosu", barNumber: newBarNumber() });
  const { link: first } = await mailLink(smtp, email, app.url, "/eposta-onayi/");
  await page.getByRole("button", { name: "Bağlantıyı yeniden gönder" }).click();
  await expect(page.getByTestId("confirmation-resent")).toBeVisible();
  await page.goto(first);
  await expect(page.getByTestId("confirmation-link-invalid")).toBeVisible();
  await confirmFromInbox(page, smtp, app.url, email, 2);
  await expect(page.getByTestId("email-confirmation-banner")).toHaveCount(0);
});

test("a rejected lawyer sees why, corrects the bar number and is back in the admin's queue", async ({ browser, smtp, app }) => {
  const lawyer = await newPage(browser);
  const email = `reddedilecek-${unique()}@example.com`;
  const wrongNumber = String(Date.now()).slice(-6);
  await register(lawyer, { name: "Av. Okan Tekin", email, province: "Konya", bar: "Konya Barosu", barNumber: wrongNumber });
  await confirmFromInbox(lawyer, smtp, app.url, email);
  await expect(lawyer.getByTestId("verification-banner")).toBeVisible();

  const admin = await newPage(browser);
  await logIn(admin, "admin@example.com");
  const row = admin.getByTestId("pending-lawyer").filter({ hasText: email });
  await row.getByLabel("Ret gerekçesi").fill("Sicil numarası Konya Barosu kayıtlarıyla eşleşmiyor.");
  await row.getByRole("button", { name: "Reddet" }).click();
  await expect(admin.getByTestId("pending-lawyer").filter({ hasText: email })).toHaveCount(0);

  // the banner leads to the reason and the form, both on the settings page
  await expect(lawyer.getByTestId("verification-banner")).toContainText("reddedildi");
  await lawyer.getByTestId("verification-banner").getByRole("link").click();
  await expect(lawyer.getByTestId("rejection-reason")).toContainText("Sicil numarası Konya Barosu kayıtlarıyla eşleşmiyor.");
  // "Reddedildi" looks like a refusal, not like "Doğrulandı"
  await expect(lawyer.getByTestId("verification-state")).toHaveText("Reddedildi");
  await expect(lawyer.getByTestId("verification-state")).toHaveClass(/badge-danger/);
  await lawyer.getByLabel("Baro sicil numarası").fill(`${wrongNumber}7`);
  await lawyer.getByRole("button", { name: "Düzeltip yeniden gönder" }).click();
  await expect(lawyer.getByTestId("resubmitted")).toBeVisible();
  await expect(lawyer.getByTestId("verification-banner")).toContainText("doğrulama bekliyor");

  await admin.reload();
  await expect(admin.getByTestId("pending-lawyer").filter({ hasText: email })).toContainText(`${wrongNumber}7`);
});
