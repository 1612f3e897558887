"use server";

import { publicAction } from "@/lib/actions/server-action";
import { confirmEmailChange } from "@/lib/users/confirm-email-change";

// no rate limit needed: a token is 256 random bits and is used up by the first submit
export const confirmEmailChangeAction = publicAction(async (input, context) => {
  const { email } = await confirmEmailChange(input, context);
  return { email };
});
