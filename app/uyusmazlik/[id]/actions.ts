"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { decideDispute } from "@/lib/disputes/decide-dispute";
import { writeDisputeMessage } from "@/lib/disputes/write-dispute-message";

const refresh = (disputeId: unknown) => revalidatePath(`/uyusmazlik/${String(disputeId)}`);

export const writeDisputeMessageAction = authedAction(async (actor, input) => {
  const result = await writeDisputeMessage(actor, input);
  refresh(input.disputeId);
  return result;
});

export const decideDisputeAction = authedAction(async (actor, input) => {
  const result = await decideDispute(actor, input);
  refresh(input.disputeId);
  return result;
});
