import type { Session } from "next-auth";
import { db } from "@/lib/db";

/** The logged-in lawyer as pages see it (`session.user`), from PostgreSQL; null when the account is gone. */
export async function loadSessionUser(userId: string): Promise<Session["user"] | null> {
  const user = await db.user.findFirst({
    // a closed account (KVKK deletion) has no sessions, even one opened in the instant before it closed
    where: { id: userId, deletedAt: null },
    select: { id: true, email: true, fullName: true, role: true, verification: true, avatarPath: true },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.fullName,
    image: user.avatarPath,
    role: user.role,
    verification: user.verification,
    verified: user.verification === "VERIFIED",
  };
}
