import { db } from "@/lib/db";
import { collectWhatsAppData } from "@/lib/whatsapp/collect-whatsapp-data";

// What a data export holds (KVKK md. 11/1-b): the lawyer's own records, and of other people only what the lawyer
// already saw with them (a counterparty's name in a shared conversation or job). Never another pair's conversation.

export type ExportAttachment = { id: string; storageKey: string; pathInZip: string };

const person = { select: { id: true, fullName: true } } as const;

// "dilekçe/ek.pdf" must not make a folder in the ZIP, nor a control character an unreadable name
const safeFileName = (name: string) => name.replace(/[\\/\u0000-\u001f\u007f]/g, "_").slice(0, 120) || "dosya";

async function profileOf(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true, email: true, fullName: true, phone: true, title: true, barName: true, barNumber: true, tbbNumber: true, bio: true,
      specialities: true, avatarPath: true, verification: true, verifiedAt: true, emailConfirmedAt: true, role: true, showPhone: true,
      showEmail: true, showPresence: true, notificationPrefs: true, kvkkConsentAt: true, ratingSum: true, ratingCount: true,
      completedJobCount: true, cancelledAssignCount: true, lastSeenAt: true, whatsappNumber: true, whatsappVerifiedAt: true, totpEnabledAt: true, createdAt: true,
      province: { select: { id: true, name: true } },
      follows: { select: { province: { select: { name: true } }, courthouse: { select: { name: true } }, createdAt: true } },
      favorites: { select: { jobId: true, createdAt: true } },
      availability: { select: { accepting: true, courthouseIds: true, taskTypes: true, showCheckIn: true, updatedAt: true } },
    },
  });
  const { ratingSum, ...rest } = user;
  return { ...rest, ratingAverage: user.ratingCount ? ratingSum / user.ratingCount : null };
}

const jobFields = {
  id: true, number: true, taskType: true, lawArea: true, title: true, description: true, court: true, fileNumber: true, scheduledAt: true,
  deadlineAt: true, feeKurus: true, urgency: true, status: true, cancelReason: true, cancelledAt: true, assignedAt: true,
  completionReport: true, completionNotes: true, nextHearingAt: true, completionOutcome: true, interimDecision: true, outcomeReason: true,
  completedAt: true, createdAt: true,
  reportFiles: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true, uploaderId: true, createdAt: true } },
  province: { select: { name: true } }, courthouse: { select: { name: true } },
} as const;

async function jobsOf(userId: string) {
  const [posted, assigned] = await Promise.all([
    db.job.findMany({ where: { posterId: userId }, select: { ...jobFields, assignee: person }, orderBy: { createdAt: "asc" } }),
    db.job.findMany({ where: { assigneeId: userId }, select: { ...jobFields, poster: person }, orderBy: { createdAt: "asc" } }),
  ]);
  return { posted, assigned };
}

function applicationsOf(userId: string) {
  return db.application.findMany({
    where: { applicantId: userId },
    select: { id: true, note: true, proposedFeeKurus: true, status: true, decidedAt: true, createdAt: true, job: { select: { id: true, number: true, title: true } } },
    orderBy: { createdAt: "asc" },
  });
}

async function reviewsOf(userId: string) {
  const fields = { id: true, overall: true, professionalism: true, communication: true, punctuality: true, comment: true, createdAt: true, job: { select: { id: true, title: true } } } as const;
  const [given, received] = await Promise.all([
    db.review.findMany({ where: { authorId: userId }, select: { ...fields, subject: person }, orderBy: { createdAt: "asc" } }),
    db.review.findMany({ where: { subjectId: userId }, select: { ...fields, author: person }, orderBy: { createdAt: "asc" } }),
  ]);
  return { given, received };
}

/** Every conversation the user is a member of, with all its messages; attachments point at their file in the ZIP. */
async function conversationsOf(userId: string, attachmentPaths: Map<string, string>) {
  const conversations = await db.conversation.findMany({
    where: { members: { some: { userId } } },
    select: { id: true, createdAt: true, job: { select: { id: true, title: true } }, members: { select: { user: person } } },
    orderBy: { createdAt: "asc" },
  });
  const out = [];
  // one conversation at a time: a long history is read in pieces, not all of it at once
  for (const conversation of conversations) {
    const messages = await db.message.findMany({
      where: { conversationId: conversation.id },
      select: { id: true, senderId: true, body: true, createdAt: true, attachment: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true } } },
      orderBy: { id: "asc" },
    });
    const names = new Map(conversation.members.map((m) => [m.user.id, m.user.fullName]));
    out.push({
      id: conversation.id,
      job: conversation.job,
      members: conversation.members.map((m) => m.user),
      messages: messages.map((m) => ({
        id: m.id.toString(),
        sender: { id: m.senderId, fullName: names.get(m.senderId) ?? null, isMe: m.senderId === userId },
        body: m.body,
        createdAt: m.createdAt,
        attachment: m.attachment ? { ...m.attachment, fileInZip: attachmentPaths.get(m.attachment.id) ?? null } : null,
      })),
    });
  }
  return out;
}

/** The JSON documents of a user's export and the files to put beside them. */
export async function collectExportData(userId: string): Promise<{ documents: Record<string, unknown>; attachments: ExportAttachment[] }> {
  const [uploaded, tutanaklar] = await Promise.all([
    db.attachment.findMany({ where: { uploaderId: userId }, select: { id: true, fileName: true, storageKey: true }, orderBy: { createdAt: "asc" } }),
    // the tutanak files the lawyer sent with completion reports
    db.jobReportFile.findMany({ where: { uploaderId: userId }, select: { id: true, fileName: true, storageKey: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const attachments = [
    ...uploaded.map((a) => ({ id: a.id, storageKey: a.storageKey, pathInZip: `ekler/${a.id}-${safeFileName(a.fileName)}` })),
    ...tutanaklar.map((f) => ({ id: f.id, storageKey: f.storageKey, pathInZip: `tutanaklar/${f.id}-${safeFileName(f.fileName)}` })),
  ];
  const paths = new Map(attachments.map((a) => [a.id, a.pathInZip]));
  const [profile, jobs, applications, reviews, messages, notifications, securityLog, whatsapp] = await Promise.all([
    profileOf(userId),
    jobsOf(userId),
    applicationsOf(userId),
    reviewsOf(userId),
    conversationsOf(userId, paths),
    db.notification.findMany({ where: { userId }, select: { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    db.securityEvent.findMany({ where: { userId }, select: { id: true, type: true, ip: true, userAgent: true, detail: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    collectWhatsAppData(userId),
  ]);
  return {
    documents: {
      "profile.json": profile,
      "jobs.json": jobs,
      "applications.json": applications,
      "reviews.json": reviews,
      "messages.json": messages,
      "notifications.json": notifications,
      "security-log.json": securityLog,
      "whatsapp.json": whatsapp,
    },
    attachments,
  };
}
