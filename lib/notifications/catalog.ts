import type { NotificationChannel, NotificationType } from "@/lib/generated/prisma/enums";

export const notificationChannels = ["EMAIL", "WHATSAPP", "PUSH"] as const satisfies readonly NotificationChannel[];

export const channelLabels: Record<NotificationChannel, string> = {
  EMAIL: "E-posta",
  WHATSAPP: "WhatsApp",
  PUSH: "Tarayıcı bildirimi",
};

type CatalogEntry = {
  /** what the settings matrix calls this event */
  label: string;
  /** channels on for a user who never changed their preferences */
  defaults: NotificationChannel[];
};

// Every event a user can be notified of, with its Turkish name and default channels.
export const notificationCatalog: Record<NotificationType, CatalogEntry> = {
  APPLICATION_RECEIVED: { label: "İlanıma yeni başvuru", defaults: ["EMAIL", "PUSH"] },
  APPLICATION_ACCEPTED: { label: "Başvurum kabul edildi", defaults: ["EMAIL", "WHATSAPP", "PUSH"] },
  APPLICATION_REJECTED: { label: "Başvurum reddedildi", defaults: ["EMAIL"] },
  ASSIGNMENT_CANCELLED: { label: "Görevlendirme iptal edildi", defaults: ["EMAIL", "WHATSAPP", "PUSH"] },
  JOB_COMPLETED: { label: "İş tamamlandı (rapor gönderildi)", defaults: ["EMAIL", "PUSH"] },
  REVIEW_RECEIVED: { label: "Yeni değerlendirme", defaults: ["EMAIL"] },
  ACCOUNT_VERIFIED: { label: "Hesabım doğrulandı", defaults: ["EMAIL"] },
  ACCOUNT_REJECTED: { label: "Hesap doğrulamam reddedildi", defaults: ["EMAIL"] },
  FOLLOWED_JOB_POSTED: { label: "Takip ettiğim adliyede yeni ilan", defaults: ["PUSH"] },
  MESSAGE_WHILE_OFFLINE: { label: "Çevrimdışıyken gelen mesaj", defaults: ["EMAIL", "PUSH"] },
  DEADLINE_REMINDER: { label: "Görev hatırlatması (24 saat ve 2 saat önce)", defaults: ["EMAIL", "WHATSAPP", "PUSH"] },
  DATA_EXPORT_READY: { label: "Verilerimin kopyası indirilmeye hazır", defaults: ["EMAIL"] },
  RESPONSE_WINDOW_ENDED: { label: "Acil ilanımın başvuru penceresi doldu", defaults: ["EMAIL", "PUSH"] },
  URGENT_JOB_AT_COURTHOUSE: { label: "Bulunduğum adliyede acil ilan (Adliyedeyim)", defaults: ["WHATSAPP", "PUSH"] },
  NO_SHOW_REPORTED: { label: "Hakkımda \"gelmedi\" bildirimi yapıldı", defaults: ["EMAIL", "PUSH"] },
  APPLYING_PAUSED: { label: "Başvurularım duraklatıldı", defaults: ["EMAIL", "PUSH"] },
  APPLYING_PAUSE_LIFTED: { label: "Başvuru duraklatmam kaldırıldı", defaults: ["EMAIL", "PUSH"] },
  DISPUTE_OPENED: { label: "Taraf olduğum bir işte uyuşmazlık açıldı", defaults: ["EMAIL", "PUSH"] },
  DISPUTE_MESSAGE: { label: "Uyuşmazlıkta yeni mesaj", defaults: ["EMAIL", "PUSH"] },
  DISPUTE_DECIDED: { label: "Uyuşmazlık karara bağlandı", defaults: ["EMAIL", "PUSH"] },
  HEARING_REMINDER: { label: "Sonraki duruşma hatırlatması (bir gün önce)", defaults: ["EMAIL", "WHATSAPP", "PUSH"] },
};

export const notificationTypes = Object.keys(notificationCatalog) as NotificationType[];
