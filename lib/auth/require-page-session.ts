import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { getCurrentSession } from "@/lib/auth/current-user";

/** For pages behind login: the session, or a redirect to the login page that comes back here. */
export async function requirePageSession(path: string): Promise<Session> {
  const session = await getCurrentSession();
  if (!session) redirect(`/giris?next=${encodeURIComponent(path)}`);
  return session;
}
