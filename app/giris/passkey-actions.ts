"use server";

import { publicAction } from "@/lib/actions/server-action";
import { signIn } from "@/lib/auth/auth";
import { finishPasskeyLogin, startPasskeyLogin } from "@/lib/passkeys/passkey-login";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const startPasskeyLoginAction = publicAction((_input, context) => startPasskeyLogin(context));

export const finishPasskeyLoginAction = publicAction(async (input) => {
  const { loginTicket, isAdministrator } = await finishPasskeyLogin(input);
  // administrators come to work on the verification queue, lawyers to their panel
  await signIn("credentials", { registrationTicket: loginTicket, redirectTo: safeRedirectPath(input.next, isAdministrator ? "/yonetim/dogrulama" : "/panel") });
  return null;
});
