"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { rotateCalendarToken } from "@/lib/calendar/calendar-token";
import { updateProfile } from "@/lib/profiles/update-profile";

export const updateProfileAction = authedAction(async (actor, input) => {
  const result = await updateProfile(actor, input);
  revalidatePath("/ayarlar/profil");
  revalidatePath(`/avukat/${actor.id}`);
  return result;
});

export const rotateCalendarAction = authedAction(async (actor) => {
  await rotateCalendarToken(actor);
  revalidatePath("/ayarlar/profil");
  return null;
});
