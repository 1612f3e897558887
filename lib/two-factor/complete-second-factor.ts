import { z } from "zod";
import { AppError } from "@/lib/errors";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";
import { issueRegistrationTicket } from "@/lib/users/registration-ticket";
import { checkSecondFactor } from "@/lib/two-factor/check-second-factor";
import { finishSecondFactor, pendingSecondFactorUser } from "@/lib/two-factor/second-factor-ticket";
import { parseInput } from "@/lib/validation";

export const SECOND_STEP_EXPIRED = "Giriş adımının süresi doldu. E-posta adresiniz ve şifrenizle yeniden giriş yapın.";

/**
 * The code step of a login: the browser's ticket (cookie) names the account whose password was right, the code
 * must be its app's current code or an unused recovery code. Returns a one-time login ticket (the same kind
 * registration uses) for Auth.js to open the session with; the second-step ticket is used up.
 */
export async function completeSecondFactor(input: unknown, context: SecurityContext): Promise<string> {
  const { code } = parseInput(z.object({ code: z.string({ error: "Kodu girin." }).trim().min(1, "Kodu girin.").max(40, "Kod geçersiz.") }), input);
  const pending = await pendingSecondFactorUser();
  if (!pending) throw new AppError("VALIDATION", SECOND_STEP_EXPIRED);
  const { usedRecoveryCode } = await checkSecondFactor(pending.userId, code);
  if (!(await finishSecondFactor(pending.ticket))) throw new AppError("VALIDATION", SECOND_STEP_EXPIRED);
  if (usedRecoveryCode) await recordSecurityEvent({ userId: pending.userId, type: "RECOVERY_CODE_USED" }, context);
  return issueRegistrationTicket(pending.userId);
}
