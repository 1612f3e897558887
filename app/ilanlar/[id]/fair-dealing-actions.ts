"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/server-action";
import { openDispute } from "@/lib/disputes/open-dispute";
import { reportNoShow } from "@/lib/fair-dealing/report-no-show";

export const openDisputeAction = authedAction(async (actor, input) => {
  const { id } = await openDispute(actor, input);
  redirect(`/uyusmazlik/${id}`);
});

export const reportNoShowAction = authedAction(async (actor, input) => {
  const result = await reportNoShow(actor, input);
  revalidatePath(`/ilanlar/${String(input.jobId)}`);
  return result;
});
