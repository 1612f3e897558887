import { env } from "@/lib/env";

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The Turkish e-mail for a notification: subject, plain text and HTML, both with the link back to the page. */
export function renderNotificationEmail(input: { recipientName: string; title: string; body: string; link: string }): RenderedEmail {
  const url = new URL(input.link, env().APP_URL).toString();
  const settingsUrl = new URL("/ayarlar/bildirimler", env().APP_URL).toString();
  const subject = `${input.title} · Tevkil`;
  const text = [
    `Sayın ${input.recipientName},`,
    "",
    input.body,
    "",
    `Görüntülemek için: ${url}`,
    "",
    "—",
    "Tevkil · avukatlar arası görev paylaşımı",
    `Bildirim tercihlerinizi değiştirmek için: ${settingsUrl}`,
  ].join("\n");
  const html = `<!doctype html>
<html lang="tr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Arial,Helvetica,sans-serif;color:#17202a">
  <table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dde2e8;border-radius:10px">
    <tr><td style="padding:16px 24px;background:#1f3a68;color:#ffffff;font-weight:bold;font-size:18px;border-radius:10px 10px 0 0">Tevkil</td></tr>
    <tr><td style="padding:24px">
      <p style="margin:0 0 12px">Sayın ${escapeHtml(input.recipientName)},</p>
      <h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(input.title)}</h1>
      <p style="margin:0 0 20px;line-height:1.5">${escapeHtml(input.body)}</p>
      <a href="${escapeHtml(url)}" style="display:inline-block;background:#1f3a68;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:bold">Görüntüle</a>
    </td></tr>
    <tr><td style="padding:16px 24px;font-size:12px;color:#5b6673;border-top:1px solid #dde2e8">
      Bu e-postayı Tevkil bildirim tercihleriniz nedeniyle aldınız. <a href="${escapeHtml(settingsUrl)}" style="color:#1f3a68">Tercihleri değiştir</a>
    </td></tr>
  </table>
</body></html>`;
  return { subject, text, html };
}
