"use server";

import { publicAction } from "@/lib/actions/server-action";
import { confirmEmail } from "@/lib/users/confirm-email";

// no rate limit needed: a token is 256 random bits and is used up by the first submit
export const confirmEmailAction = publicAction(async (input) => {
  await confirmEmail(input);
  return null;
});
