"use server";

import { headers } from "next/headers";
import { signOut } from "@/lib/auth/auth";
import { getCurrentActor } from "@/lib/auth/current-user";
import { clientIpFrom } from "@/lib/request-ip";
import { recordSecurityEvent } from "@/lib/security/record-security-event";

/** Ends this session (the record in Redis and the cookie); the browser then reloads the home page itself. */
export async function logoutAction(): Promise<void> {
  const [actor, h] = await Promise.all([getCurrentActor(), headers()]);
  await signOut({ redirect: false });
  if (actor) await recordSecurityEvent({ userId: actor.id, type: "LOGOUT" }, { ip: clientIpFrom(h), userAgent: h.get("user-agent") ?? "" });
}
