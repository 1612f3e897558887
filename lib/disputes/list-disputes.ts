import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requireAdministrator } from "@/lib/users/require-administrator";

export type DisputeQueueRow = { id: string; status: "OPEN" | "DECIDED"; reason: string; createdAt: Date; jobTitle: string; openedBy: string };

/** The Uyuşmazlık Masası queue: open disputes oldest first, then the latest decided ones. Administrators only. */
export async function listDisputeQueue(actor: Actor): Promise<{ open: DisputeQueueRow[]; decided: DisputeQueueRow[] }> {
  await requireAdministrator(actor);
  const select = { id: true, status: true, reason: true, createdAt: true, job: { select: { title: true } }, openedBy: { select: { fullName: true } } } as const;
  const [open, decided] = await Promise.all([
    db.dispute.findMany({ where: { status: "OPEN" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100, select }),
    db.dispute.findMany({ where: { status: "DECIDED" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 20, select }),
  ]);
  const row = (d: (typeof open)[number]): DisputeQueueRow => ({ id: d.id, status: d.status, reason: d.reason, createdAt: d.createdAt, jobTitle: d.job.title, openedBy: d.openedBy.fullName });
  return { open: open.map(row), decided: decided.map(row) };
}

/** A job's disputes, newest first: the job page links the parties to them. */
export async function jobDisputes(jobId: string): Promise<{ id: string; status: "OPEN" | "DECIDED" }[]> {
  return db.dispute.findMany({ where: { jobId }, orderBy: { createdAt: "desc" }, take: 10, select: { id: true, status: true } });
}
