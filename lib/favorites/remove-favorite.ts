import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { favoriteSchema } from "@/lib/favorites/favorite-schema";
import { invalidateJobForUser } from "@/lib/jobs/job-cache";

/** Removes a job from the actor's list; only ever the actor's own row. */
export async function removeFavorite(actor: Actor, input: unknown): Promise<{ saved: false }> {
  const { jobId } = parseInput(favoriteSchema, input);
  await db.favorite.deleteMany({ where: { userId: actor.id, jobId } });
  await invalidateJobForUser(jobId, actor.id);
  return { saved: false };
}
