import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { barNameSet } from "@/lib/reference/bars";
import { BAR_NUMBER_TAKEN } from "@/lib/users/register-user";
import { invalidateUsers } from "@/lib/users/user-cache";
import { parseInput, validationError } from "@/lib/validation";

export const resubmitVerificationSchema = z.object({
  fullName: z.string({ error: "Ad soyad girin." }).trim().min(3, "Ad soyad en az 3 karakter olmalı.").max(120, "Ad soyad en fazla 120 karakter olabilir."),
  barName: z.string({ error: "Listeden bir baro seçin." }).refine((v) => barNameSet.has(v), "Listeden bir baro seçin."),
  barNumber: z.string({ error: "Baro sicil numaranızı girin." }).trim().regex(/^[0-9]{1,10}$/, "Baro sicil numarası yalnızca rakamlardan oluşmalı."),
  title: z.enum(["AVUKAT", "STAJYER"], { error: "Unvan seçin." }),
});

/**
 * A lawyer whose verification was rejected corrects what the administrator objected to and asks again: the
 * account goes back to the queue (PENDING) with the corrected bar details. Only ever the actor's own account, and
 * only from REJECTED (a pending or verified account has nothing to resubmit).
 */
export async function resubmitVerification(actor: Actor, input: unknown): Promise<{ verification: "PENDING" }> {
  const data = parseInput(resubmitVerificationSchema, input);
  // as at registration, only a verified account holds a (bar, sicil) pair
  const verifiedHolder = await db.user.findFirst({
    where: { barName: data.barName, barNumber: data.barNumber, verification: "VERIFIED", id: { not: actor.id } },
    select: { id: true },
  });
  if (verifiedHolder) throw validationError({ barNumber: [BAR_NUMBER_TAKEN] });
  const { count } = await db.user.updateMany({
    where: { id: actor.id, verification: "REJECTED" },
    data: { ...data, verification: "PENDING", verificationNote: null },
  });
  if (count === 0) throw conflict("Hesabınız reddedilmiş durumda değil; yeniden göndermeniz gereken bir şey yok.");
  await invalidateUsers([actor.id]);
  return { verification: "PENDING" };
}
