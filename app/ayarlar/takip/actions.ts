"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { addFollow } from "@/lib/follows/add-follow";
import { removeFollow } from "@/lib/follows/remove-follow";

export const addFollowAction = authedAction(async (actor, input) => {
  const result = await addFollow(actor, input);
  revalidatePath("/ayarlar/takip");
  return result;
});

export const removeFollowAction = authedAction(async (actor, input) => {
  const result = await removeFollow(actor, input);
  revalidatePath("/ayarlar/takip");
  return result;
});
