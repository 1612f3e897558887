import { db, readTolerantOfLag } from "@/lib/db";

export type ReviewItem = {
  id: string;
  overall: number;
  professionalism: number;
  communication: number;
  punctuality: number;
  comment: string | null;
  createdAt: Date;
  author: { id: string; fullName: string };
  jobTitle: string;
};

export type ReviewPage = { items: ReviewItem[]; nextCursor: string | null };

/** A lawyer's reviews, newest first, paged by keyset on (createdAt, id) over the (subjectId, createdAt) index. */
export async function listReviewsFor(subjectId: string, { cursor, take = 5 }: { cursor?: string; take?: number } = {}): Promise<ReviewPage> {
  const rows = await readTolerantOfLag(async (client) => {
    const after = cursor ? await client.review.findFirst({ where: { id: cursor, subjectId }, select: { id: true, createdAt: true } }) : null;
    return client.review.findMany({
      where: {
        subjectId,
        // held by an open dispute or hidden by its decision: not shown (lib/disputes/)
        state: "VISIBLE",
        ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take + 1,
      select: {
        id: true, overall: true, professionalism: true, communication: true, punctuality: true, comment: true, createdAt: true,
        author: { select: { id: true, fullName: true } },
        job: { select: { title: true } },
      },
    });
  });
  const items = rows.slice(0, take).map(({ job, ...r }) => ({ ...r, jobTitle: job.title }));
  return { items, nextCursor: rows.length > take ? items[items.length - 1].id : null };
}

/** Which of a job's two reviews exist (the page shows the form only to a side that has not reviewed yet). */
export async function reviewAuthorsOf(jobId: string): Promise<string[]> {
  const rows = await db.review.findMany({ where: { jobId }, select: { authorId: true } });
  return rows.map((r) => r.authorId);
}

export type JobReview = Omit<ReviewItem, "jobTitle"> & { subject: { id: string; fullName: string } };

/** The (at most two) visible reviews of a finished job, oldest first: shown on the job's page to everyone. */
export async function listJobReviews(jobId: string): Promise<JobReview[]> {
  return readTolerantOfLag((client) => client.review.findMany({
    where: { jobId, state: "VISIBLE" },
    orderBy: { createdAt: "asc" },
    take: 2,
    select: {
      id: true, overall: true, professionalism: true, communication: true, punctuality: true, comment: true, createdAt: true,
      author: { select: { id: true, fullName: true } },
      subject: { select: { id: true, fullName: true } },
    },
  }));
}
