import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { parseInput, validationError } from "@/lib/validation";
import { registerUserSchema } from "@/lib/users/register-user.schema";

const EMAIL_TAKEN = "Bu e-posta adresiyle kayıtlı bir hesap var.";
const BAR_NUMBER_TAKEN = "Bu baro sicil numarasıyla kayıtlı bir hesap var.";

/** Creates an unverified lawyer account. The caller logs the new user in. */
/** Rate-limited by the caller (registration per address). */
export async function registerUser(input: unknown): Promise<{ id: string; email: string }> {
  const data = parseInput(registerUserSchema, input);

  const clash = await db.user.findFirst({
    where: { OR: [{ email: data.email }, { barName: data.barName, barNumber: data.barNumber }] },
    select: { email: true },
  });
  if (clash) {
    throw clash.email === data.email
      ? validationError({ email: [EMAIL_TAKEN] }, EMAIL_TAKEN)
      : validationError({ barNumber: [BAR_NUMBER_TAKEN] }, BAR_NUMBER_TAKEN);
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
        ? validationError({ email: [EMAIL_TAKEN] }, EMAIL_TAKEN)
        : validationError({ barNumber: [BAR_NUMBER_TAKEN] }, BAR_NUMBER_TAKEN);
    }
    throw error;
  }
}
