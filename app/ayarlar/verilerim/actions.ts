"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/server-action";
import { signOut } from "@/lib/auth/auth";
import { deleteAccount } from "@/lib/kvkk/delete-account";
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
export const deleteAccountAction = authedAction(async (actor, input) => {
  await deleteAccount(actor, input);
  // the session record is gone already; this clears the cookie
  await signOut({ redirect: false });
  redirect("/hesap-kapatildi");
});
