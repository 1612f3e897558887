import type { Metadata } from "next";
import Link from "next/link";
import { actorFromSession } from "@/lib/auth/current-user";
import { requirePageSession } from "@/lib/auth/require-page-session";
import { formatDateTime } from "@/lib/format";
import { channelLabels, notificationCatalog, notificationChannels, notificationTypes } from "@/lib/notifications/catalog";
import { getNotificationSettings } from "@/lib/notifications/notification-settings";
import { PreferencesForm } from "@/app/ayarlar/bildirimler/preferences-form";
import { PushToggle } from "@/app/ayarlar/bildirimler/push-toggle";
import { WhatsAppSection } from "@/app/ayarlar/bildirimler/whatsapp-section";

export const metadata: Metadata = { title: "Bildirim ayarları" };

export default async function NotificationSettingsPage() {
  const session = await requirePageSession("/ayarlar/bildirimler");
  const settings = await getNotificationSettings(actorFromSession(session));
  const whatsappNote = !settings.configured.WHATSAPP
    ? undefined
    : settings.whatsapp.verified
      ? undefined
      : "WhatsApp bildirimleri, numaranızı aşağıda doğruladıktan sonra gönderilir.";
  return (
    <div className="stack">
      <p className="small"><Link href="/ayarlar">← Ayarlar</Link></p>
      <h1>Bildirim ayarları</h1>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Hangi bildirim hangi kanaldan gelsin?</h2>
        <p className="muted small">Tüm bildirimler ayrıca sitedeki bildirim merkezinde görünür. Burada e-posta, WhatsApp ve tarayıcı bildirimlerini seçersiniz.</p>
        <PreferencesForm
          events={notificationTypes.map((type) => ({ type, label: notificationCatalog[type].label }))}
          channels={notificationChannels.map((channel) => ({ channel, label: channelLabels[channel], configured: settings.configured[channel] }))}
          preferences={settings.preferences}
          notes={[
            whatsappNote,
            settings.configured.PUSH ? "Tarayıcı bildirimleri, aşağıda bildirimleri açtığınız cihazlara gönderilir." : undefined,
          ].filter((note): note is string => Boolean(note))}
        />
      </section>
      <section className="card" aria-labelledby="whatsapp-heading">
        <h2 id="whatsapp-heading" style={{ marginTop: 0 }}>WhatsApp numarası</h2>
        <WhatsAppSection
          configured={settings.configured.WHATSAPP}
          number={settings.whatsapp.number}
          verified={settings.whatsapp.verified}
          stoppedAt={settings.whatsapp.stoppedAt ? formatDateTime(settings.whatsapp.stoppedAt) : null}
        />
      </section>
      <section className="card" aria-labelledby="push-heading">
        <h2 id="push-heading" style={{ marginTop: 0 }}>Tarayıcı bildirimleri</h2>
        <PushToggle publicKey={settings.pushPublicKey} />
      </section>
    </div>
  );
}
