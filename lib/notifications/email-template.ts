import { env } from "@/lib/env";

export type RenderedEmail = { subject: string; text: string; html: string };

export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

type EmailLayout = {
  subject: string;
  recipientName: string;
  heading: string;
  intro: string;
  /** the button, and how the plain-text part introduces the same link */
  action: { label: string; textLabel: string; url: string };
  /** lines after the button (plain text; escaped for the HTML part) */
  details?: string[];
  /** the small print at the bottom: plain-text line and its HTML */
  footer: { text: string; html: string };
};

/** Every Tevkil e-mail in one look: greeting, heading, text, a button, details and small print; text and HTML. */
export function renderEmail(layout: EmailLayout): RenderedEmail {
  const { subject, recipientName, heading, intro, action, details = [], footer } = layout;
  const text = [`Sayın ${recipientName},`, "", intro, "", `${action.textLabel}: ${action.url}`, ...(details.length ? ["", ...details] : []), "", "—", "Tevkil · avukatlar arası görev paylaşımı", footer.text].join("\n");
  const detailHtml = details.map((d) => `\n      <p style="margin:12px 0 0;line-height:1.5;font-size:14px">${escapeHtml(d)}</p>`).join("");
  const html = `<!doctype html>
<html lang="tr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Arial,Helvetica,sans-serif;color:#17202a">
  <table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dde2e8;border-radius:10px">
    <tr><td style="padding:16px 24px;background:#1f3a68;color:#ffffff;font-weight:bold;font-size:18px;border-radius:10px 10px 0 0">Tevkil</td></tr>
    <tr><td style="padding:24px">
      <p style="margin:0 0 12px">Sayın ${escapeHtml(recipientName)},</p>
      <h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(heading)}</h1>
      <p style="margin:0 0 20px;line-height:1.5">${escapeHtml(intro)}</p>
      <a href="${escapeHtml(action.url)}" style="display:inline-block;background:#1f3a68;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:bold">${escapeHtml(action.label)}</a>${detailHtml}
      <p style="margin:12px 0 0;font-size:12px;color:#5b6673;word-break:break-all">Düğme çalışmazsa bu adresi tarayıcınıza yapıştırın: ${escapeHtml(action.url)}</p>
    </td></tr>
    <tr><td style="padding:16px 24px;font-size:12px;color:#5b6673;border-top:1px solid #dde2e8">${footer.html}</td></tr>
  </table>
</body></html>`;
  return { subject, text, html };
}

/** The Turkish e-mail for a notification: subject, plain text and HTML, both with the link back to the page. */
export function renderNotificationEmail(input: { recipientName: string; title: string; body: string; link: string }): RenderedEmail {
  const url = new URL(input.link, env().APP_URL).toString();
  const settingsUrl = new URL("/ayarlar/bildirimler", env().APP_URL).toString();
  return renderEmail({
    subject: `${input.title} · Tevkil`,
    recipientName: input.recipientName,
    heading: input.title,
    intro: input.body,
    action: { label: "Görüntüle", textLabel: "Görüntülemek için", url },
    footer: {
      text: `Bildirim tercihlerinizi değiştirmek için: ${settingsUrl}`,
      html: `Bu e-postayı Tevkil bildirim tercihleriniz nedeniyle aldınız. <a href="${escapeHtml(settingsUrl)}" style="color:#1f3a68">Tercihleri değiştir</a>`,
    },
  });
}
