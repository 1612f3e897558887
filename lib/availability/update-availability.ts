import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Availability } from "@/lib/availability/availability-rules";
import { listFollowedCourthouses } from "@/lib/availability/followed-courthouses";
import { taskTypes } from "@/lib/jobs/labels";
import { validationError, parseInput } from "@/lib/validation";

const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(600));
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "1" || v === "true", z.boolean());

const availabilitySchema = z.object({
  accepting: checkbox,
  courthouseIds: list(z.coerce.number().int().positive()),
  taskTypes: list(z.enum(taskTypes, { error: "Geçerli bir görev türü seçin." })),
  showCheckIn: checkbox,
});

/**
 * "Görev alıyorum" on or off, the courthouses (among those followed) and the task types taken, and whether colleagues
 * may see one's name when checked in. Everything picked is stored as "all" (an empty list), so a courthouse followed
 * later is included too; picking none of a list is refused while taking work.
 */
export async function updateAvailability(actor: Actor, input: unknown): Promise<Availability> {
  const data = parseInput(availabilitySchema, input);
  const followed = await listFollowedCourthouses(actor.id);
  const followedIds = new Set(followed.map((c) => c.id));
  const courthouseIds = [...new Set(data.courthouseIds)];
  if (courthouseIds.some((id) => !followedIds.has(id))) {
    throw validationError({ courthouseIds: ["Yalnızca takip ettiğiniz adliyeleri seçebilirsiniz."] });
  }
  const picked = [...new Set(data.taskTypes)];
  if (data.accepting && followed.length > 0 && courthouseIds.length === 0) {
    throw validationError({ courthouseIds: ["En az bir adliye seçin ya da görev almayı kapatın."] });
  }
  if (data.accepting && picked.length === 0) throw validationError({ taskTypes: ["En az bir görev türü seçin ya da görev almayı kapatın."] });
  const availability: Availability = {
    accepting: data.accepting,
    courthouseIds: courthouseIds.length === followedIds.size ? [] : courthouseIds.sort((a, b) => a - b),
    taskTypes: picked.length === taskTypes.length ? [] : taskTypes.filter((t) => picked.includes(t)),
    showCheckIn: data.showCheckIn,
  };
  await db.jobAvailability.upsert({ where: { userId: actor.id }, create: { userId: actor.id, ...availability }, update: availability });
  return availability;
}
