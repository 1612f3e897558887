"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/server-action";
import { requestEmailChange } from "@/lib/users/change-email";
import { changePassword } from "@/lib/users/change-password";
import { resubmitVerification } from "@/lib/users/resubmit-verification";
import { revokeOwnOtherSessions, revokeOwnSession } from "@/lib/users/revoke-sessions";

export const revokeSessionAction = authedAction(
  async (actor, input, context) => {
    const result = await revokeOwnSession(actor, input, context);
    revalidatePath("/ayarlar");
    return result;
  },
  { rateLimit: "sessionRevoke" },
);

export const revokeOtherSessionsAction = authedAction(
  async (actor, _input, context) => {
    const result = await revokeOwnOtherSessions(actor, context);
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

// both throttle themselves: wrong current passwords per account, and e-mail change links once a request is valid
export const changePasswordAction = authedAction(async (actor, input, context) => {
  const result = await changePassword(actor, input, context);
  revalidatePath("/ayarlar");
  return result;
});

export const requestEmailChangeAction = authedAction(async (actor, input, context) => {
  const result = await requestEmailChange(actor, input, context);
  revalidatePath("/ayarlar");
  return result;
});
