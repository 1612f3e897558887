"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/server-action";
import { resetPassword } from "@/lib/users/reset-password";

// no rate limit needed: a token is 256 random bits, and the password is hashed only after a live token is used up
export const resetPasswordAction = publicAction(async (input, context) => {
  await resetPassword(input, context);
  redirect("/giris?sifre=yenilendi");
});
