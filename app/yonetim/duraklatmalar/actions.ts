"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { liftApplyPause } from "@/lib/fair-dealing/lift-apply-pause";

export const liftApplyPauseAction = authedAction(
  async (actor, input) => {
    const result = await liftApplyPause(actor, input);
    revalidatePath("/yonetim/duraklatmalar");
    return result;
  },
  { rateLimit: "adminVerify" },
);
