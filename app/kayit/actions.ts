"use server";

import { publicAction } from "@/lib/actions/server-action";
import { signIn } from "@/lib/auth/auth";
import { registerUser } from "@/lib/users/register-user";

export const registerAction = publicAction(
  async (input) => {
    const user = await registerUser(input);
    await signIn("credentials", { email: user.email, password: String(input.password), redirectTo: "/panel?hosgeldiniz=1" });
    return null;
  },
  { rateLimit: "registerByIp" },
);
