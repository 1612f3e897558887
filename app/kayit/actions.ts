"use server";

import { publicAction } from "@/lib/actions/server-action";
import { signIn } from "@/lib/auth/auth";
import { registerUser } from "@/lib/users/register-user";
import { issueRegistrationTicket } from "@/lib/users/registration-ticket";

// the registration limit is counted by registerUser, after the form is valid
export const registerAction = publicAction(async (input, context) => {
  const user = await registerUser(input, context);
  await signIn("credentials", { registrationTicket: await issueRegistrationTicket(user.id), redirectTo: "/panel?hosgeldiniz=1" });
  return null;
});
