"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { retryFailedJob } from "@/lib/queue/queue-overview";

export const retryFailedJobAction = authedAction(
  async (actor, input) => {
    const result = await retryFailedJob(actor, input);
    revalidatePath("/yonetim/kuyruklar");
    return result;
  },
  { rateLimit: "adminVerify" },
);
