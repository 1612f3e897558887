import { initialsOf } from "@/lib/applications/applicant-identity";
import { db } from "@/lib/db";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { formatKurus } from "@/lib/jobs/money";
import { RetryableDeliveryError } from "@/lib/notifications/delivery-errors";
import { appUrl } from "@/lib/whatsapp/conversation";
import { sendWhatsApp, type FreeFormMessage } from "@/lib/whatsapp/send-whatsapp";
import { newApplicationTemplate, newJobTemplate, notificationTemplate, type TemplateMessage } from "@/lib/whatsapp/templates";

type WhatsAppNotification = { id: string; type: NotificationType; subjectId: string | null; title: string; body: string; url: string; whatsappNumber: string };

/** The new application with "Kabul et" and where to see the applicant (the job's page while applicants are anonymous). */
async function applicationMessage(n: WhatsAppNotification): Promise<{ freeForm: FreeFormMessage; template: TemplateMessage } | null> {
  const application = await db.application.findUnique({
    where: { id: n.subjectId! },
    select: { id: true, status: true, applicantId: true, proposedFeeKurus: true, applicant: { select: { fullName: true } }, job: { select: { id: true, title: true, feeKurus: true, anonymousApplicants: true } } },
  });
  if (!application || application.status !== "PENDING") return null;
  const profilePath = application.job.anonymousApplicants ? `ilanlar/${application.job.id}` : `avukat/${application.applicantId}`;
  const feeLine = application.proposedFeeKurus !== null ? `Önerdiği ücret: ${formatKurus(application.proposedFeeKurus)}.` : `İlandaki ücretle (${formatKurus(application.job.feeKurus)}).`;
  const acceptId = `accept:${application.id}`;
  // as the notification row says it: initials only on a job with anonymous applicants
  const who = application.job.anonymousApplicants ? initialsOf(application.applicant.fullName) : application.applicant.fullName;
  return {
    freeForm: { text: `${n.title}\n${n.body}\n${feeLine}\nProfili gör: ${appUrl(`/${profilePath}`)}`, buttons: [{ id: acceptId, title: "Kabul et" }] },
    template: newApplicationTemplate(application.job.title, who, feeLine, acceptId, profilePath),
  };
}

/**
 * One notification on WhatsApp: free-form inside the lawyer's 24-hour window, the approved template outside it. A new
 * job to a follower carries "Başvur", a new application to the poster "Kabul et" and "Profili gör". Over the
 * per-number rate it is retried later; to a number that said DUR it is skipped.
 */
export async function deliverWhatsAppNotification(n: WhatsAppNotification): Promise<"sent" | "skipped"> {
  const plain = { freeForm: { text: `${n.title}\n${n.body}\n${n.url}` }, template: notificationTemplate(n.title, n.body, n.url) };
  let content = plain;
  if (n.type === "FOLLOWED_JOB_POSTED" && n.subjectId) {
    const applyId = `apply:${n.subjectId}`;
    content = { freeForm: { ...plain.freeForm, buttons: [{ id: applyId, title: "Başvur" }] } as FreeFormMessage, template: newJobTemplate(n.title, n.body, n.url, applyId) };
  } else if (n.type === "APPLICATION_RECEIVED" && n.subjectId) {
    content = (await applicationMessage(n)) ?? plain;
  }
  const outcome = await sendWhatsApp(n.whatsappNumber, `notification:${n.type}`, content);
  if (outcome === "rate-limited") throw new RetryableDeliveryError("WhatsApp per-number rate limit: retried later");
  return outcome === "sent" ? "sent" : "skipped";
}
