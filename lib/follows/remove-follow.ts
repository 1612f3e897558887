import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { invalidateUsers } from "@/lib/users/user-cache";
import { parseInput } from "@/lib/validation";

const removeSchema = z.object({ followId: z.string().min(1) });

/** Stops following; only the actor's own follow can be removed. */
export async function removeFollow(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { followId } = parseInput(removeSchema, input);
  const { count } = await db.follow.deleteMany({ where: { id: followId, userId: actor.id } });
  if (count === 0) throw notFound("Takip kaydı bulunamadı.");
  await invalidateUsers([actor.id]);
  return { id: followId };
}
