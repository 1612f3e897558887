import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requireAdministrator } from "@/lib/users/require-administrator";

export const DISPUTE_NOT_FOUND = "Uyuşmazlık bulunamadı.";

export type DisputeAccess = {
  id: string;
  status: "OPEN" | "DECIDED";
  jobId: string;
  jobTitle: string;
  posterId: string;
  assigneeId: string;
  /** how the actor takes part */
  role: "POSTER" | "ASSIGNEE" | "ADMIN";
};

/**
 * The dispute if the actor may see it: one of the job's two parties, or an administrator (with two-step login).
 * Anyone else is told it does not exist, so a dispute's existence does not leak either.
 */
export async function loadDisputeFor(actor: Actor, disputeId: unknown): Promise<DisputeAccess> {
  if (typeof disputeId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(disputeId)) throw notFound(DISPUTE_NOT_FOUND);
  const row = await db.dispute.findUnique({
    where: { id: disputeId },
    select: { id: true, status: true, jobId: true, posterId: true, assigneeId: true, job: { select: { title: true } } },
  });
  if (!row) throw notFound(DISPUTE_NOT_FOUND);
  const base = { id: row.id, status: row.status, jobId: row.jobId, jobTitle: row.job.title, posterId: row.posterId, assigneeId: row.assigneeId };
  if (actor.id === base.posterId) return { ...base, role: "POSTER" };
  if (actor.id === base.assigneeId) return { ...base, role: "ASSIGNEE" };
  if (actor.role === "ADMIN") {
    await requireAdministrator(actor);
    return { ...base, role: "ADMIN" };
  }
  throw notFound(DISPUTE_NOT_FOUND);
}

/** The administrators told of a dispute's steps. */
export async function administratorIds(): Promise<string[]> {
  const rows = await db.user.findMany({ where: { role: "ADMIN", deletedAt: null }, select: { id: true }, take: 50 });
  return rows.map((r) => r.id);
}
