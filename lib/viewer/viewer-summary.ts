import type { Role, VerificationStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { getSessionByToken } from "@/lib/auth/session-store";
import { cacheKey, cacheVersion, getOrLoad } from "@/lib/cache";
import { userNamespace } from "@/lib/users/user-cache";

const SUMMARY_TTL_SECONDS = 60 * 60;

/** Who is looking, as the browser draws it in the header: nothing else, so any page can be shared. */
export type ViewerSummary = {
  id: string;
  name: string;
  email: string;
  role: Role;
  verification: VerificationStatus;
  /** whether the lawyer opened the confirmation link e-mailed at registration */
  emailConfirmed: boolean;
};

/**
 * The viewer behind a session cookie token, or null when there is no live session. Asked on every page view, so
 * the summary is kept in Redis under the lawyer's cache version (a verification decision or a profile change
 * bumps it); PostgreSQL is read when it moved or Redis lost it.
 */
export async function loadViewerSummary(token: string | undefined): Promise<ViewerSummary | null> {
  const session = await getSessionByToken(token, { touch: true });
  if (!session) return null;
  const version = await cacheVersion(userNamespace(session.userId));
  // the key's suffix changes with the summary's shape, so a deploy never reads a summary of the old shape
  return getOrLoad(cacheKey("viewer.v2", session.userId, version), SUMMARY_TTL_SECONDS, async () => {
    const user = await db.user.findUnique({
      where: { id: session.userId },
      select: { id: true, fullName: true, email: true, role: true, verification: true, emailConfirmedAt: true },
    });
    return user
      ? { id: user.id, name: user.fullName, email: user.email, role: user.role, verification: user.verification, emailConfirmed: user.emailConfirmedAt !== null }
      : null;
  });
}
