"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/server-action";
import { signOut } from "@/lib/auth/auth";
import { requestAccountDeletion } from "@/lib/kvkk/request-account-deletion";
import { requestDataExport } from "@/lib/kvkk/request-data-export";

export const requestDataExportAction = authedAction(
  async (actor) => {
    const result = await requestDataExport(actor);
    revalidatePath("/ayarlar/verilerim");
    return result;
  },
  { rateLimit: "dataExportRequest" },
);

// wrong passwords are throttled per account inside (the same allowance as the other current-password checks)
export const deleteAccountAction = authedAction(async (actor, input, context) => {
  await requestAccountDeletion(actor, input, context);
  // the session record is gone already; this clears the cookie
  await signOut({ redirect: false });
  redirect("/hesap-kapatildi");
});
