import type { Actor } from "@/lib/auth/actor";
import { notVerified } from "@/lib/errors";

/** Posting, applying and anything else that commits a lawyer to work needs a verified account. */
export function requireVerified(actor: Actor): void {
  if (actor.verification !== "VERIFIED") throw notVerified();
}
