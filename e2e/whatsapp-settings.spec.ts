import { test, expect, logIn } from "@/e2e/support/fixtures";
import { withE2eDb } from "@/e2e/support/e2e-db";

// A lawyer who wrote DUR to the WhatsApp number sees it on the notification settings page, with its WhatsApp boxes
// unticked; ticking one and saving lifts the stop (lib/whatsapp/stop-messages.ts).
const NUMBER = "905329990011";

test("the settings page shows a DUR sent from WhatsApp, and ticking a WhatsApp box lifts it", async ({ page }) => {
  const allOff = { APPLICATION_ACCEPTED: { EMAIL: true, WHATSAPP: false, PUSH: true }, DEADLINE_REMINDER: { EMAIL: true, WHATSAPP: false, PUSH: true } };
  await withE2eDb(async (db) => {
    await db.user.update({ where: { email: "zeynep@example.com" }, data: { whatsappNumber: `+${NUMBER}`, whatsappVerifiedAt: new Date(), notificationPrefs: allOff } });
    await db.whatsAppContact.upsert({
      where: { number: NUMBER },
      create: { number: NUMBER, lastInboundAt: new Date(), stoppedAt: new Date() },
      update: { stoppedAt: new Date() },
    });
  });
  try {
    await logIn(page, "zeynep@example.com");
    await page.goto("/ayarlar/bildirimler");
    const banner = page.getByTestId("whatsapp-stopped");
    await expect(banner).toContainText("DUR yazdınız");
    await expect(banner).toContainText("BAŞLA");
    const acceptedByWhatsApp = page.getByLabel("Başvurum kabul edildi — WhatsApp", { exact: true });
    await expect(acceptedByWhatsApp).not.toBeChecked();

    await acceptedByWhatsApp.check();
    await page.getByRole("button", { name: "Kaydet" }).click();
    await expect(page.getByText("Bildirim tercihleriniz kaydedildi.")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("whatsapp-stopped")).toBeHidden();
    await expect(acceptedByWhatsApp).toBeChecked();
    expect(await withE2eDb((db) => db.whatsAppContact.findUniqueOrThrow({ where: { number: NUMBER } }))).toMatchObject({ stoppedAt: null });
  } finally {
    await withE2eDb(async (db) => {
      await db.whatsAppContact.deleteMany({ where: { number: NUMBER } });
      await db.user.update({ where: { email: "zeynep@example.com" }, data: { whatsappNumber: null, whatsappVerifiedAt: null, notificationPrefs: {} } });
    });
  }
});
