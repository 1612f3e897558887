import { deleteExpiredSecurityEvents } from "@/lib/security/delete-expired-security-events";

export async function handleDeleteExpiredSecurityEvents(): Promise<{ deleted: number }> {
  return { deleted: await deleteExpiredSecurityEvents() };
}
