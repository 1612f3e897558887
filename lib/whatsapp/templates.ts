import {
  WHATSAPP_NOTIFICATION_TEMPLATE,
  WHATSAPP_VERIFICATION_TEMPLATE,
  type TemplateComponent,
} from "@/lib/notifications/channels/whatsapp";

// Every template Tevkil sends, in one table: outside WhatsApp's 24-hour customer-service window only these approved
// templates may be sent. Each is registered at Meta (docs/whatsapp.md) in Turkish ("tr") exactly as written here.
export const whatsappTemplates = {
  notification: {
    name: WHATSAPP_NOTIFICATION_TEMPLATE,
    category: "UTILITY",
    body: "{{1}}: {{2}} {{3}}",
    buttons: [] as string[],
  },
  verification: {
    name: WHATSAPP_VERIFICATION_TEMPLATE,
    category: "AUTHENTICATION",
    // authentication templates have a body fixed by Meta; the code is its {{1}} and its copy-code button's
    body: "(Meta'nın kimlik doğrulama metni) {{1}}",
    buttons: ["Kodu kopyala (tek kullanımlık şifre)"],
  },
  newJob: {
    name: "tevkil_yeni_ilan",
    category: "UTILITY",
    body: "Takip ettiğiniz yerde yeni tevkil ilanı: {{1}} · {{2}}. Ayrıntılar: {{3}}",
    buttons: ["Başvur (hızlı yanıt)"],
  },
  newApplication: {
    name: "tevkil_yeni_basvuru",
    category: "UTILITY",
    body: "{{1}} ilanınıza {{2}} başvurdu. {{3}}",
    buttons: ["Kabul et (hızlı yanıt)", "Profili gör (URL: <APP_URL>/{{1}})"],
  },
} as const;

export type WhatsAppTemplateKey = keyof typeof whatsappTemplates;
export type TemplateMessage = { name: string; components: TemplateComponent[] };

const text = (value: string) => ({ type: "text" as const, text: value.slice(0, 1000) });

export const notificationTemplate = (title: string, body: string, url: string): TemplateMessage => ({
  name: whatsappTemplates.notification.name,
  components: [{ type: "body", parameters: [text(title), text(body), text(url)] }],
});

export const newJobTemplate = (title: string, body: string, url: string, applyButtonId: string): TemplateMessage => ({
  name: whatsappTemplates.newJob.name,
  components: [
    { type: "body", parameters: [text(title), text(body), text(url)] },
    { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: applyButtonId }] },
  ],
});

/** `profilePath` is the part of the URL after APP_URL/ (the template's URL button ends in {{1}}). */
export const newApplicationTemplate = (jobTitle: string, who: string, feeLine: string, acceptButtonId: string, profilePath: string): TemplateMessage => ({
  name: whatsappTemplates.newApplication.name,
  components: [
    { type: "body", parameters: [text(jobTitle), text(who), text(feeLine)] },
    { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: acceptButtonId }] },
    { type: "button", sub_type: "url", index: "1", parameters: [text(profilePath)] },
  ],
});
