import { db } from "@/lib/db";

/** Meta retries a delivery for up to 7 days: rows must outlive that to turn a late retry into a no-op. */
export const INBOUND_RETENTION_DAYS = 30;
/** long enough to answer "did my message reach them?" and to read delivery failures; the text was never kept */
export const OUTBOUND_RETENTION_DAYS = 30;

const daysAgo = (days: number, now: Date) => new Date(now.getTime() - days * 86_400_000);

/**
 * The daily sweep of the WhatsApp log (docs/whatsapp.md): inbound and outbound rows past their retention, and numbers
 * whose window closed long ago and that never said DUR (a DUR is kept until it is lifted: it is the number's wish).
 */
export async function deleteOldWhatsAppMessages(now = new Date()): Promise<{ inbound: number; outbound: number; contacts: number }> {
  const [inbound, outbound, contacts] = await Promise.all([
    db.whatsAppInbound.deleteMany({ where: { createdAt: { lt: daysAgo(INBOUND_RETENTION_DAYS, now) } } }),
    db.whatsAppOutbound.deleteMany({ where: { createdAt: { lt: daysAgo(OUTBOUND_RETENTION_DAYS, now) } } }),
    db.whatsAppContact.deleteMany({ where: { stoppedAt: null, lastInboundAt: { lt: daysAgo(INBOUND_RETENTION_DAYS, now) } } }),
  ]);
  return { inbound: inbound.count, outbound: outbound.count, contacts: contacts.count };
}
