"use server";

import { publicAction } from "@/lib/actions/server-action";
import { requestPasswordReset } from "@/lib/users/request-password-reset";

// rate-limited inside requestPasswordReset: per client address and per e-mail
export const requestPasswordResetAction = publicAction((input, context) => requestPasswordReset(input, context));
