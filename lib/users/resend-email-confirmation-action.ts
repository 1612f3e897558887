"use server";

import { authedAction } from "@/lib/actions/server-action";
import { resendEmailConfirmation } from "@/lib/users/confirm-email";

// here rather than under app/: the banner that offers it is a shared component
export const resendEmailConfirmationAction = authedAction((actor) => resendEmailConfirmation(actor), { rateLimit: "emailConfirmationResend" });
