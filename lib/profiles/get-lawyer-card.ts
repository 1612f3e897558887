import { db } from "@/lib/db";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

export type LawyerCard = {
  id: string;
  fullName: string;
  avatarPath: string | null;
  verification: VerificationStatus;
  ratingAverage: number | null;
  ratingCount: number;
  completedJobCount: number;
};

/** The small live summary of a lawyer shown beside their jobs (not cached: ratings change with every review). */
export async function getLawyerCard(userId: string): Promise<LawyerCard | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, fullName: true, avatarPath: true, verification: true, ratingSum: true, ratingCount: true, completedJobCount: true },
  });
  if (!user) return null;
  const { ratingSum, ...rest } = user;
  return { ...rest, ratingAverage: user.ratingCount ? ratingSum / user.ratingCount : null };
}
