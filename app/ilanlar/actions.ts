"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/server-action";
import { acceptApplication } from "@/lib/applications/accept-application";
import { applyToJob } from "@/lib/applications/apply-to-job";
import { withdrawApplication } from "@/lib/applications/withdraw-application";
import { addFavorite } from "@/lib/favorites/add-favorite";
import { removeFavorite } from "@/lib/favorites/remove-favorite";
import { cancelAssignment } from "@/lib/jobs/cancel-assignment";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { completeJob } from "@/lib/jobs/complete-job";
import { createJob } from "@/lib/jobs/create-job";
import { updateJob } from "@/lib/jobs/update-job";
import { createReview } from "@/lib/reviews/create-review";

const refreshJob = (jobId: unknown) => revalidatePath(`/ilanlar/${String(jobId)}`);

export const createJobAction = authedAction(
  async (actor, input) => {
    const { id } = await createJob(actor, input);
    redirect(`/ilanlar/${id}?yeni=1`);
  },
  { rateLimit: "jobPost" },
);

export const updateJobAction = authedAction(async (actor, input) => {
  const { id } = await updateJob(actor, input);
  redirect(`/ilanlar/${id}`);
});

export const cancelJobAction = authedAction(async (actor, input) => {
  const result = await cancelJob(actor, input);
  refreshJob(input.jobId);
  return result;
});

export const applyAction = authedAction(
  async (actor, input) => {
    const result = await applyToJob(actor, input);
    refreshJob(input.jobId);
    return result;
  },
  { rateLimit: "application" },
);

export const withdrawAction = authedAction(async (actor, input) => {
  const result = await withdrawApplication(actor, input);
  refreshJob(input.jobId);
  return result;
});

export const acceptAction = authedAction(async (actor, input) => {
  const result = await acceptApplication(actor, input);
  refreshJob(result.jobId);
  return result;
});

// completing and reviewing end with the page saying so (the forms themselves are gone once done)
export const completeAction = authedAction(async (actor, input) => {
  await completeJob(actor, input);
  redirect(`/ilanlar/${encodeURIComponent(String(input.jobId))}?tamamlandi=1`);
});

export const cancelAssignmentAction = authedAction(async (actor, input) => {
  const result = await cancelAssignment(actor, input);
  refreshJob(input.jobId);
  return result;
});

export const reviewAction = authedAction(async (actor, input) => {
  await createReview(actor, input);
  redirect(`/ilanlar/${encodeURIComponent(String(input.jobId))}?degerlendirildi=1`);
});

export const favoriteAction = authedAction(async (actor, input) => {
  const result = input.save === "1" ? await addFavorite(actor, input) : await removeFavorite(actor, input);
  refreshJob(input.jobId);
  return result;
});
