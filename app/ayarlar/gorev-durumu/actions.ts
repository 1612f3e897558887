"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { updateAvailability } from "@/lib/availability/update-availability";

export const updateAvailabilityAction = authedAction(async (actor, input) => {
  const result = await updateAvailability(actor, input);
  revalidatePath("/ayarlar/gorev-durumu");
  return result;
});
