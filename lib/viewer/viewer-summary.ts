import type { Role, VerificationStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { getSessionByToken } from "@/lib/auth/session-store";

/** Who is looking, as the browser draws it in the header: nothing else, so any page can be shared. */
export type ViewerSummary = {
  id: string;
  name: string;
  email: string;
  role: Role;
  verification: VerificationStatus;
};

/** The viewer behind a session cookie token, or null when there is no live session. */
export async function loadViewerSummary(token: string | undefined): Promise<ViewerSummary | null> {
  const session = await getSessionByToken(token, { touch: true });
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, fullName: true, email: true, role: true, verification: true },
  });
  return user ? { id: user.id, name: user.fullName, email: user.email, role: user.role, verification: user.verification } : null;
}
