import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { istanbulClock, istanbulTimeToday } from "@/lib/check-ins/check-in-time";
import { storeCheckIn } from "@/lib/check-ins/check-in-store";
import { describeCheckIn, type CheckInView } from "@/lib/check-ins/get-my-check-in";
import { requireVerified } from "@/lib/jobs/guards";
import { assertCourthouseInProvince } from "@/lib/jobs/reference-places";
import { parseInput, validationError } from "@/lib/validation";

const checkInSchema = z.object({
  provinceId: z.coerce.number({ error: "İl seçin." }).int("İl seçin.").min(1, "İl seçin.").max(81, "İl seçin."),
  courthouseId: z.coerce.number({ error: "Adliye seçin." }).int("Adliye seçin.").positive("Adliye seçin."),
  until: z.string({ error: "Saat girin." }).trim(),
});

/**
 * "Adliyedeyim": the lawyer is at this courthouse until the given time today (Istanbul). A new check-in replaces the
 * previous one. New urgent jobs there reach them first (lib/check-ins/announce-urgent-job.ts).
 */
export async function checkIn(actor: Actor, input: unknown, now = new Date()): Promise<CheckInView> {
  requireVerified(actor);
  const data = parseInput(checkInSchema, input);
  const until = istanbulTimeToday(data.until, now);
  if (!until) throw validationError({ until: ["Saati SS:DD biçiminde girin (ör. 17:30)."] });
  if (until.getTime() <= now.getTime()) {
    throw validationError({ until: [`Bitiş saati şu andan (${istanbulClock(now)}) sonra olmalı; bugün için en geç 23:59.`] });
  }
  await assertCourthouseInProvince(data.courthouseId, data.provinceId);
  await storeCheckIn(actor.id, data.courthouseId, until, now);
  return describeCheckIn({ courthouseId: data.courthouseId, until });
}
