import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { loadDisputeFor, type DisputeAccess } from "@/lib/disputes/dispute-parties";

export type DisputeView = DisputeAccess & {
  reason: string;
  createdAt: Date;
  openedBy: { id: string; fullName: string };
  poster: { id: string; fullName: string };
  assignee: { id: string; fullName: string };
  decision: { note: string; reviews: "KEEP" | "HIDE"; sanctionedUserId: string | null; decidedAt: Date } | null;
  messages: { id: string; body: string; createdAt: Date; author: { id: string; fullName: string; isAdmin: boolean } }[];
};

/** A dispute's page: for its two parties and administrators only (loadDisputeFor). */
export async function getDispute(actor: Actor, disputeId: unknown): Promise<DisputeView> {
  const access = await loadDisputeFor(actor, disputeId);
  const person = { select: { id: true, fullName: true } } as const;
  const [row, parties] = await Promise.all([
    db.dispute.findUniqueOrThrow({
      where: { id: access.id },
      select: {
        reason: true, createdAt: true, decisionNote: true, reviewOutcome: true, sanctionedUserId: true, decidedAt: true, openedBy: person,
        // a thread is a handful of messages; the page shows them all, oldest first
        messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500, select: { id: true, body: true, createdAt: true, author: { select: { id: true, fullName: true, role: true } } } },
      },
    }),
    db.user.findMany({ where: { id: { in: [access.posterId, access.assigneeId] } }, select: { id: true, fullName: true } }),
  ]);
  const name = (id: string) => parties.find((p) => p.id === id) ?? { id, fullName: "Kapatılmış hesap" };
  return {
    ...access,
    reason: row.reason,
    createdAt: row.createdAt,
    openedBy: row.openedBy,
    poster: name(access.posterId),
    assignee: name(access.assigneeId),
    decision: row.decidedAt && row.decisionNote && row.reviewOutcome
      ? { note: row.decisionNote, reviews: row.reviewOutcome, sanctionedUserId: row.sanctionedUserId, decidedAt: row.decidedAt }
      : null,
    messages: row.messages.map((m) => ({ id: m.id, body: m.body, createdAt: m.createdAt, author: { id: m.author.id, fullName: m.author.fullName, isAdmin: m.author.role === "ADMIN" } })),
  };
}
