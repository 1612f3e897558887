"use server";

import { publicAction } from "@/lib/actions/server-action";
import { signIn } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { completeSecondFactor } from "@/lib/two-factor/complete-second-factor";

// the code check is rate-limited per account inside completeSecondFactor
export const secondFactorAction = publicAction(async (input, context) => {
  const loginTicket = await completeSecondFactor(input, context);
  await signIn("credentials", { registrationTicket: loginTicket, redirectTo: safeRedirectPath(input.next, "/panel") });
  return null;
});
