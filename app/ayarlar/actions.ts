"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/server-action";
import { resubmitVerification } from "@/lib/users/resubmit-verification";
import { revokeOwnOtherSessions, revokeOwnSession } from "@/lib/users/revoke-sessions";

export const revokeSessionAction = authedAction(
  async (actor, input) => {
    const result = await revokeOwnSession(actor, input);
    revalidatePath("/ayarlar");
    return result;
  },
  { rateLimit: "sessionRevoke" },
);

export const revokeOtherSessionsAction = authedAction(
  async (actor) => {
    const result = await revokeOwnOtherSessions(actor);
    revalidatePath("/ayarlar");
    return result;
  },
  { rateLimit: "sessionRevoke" },
);

export const resubmitVerificationAction = authedAction(
  async (actor, input) => {
    await resubmitVerification(actor, input);
    // the page then shows the account back in the queue, with a word that it worked
    redirect("/ayarlar?gonderildi=1");
  },
  { rateLimit: "verificationResubmit" },
);
