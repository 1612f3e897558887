import { db } from "@/lib/db";
import { notificationTypes } from "@/lib/notifications/catalog";
import { resolvePreferences } from "@/lib/notifications/preferences";
import { appUrl } from "@/lib/whatsapp/conversation";
import { sendWhatsApp, waNumber } from "@/lib/whatsapp/send-whatsapp";

const SETTINGS_PATH = "/ayarlar/bildirimler";

/**
 * "DUR": nothing more goes to this number (sendWhatsApp checks the contact row), and every account with this number
 * has WhatsApp switched off for every notification, as if the boxes had been unticked on the settings page.
 */
export async function stopWhatsApp(number: string): Promise<void> {
  const digits = waNumber(number);
  const now = new Date();
  await db.whatsAppContact.upsert({ where: { number: digits }, create: { number: digits, lastInboundAt: now, stoppedAt: now }, update: { stoppedAt: now } });
  const users = await db.user.findMany({ where: { whatsappNumber: `+${digits}` }, select: { id: true, notificationPrefs: true } });
  for (const user of users) {
    const prefs = resolvePreferences(user.notificationPrefs);
    for (const type of notificationTypes) prefs[type].WHATSAPP = false;
    await db.user.update({ where: { id: user.id }, data: { notificationPrefs: prefs } });
  }
  await sendWhatsApp(digits, "reply:stopped", {
    evenIfStopped: true,
    freeForm: { text: `Tevkil'den WhatsApp mesajı almayacaksınız; bildirim ayarlarınızda WhatsApp kapatıldı. Yeniden başlatmak için BAŞLA yazın ya da ${appUrl(SETTINGS_PATH)} sayfasından açın.` },
  });
}

/** "BAŞLA": the number may be written to again; which notifications come on WhatsApp is chosen on the settings page. */
export async function resumeWhatsApp(number: string): Promise<void> {
  const digits = waNumber(number);
  await db.whatsAppContact.updateMany({ where: { number: digits }, data: { stoppedAt: null } });
  await sendWhatsApp(digits, "reply:resumed", {
    freeForm: { text: `WhatsApp mesajları yeniden açıldı. Hangi bildirimlerin WhatsApp ile geleceğini ${appUrl(SETTINGS_PATH)} sayfasında seçin.` },
  });
}

/** The web side of BAŞLA: ticking a WhatsApp box on the settings page lifts a DUR given from the lawyer's number. */
export async function liftStopForUser(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { whatsappNumber: true } });
  if (user?.whatsappNumber) await db.whatsAppContact.updateMany({ where: { number: waNumber(user.whatsappNumber) }, data: { stoppedAt: null } });
}

/** When the lawyer's number said DUR, for the settings page. */
export async function whatsappStoppedAt(whatsappNumber: string | null): Promise<Date | null> {
  if (!whatsappNumber) return null;
  const contact = await db.whatsAppContact.findUnique({ where: { number: waNumber(whatsappNumber) }, select: { stoppedAt: true } });
  return contact?.stoppedAt ?? null;
}
