"use server";

import { signOut } from "@/lib/auth/auth";

/** Ends this session (the record in Redis and the cookie); the browser then reloads the home page itself. */
export async function logoutAction(): Promise<void> {
  await signOut({ redirect: false });
}
