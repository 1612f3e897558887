import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { conflict } from "@/lib/errors";
import { invalidateUsers } from "@/lib/users/user-cache";
import { parseInput } from "@/lib/validation";
import { assertCourthouseInProvince } from "@/lib/jobs/reference-places";

const MAX_FOLLOWS = 100;

const followSchema = z.object({
  provinceId: z.coerce.number({ error: "İl seçin." }).int("İl seçin.").min(1, "İl seçin.").max(81, "İl seçin."),
  courthouseId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().positive().optional()),
});

/** The actor covers a whole province, or one courthouse in it: new jobs there reach them live. */
export async function addFollow(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { provinceId, courthouseId } = parseInput(followSchema, input);
  if (courthouseId) await assertCourthouseInProvince(courthouseId, provinceId);
  const follow = await db.$transaction(async (tx) => {
    // serialises one user's follow changes: the unique index treats NULL courthouses as distinct, so the
    // duplicate check for a whole-province follow has to be made under this lock
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id} FOR UPDATE`;
    const existing = await tx.follow.findFirst({ where: { userId: actor.id, provinceId, courthouseId: courthouseId ?? null }, select: { id: true } });
    if (existing) return existing;
    if ((await tx.follow.count({ where: { userId: actor.id } })) >= MAX_FOLLOWS) {
      throw conflict(`En fazla ${MAX_FOLLOWS} il veya adliye takip edebilirsiniz.`);
    }
    return tx.follow.create({ data: { userId: actor.id, provinceId, courthouseId: courthouseId ?? null }, select: { id: true } });
  });
  // the provinces a lawyer covers are on their profile
  await invalidateUsers([actor.id]);
  return follow;
}
