import { readTolerantOfLag } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { LawyerTitle, VerificationStatus } from "@/lib/generated/prisma/enums";
import { recentStrikes, type Strikes } from "@/lib/fair-dealing/strikes";
import { listFollows } from "@/lib/follows/list-follows";
import { listReviewsFor, type ReviewPage } from "@/lib/reviews/list-reviews";
import { looksLikeRecordId } from "@/lib/validation";

export type Profile = {
  id: string;
  fullName: string;
  title: LawyerTitle;
  barName: string;
  provinceName: string;
  bio: string | null;
  specialities: string[];
  avatarPath: string | null;
  verification: VerificationStatus;
  memberSince: Date;
  ratingAverage: number | null;
  ratingCount: number;
  completedJobCount: number;
  cancelledAssignCount: number;
  coveredProvinces: string[];
  /** only what the lawyer chose to show */
  phone: string | null;
  email: string | null;
  reviews: ReviewPage;
  /** cancellations (as the assignee) and no-shows over the last 12 months */
  strikes: Strikes;
};

/** A lawyer's public page: the contact fields appear only when that lawyer allows it. */
export async function getProfile(userId: string): Promise<Profile> {
  if (!looksLikeRecordId(userId)) throw notFound("Avukat bulunamadı.");
  const user = await readTolerantOfLag((client) => client.user.findUnique({
    where: { id: userId },
    select: {
      id: true, fullName: true, title: true, barName: true, bio: true, specialities: true, avatarPath: true, verification: true,
      createdAt: true, ratingSum: true, ratingCount: true, completedJobCount: true, cancelledAssignCount: true, role: true,
      phone: true, email: true, showPhone: true, showEmail: true, province: { select: { name: true } }, deletedAt: true,
    },
  }));
  // a closed account has no page: its name lives on only where others need it
  if (!user || user.role !== "LAWYER" || user.deletedAt) throw notFound("Avukat bulunamadı.");
  const [follows, reviews, strikes] = await Promise.all([listFollows(user.id), listReviewsFor(user.id, { take: 5 }), recentStrikes(user.id)]);
  return {
    id: user.id,
    fullName: user.fullName,
    title: user.title,
    barName: user.barName,
    provinceName: user.province.name,
    bio: user.bio,
    specialities: user.specialities,
    avatarPath: user.avatarPath,
    verification: user.verification,
    memberSince: user.createdAt,
    ratingAverage: user.ratingCount ? user.ratingSum / user.ratingCount : null,
    ratingCount: user.ratingCount,
    completedJobCount: user.completedJobCount,
    cancelledAssignCount: user.cancelledAssignCount,
    coveredProvinces: [...new Set(follows.map((f) => f.provinceName))],
    phone: user.showPhone ? user.phone : null,
    email: user.showEmail ? user.email : null,
    reviews,
    strikes,
  };
}
