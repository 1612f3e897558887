import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { parseInput, validationError } from "@/lib/validation";
import { registerUserSchema } from "@/lib/users/register-user.schema";

const EMAIL_TAKEN = "Bu e-posta adresiyle kayıtlı bir hesap var.";
const BAR_NUMBER_TAKEN = "Bu baro sicil numarasıyla kayıtlı bir hesap var.";

/**
 * Creates an unverified lawyer account. Only a valid form counts against the address's registration limit (a
 * lawyer correcting typos is not locked out). The caller logs the new user in.
 */
export async function registerUser(input: unknown, context: { ip: string }): Promise<{ id: string; email: string }> {
  const data = parseInput(registerUserSchema, input);
  await enforceRateLimit("registerByIp", context.ip);

  const clash = await db.user.findFirst({
    where: { OR: [{ email: data.email }, { barName: data.barName, barNumber: data.barNumber }] },
    select: { email: true },
  });
  if (clash) {
    throw clash.email === data.email
      ? validationError({ email: [EMAIL_TAKEN] })
      : validationError({ barNumber: [BAR_NUMBER_TAKEN] });
  }

  try {
    const user = await db.user.create({
      data: {
        fullName: data.fullName,
        email: data.email,
        passwordHash: await hashPassword(data.password),
        provinceId: data.provinceId,
        barName: data.barName,
        barNumber: data.barNumber,
        title: data.title,
        kvkkConsentAt: new Date(),
      },
      select: { id: true, email: true },
    });
    return user;
  } catch (error) {
    // two registrations racing past the check above
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      throw target.includes("email")
        ? validationError({ email: [EMAIL_TAKEN] })
        : validationError({ barNumber: [BAR_NUMBER_TAKEN] });
    }
    throw error;
  }
}
