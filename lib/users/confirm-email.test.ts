import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { confirmEmail, INVALID_CONFIRMATION_LINK_MESSAGE, resendEmailConfirmation } from "@/lib/users/confirm-email";
import { issueEmailConfirmationToken, isEmailConfirmationTokenLive } from "@/lib/users/email-confirmation-token";
import { getQueue, NOTIFICATIONS_QUEUE } from "@/lib/queue/queues";
import { loadViewerSummary } from "@/lib/viewer/viewer-summary";
import { createSession } from "@/lib/auth/session-store";
import { actorOf, createTestUser } from "@/test/factories";

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a failure"); }, (e: AppError) => e);

async function unconfirmedUser() {
  const user = await createTestUser({ verification: "PENDING" });
  return db.user.update({ where: { id: user.id }, data: { emailConfirmedAt: null } });
}

describe("e-mail confirmation", () => {
  it("confirms the address once with the e-mailed token; the header's summary follows at once", async () => {
    const user = await unconfirmedUser();
    const sessionToken = await createSession({ userId: user.id, userAgent: "vitest", ip: "127.0.0.1" });
    expect((await loadViewerSummary(sessionToken))?.emailConfirmed).toBe(false);

    const token = await issueEmailConfirmationToken(user.id);
    expect(await isEmailConfirmationTokenLive(token)).toBe(true);
    await expect(confirmEmail({ token })).resolves.toEqual({ userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailConfirmedAt).toBeInstanceOf(Date);
    expect((await loadViewerSummary(sessionToken))?.emailConfirmed).toBe(true);

    // used up
    expect(await isEmailConfirmationTokenLive(token)).toBe(false);
    const error = await failure(confirmEmail({ token }));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toBe(INVALID_CONFIRMATION_LINK_MESSAGE);
  });

  it("a newer link voids the older one; a malformed token is refused without touching anything", async () => {
    const user = await unconfirmedUser();
    const older = await issueEmailConfirmationToken(user.id);
    const newer = await issueEmailConfirmationToken(user.id);
    expect((await failure(confirmEmail({ token: older }))).message).toBe(INVALID_CONFIRMATION_LINK_MESSAGE);
    expect((await failure(confirmEmail({ token: "kisa" }))).code).toBe("VALIDATION");
    expect((await failure(confirmEmail({ token: "x".repeat(500) }))).code).toBe("VALIDATION");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailConfirmedAt).toBeNull();
    await confirmEmail({ token: newer });
  });

  it("the link of an account replaced by a later registration confirms nothing", async () => {
    const user = await unconfirmedUser();
    const token = await issueEmailConfirmationToken(user.id);
    await db.user.delete({ where: { id: user.id } });
    expect((await failure(confirmEmail({ token }))).message).toBe(INVALID_CONFIRMATION_LINK_MESSAGE);
  });

  it("sends the link again on request, and refuses when the address is already confirmed", async () => {
    const user = await unconfirmedUser();
    await expect(resendEmailConfirmation(actorOf(user))).resolves.toEqual({ email: user.email });
    const jobs = await getQueue(NOTIFICATIONS_QUEUE).getJobs(["waiting", "active", "completed", "failed", "delayed", "prioritized"]);
    expect(jobs.filter((job) => job.name === "email-confirmation" && job.data.userId === user.id)).toHaveLength(1);

    const confirmed = await createTestUser();
    expect((await failure(resendEmailConfirmation(actorOf(confirmed)))).code).toBe("CONFLICT");
  });
});
