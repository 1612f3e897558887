import { db } from "@/lib/db";
import { waNumber } from "@/lib/whatsapp/send-whatsapp";

/** For the KVKK export: what the WhatsApp log holds about the lawyer's number (never a message text: none is kept). */
export async function collectWhatsAppData(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { whatsappNumber: true } });
  if (!user.whatsappNumber) return { number: null, contact: null, received: [], sent: [] };
  const number = waNumber(user.whatsappNumber);
  const [contact, received, sent] = await Promise.all([
    db.whatsAppContact.findUnique({ where: { number }, select: { lastInboundAt: true, stoppedAt: true } }),
    db.whatsAppInbound.findMany({ where: { fromNumber: number }, select: { kind: true, buttonId: true, sentAt: true, handledAt: true }, orderBy: { seq: "asc" } }),
    db.whatsAppOutbound.findMany({ where: { toNumber: number }, select: { purpose: true, kind: true, status: true, error: true, createdAt: true, statusAt: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { number: user.whatsappNumber, contact, received, sent };
}
