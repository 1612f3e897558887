import { z } from "zod";
import { db } from "@/lib/db";
import { addNotificationJob } from "@/lib/queue/queues";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { parseInput } from "@/lib/validation";

export const PASSWORD_RESET_REQUESTED_MESSAGE =
  "Bu e-posta adresiyle kayıtlı bir hesap varsa şifre sıfırlama bağlantısını gönderdik. Bağlantı 1 saat geçerlidir; gelen kutunuzu ve istenmeyen (spam) klasörünü kontrol edin.";

const requestPasswordResetSchema = z.object({
  email: z.string().trim().toLowerCase().max(320, "Geçerli bir e-posta adresi girin.").pipe(z.email("Geçerli bir e-posta adresi girin.")),
});

/**
 * "Şifremi unuttum": answers the same whether or not the address has an account (no account enumeration); for an
 * account, the worker e-mails a reset link. Rate-limited per client address and per e-mail (whoever asks), for known
 * and unknown addresses alike. The job carries only the user id: the worker makes the token, so it never sits in the queue.
 */
export async function requestPasswordReset(input: unknown, context: { ip: string }): Promise<{ message: string }> {
  const { email } = parseInput(requestPasswordResetSchema, input);
  await enforceRateLimit("passwordResetByIp", context.ip);
  await enforceRateLimit("passwordResetByEmail", email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (user) {
    await addNotificationJob("password-reset", { userId: user.id }, { jobId: `pw-reset-${user.id}-${Date.now()}`, attempts: 5 });
  }
  return { message: PASSWORD_RESET_REQUESTED_MESSAGE };
}
