import { UnrecoverableError, type Job } from "bullmq";
import type { NotificationJobs } from "@/lib/queue/queues";
import { endResponseWindow } from "@/lib/jobs/end-response-window";
import { deliverNotification } from "@/lib/notifications/deliver-notification";
import { PermanentDeliveryError } from "@/lib/notifications/delivery-errors";
import { dispatchNotification } from "@/lib/notifications/dispatch-notification";
import { sendMessageNotice } from "@/lib/notifications/message-notice";
import { sendWhatsAppVerificationCode } from "@/lib/notifications/whatsapp-verification";
import { sendNewDeviceNotice } from "@/lib/security/new-device-email";
import { sendEmailChangeConfirmation, sendEmailChangeNotice } from "@/lib/users/email-change-email";
import { sendEmailConfirmationEmail } from "@/lib/users/email-confirmation-email";
import { sendPasswordResetEmail } from "@/lib/users/password-reset-email";
import { handleWhatsAppInbound } from "@/lib/whatsapp/handle-inbound";

type Handlers = { [K in keyof NotificationJobs]: (data: NotificationJobs[K]) => Promise<unknown> };

/** The notifications queue's job kinds. Permanent failures stop retrying; everything else backs off and retries. */
export function notificationHandler(options: { backoffMs?: number } = {}) {
  const handlers: Handlers = {
    dispatch: ({ notificationId }) => dispatchNotification(notificationId, options),
    deliver: ({ notificationId, channel }) => deliverNotification(notificationId, channel),
    "whatsapp-verification": ({ userId }) => sendWhatsAppVerificationCode(userId),
    "message-notice": (data) => sendMessageNotice(data),
    "password-reset": ({ userId }) => sendPasswordResetEmail(userId),
    "email-confirmation": ({ userId }) => sendEmailConfirmationEmail(userId),
    "new-device-notice": ({ securityEventId }) => sendNewDeviceNotice(securityEventId),
    "email-change-confirmation": ({ userId }) => sendEmailChangeConfirmation(userId),
    "email-change-notice": ({ securityEventId }) => sendEmailChangeNotice(securityEventId),
    "response-window-ended": ({ jobId }) => endResponseWindow(jobId),
    "whatsapp-inbound": ({ inboundId }) => handleWhatsAppInbound(inboundId),
  };
  return async (job: Job) => {
    const handler = handlers[job.name as keyof NotificationJobs] as ((data: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new UnrecoverableError(`unknown job ${job.name}`);
    try {
      return await handler(job.data);
    } catch (error) {
      if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
}
