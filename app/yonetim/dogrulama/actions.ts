"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { decideVerification } from "@/lib/users/verification-decisions";

export const decideVerificationAction = authedAction(
  async (actor, input) => {
    const result = await decideVerification(actor, input);
    revalidatePath("/yonetim/dogrulama");
    return result;
  },
  { rateLimit: "adminVerify" },
);
