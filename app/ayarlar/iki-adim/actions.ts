"use server";

import { authedAction } from "@/lib/actions/server-action";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/two-factor/manage-two-factor";

// codes are counted per account inside the domain functions (secondFactorByAccount)
export const startTwoFactorAction = authedAction((actor) => startTwoFactorEnrolment(actor));
export const confirmTwoFactorAction = authedAction((actor, input, context) => confirmTwoFactorEnrolment(actor, input, context));
export const disableTwoFactorAction = authedAction((actor, input, context) => disableTwoFactor(actor, input, context));
