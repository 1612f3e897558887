"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/server-action";
import { signIn } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { AppError } from "@/lib/errors";
import { rateLimitedError } from "@/lib/rate-limit/limiter";
import { isAdministrator } from "@/lib/users/is-administrator";

const RATE_LIMITED_CODE = /^rate_limited_(\d+)$/;

// Login is rate-limited inside the credentials check (per address, and per e-mail for failures).
export const loginAction = publicAction(async (input) => {
  const email = String(input.email ?? "");
  // administrators come to work on the verification queue, lawyers to their panel
  const redirectTo = safeRedirectPath(input.next, (await isAdministrator(email)) ? "/yonetim/dogrulama" : "/panel");
  try {
    await signIn("credentials", { email, password: String(input.password ?? ""), redirectTo });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "second_factor") redirect(`/giris/iki-adim?next=${encodeURIComponent(redirectTo)}`);
    if (error instanceof CredentialsSignin) {
      const limited = RATE_LIMITED_CODE.exec(error.code);
      if (limited) throw rateLimitedError(Number(limited[1]));
      throw new AppError("VALIDATION", "E-posta adresi veya şifre hatalı.");
    }
    throw error;
  }
  return null;
});
