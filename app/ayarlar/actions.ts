"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/server-action";
import { revokeOwnOtherSessions, revokeOwnSession } from "@/lib/users/revoke-sessions";

export const revokeSessionAction = authedAction(
  async (actor, input) => {
    const result = await revokeOwnSession(actor, input);
    revalidatePath("/ayarlar");
    return result;
  },
  { rateLimit: "sessionRevoke" },
);

export const revokeOtherSessionsAction = authedAction(
  async (actor) => {
    const result = await revokeOwnOtherSessions(actor);
    revalidatePath("/ayarlar");
    return result;
  },
  { rateLimit: "sessionRevoke" },
);
