import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { addNotificationJob } from "@/lib/queue/queues";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { parseInput, validationError } from "@/lib/validation";
import { registerUserSchema } from "@/lib/users/register-user.schema";

const EMAIL_TAKEN = "Bu e-posta adresiyle kayıtlı bir hesap var.";
export const BAR_NUMBER_TAKEN = "Bu baro sicil numarası doğrulanmış bir hesaba kayıtlı. Hesap sizinse giriş yapın ya da “Şifremi unuttum” ile yeni şifre alın.";

/**
 * Creates an unverified lawyer account and has its e-mail confirmation link sent. Only a valid form counts against
 * the address's registration limit (a lawyer correcting typos is not locked out). The caller logs the new user in.
 *
 * A sign-up reserves nothing until it is proven: an e-mail nobody confirmed does not keep its owner out (the later
 * registration replaces that account), and a (bar, sicil) pair is refused only when a verified account holds it;
 * other claims to the same pair wait side by side in the administrator's queue.
 */
export async function registerUser(input: unknown, context: { ip: string }): Promise<{ id: string; email: string }> {
  const data = parseInput(registerUserSchema, input);
  await enforceRateLimit("registerByIp", context.ip);

  const [emailHolder, verifiedHolder] = await Promise.all([
    db.user.findUnique({ where: { email: data.email }, select: { id: true, emailConfirmedAt: true } }),
    db.user.findFirst({ where: { barName: data.barName, barNumber: data.barNumber, verification: "VERIFIED" }, select: { id: true } }),
  ]);
  if (emailHolder?.emailConfirmedAt) throw validationError({ email: [EMAIL_TAKEN] });
  if (verifiedHolder) throw validationError({ barNumber: [BAR_NUMBER_TAKEN] });

  const passwordHash = await hashPassword(data.password);
  let user: { id: string; email: string };
  try {
    user = await db.$transaction(async (tx) => {
      // the condition makes sure a confirmation that landed meanwhile is never undone
      if (emailHolder) await tx.user.deleteMany({ where: { id: emailHolder.id, emailConfirmedAt: null } });
      return tx.user.create({
        data: {
          fullName: data.fullName,
          email: data.email,
          passwordHash,
          provinceId: data.provinceId,
          barName: data.barName,
          barNumber: data.barNumber,
          title: data.title,
          kvkkConsentAt: new Date(),
        },
        select: { id: true, email: true },
      });
    });
  } catch (error) {
    // two registrations of one address racing past the check above
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw validationError({ email: [EMAIL_TAKEN] });
    throw error;
  }
  // the account is already made: a queue hiccup must not answer the form with an error (the banner offers a resend)
  await queueEmailConfirmation(user.id).catch((error) => console.error(`e-mail confirmation for ${user.id} not queued:`, error));
  return user;
}

export function queueEmailConfirmation(userId: string) {
  return addNotificationJob("email-confirmation", { userId }, { jobId: `email-confirm-${userId}-${Date.now()}`, attempts: 5 });
}
