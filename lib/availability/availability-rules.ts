import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskType } from "@/lib/generated/prisma/enums";

/** What a lawyer takes. Empty lists mean "all": every courthouse they follow, every task type. */
export type Availability = { accepting: boolean; courthouseIds: number[]; taskTypes: TaskType[]; showCheckIn: boolean };

export const DEFAULT_AVAILABILITY: Availability = { accepting: true, courthouseIds: [], taskTypes: [], showCheckIn: false };

type JobPlace = { taskType: TaskType; courthouseId: number };

/**
 * The users whose availability lets a new-job notice for this job through: no row (the defaults), or "görev
 * alıyorum" on with the job's task type and courthouse among the picked ones (or nothing picked). With
 * `anyCourthouse`, the courthouse list is not asked: a check-in names the courthouse itself.
 */
export function takesJob(job: JobPlace, { anyCourthouse = false } = {}): Prisma.UserWhereInput {
  const conditions: Prisma.JobAvailabilityWhereInput[] = [{ OR: [{ taskTypes: { isEmpty: true } }, { taskTypes: { has: job.taskType } }] }];
  if (!anyCourthouse) conditions.push({ OR: [{ courthouseIds: { isEmpty: true } }, { courthouseIds: { has: job.courthouseId } }] });
  return { OR: [{ availability: { is: null } }, { availability: { is: { accepting: true, AND: conditions } } }] };
}
