import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** The actor's own editable fields (private ones included: it is their own row). */
export async function getOwnProfile(actor: Actor) {
  return db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, fullName: true, title: true, phone: true, bio: true, specialities: true, showPhone: true, showEmail: true, avatarPath: true },
  });
}
