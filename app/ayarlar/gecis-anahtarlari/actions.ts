"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { listPasskeys, removePasskey, renamePasskey } from "@/lib/passkeys/manage-passkeys";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/passkeys/register-passkey";

const PAGE = "/ayarlar/gecis-anahtarlari";

export const startPasskeyRegistrationAction = authedAction((actor) => startPasskeyRegistration(actor));

export const finishPasskeyRegistrationAction = authedAction(async (actor, input, context) => {
  const added = await finishPasskeyRegistration(actor, input, context);
  revalidatePath(PAGE);
  return added;
});

export const renamePasskeyAction = authedAction(async (actor, input) => {
  const renamed = await renamePasskey(actor, input);
  revalidatePath(PAGE);
  return renamed;
});

export const removePasskeyAction = authedAction(async (actor, input, context) => {
  const removed = await removePasskey(actor, input, context);
  revalidatePath(PAGE);
  return { removed, left: (await listPasskeys(actor)).length };
});
