import { expireUnsentAttachments } from "@/lib/messaging/expire-unsent-attachments";

export async function handleExpireUnsentAttachments(): Promise<{ deleted: number }> {
  return { deleted: await expireUnsentAttachments() };
}
