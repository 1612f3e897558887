import { db } from "@/lib/db";

/** Whether the e-mail belongs to an administrator (where to land after logging in; grants nothing). */
export async function isAdministrator(email: string): Promise<boolean> {
  const normalized = email.trim().toLowerCase();
  if (!normalized || normalized.length > 320 || normalized.includes("\u0000")) return false;
  const user = await db.user.findUnique({ where: { email: normalized }, select: { role: true } });
  return user?.role === "ADMIN";
}
