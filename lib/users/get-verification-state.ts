import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { LawyerTitle, VerificationStatus } from "@/lib/generated/prisma/enums";

export type VerificationState = {
  verification: VerificationStatus;
  /** the administrator's reason, for a rejected account */
  reason: string | null;
  details: { fullName: string; barName: string; barNumber: string; title: LawyerTitle };
};

/** The actor's own verification state, with what they registered, so a rejected lawyer can correct it. */
export async function getVerificationState(actor: Actor): Promise<VerificationState> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { verification: true, verificationNote: true, fullName: true, barName: true, barNumber: true, title: true },
  });
  return {
    verification: user.verification,
    reason: user.verification === "REJECTED" ? user.verificationNote : null,
    details: { fullName: user.fullName, barName: user.barName, barNumber: user.barNumber, title: user.title },
  };
}
