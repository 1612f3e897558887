import { describe, expect, it } from "vitest";
import { createSession, getSessionByToken, listSessions, sessionHandleOf } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { applyAs, assignedJob, doneJob, postJob, refusal } from "@/test/marketplace-test-support";
import { closeAccount, DELETED_USER_NAME, deletedEmailOf } from "@/lib/kvkk/close-account";
import { cancelAccountDeletion, requestAccountDeletion } from "@/lib/kvkk/request-account-deletion";
import { listConversations } from "@/lib/messaging/list-conversations";
import { listMessages } from "@/lib/messaging/list-messages";
import { sendMessage } from "@/lib/messaging/send-message";
import { connectAs, pairWithConversation, socketServerForFile, userWithSession } from "@/test/socket-test-client";
import { getProfile } from "@/lib/profiles/get-profile";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { actorOf, TEST_PASSWORD } from "@/test/factories";

const server = socketServerForFile();

const confirmed = { currentPassword: TEST_PASSWORD, confirm: "on" };
const context = { ip: "203.0.113.20", userAgent: "vitest" };
// the grace period in tests is the default, 7 days: the worker's job runs after it
const afterGrace = () => new Date(Date.now() + 8 * 24 * 3600 * 1000);
/** What "Hesabımı sil" and, a week later, the worker's job do. */
async function deleteAccount(actor: ReturnType<typeof actorOf>, input: Record<string, unknown>) {
  await requestAccountDeletion(actor, input, context);
  return closeAccount(actor.id, afterGrace());
}
const sessionActor = (user: Parameters<typeof actorOf>[0] & { token: string }) => actorOf(user, sessionHandleOf(user.token));

describe("account deletion", () => {
  it("anonymises the account, keeps the counterparty's messages under 'Silinmiş kullanıcı', ends sessions and sockets, refuses the login", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    await db.user.update({ where: { id: a.id }, data: { phone: "+90 555 000 11 22", bio: "Ceza avukatı", specialities: ["Ceza"], tbbNumber: "12345", whatsappNumber: "+905550001122" } });
    await sendMessage(actorOf(a), { conversationId, clientId: "silinecek-1", body: "Duruşma saat 10:00'da" });
    await sendMessage(actorOf(b), { conversationId, clientId: "karsi-taraf-1", body: "Tamam, oradayım" });
    const secondToken = await createSession({ userId: a.id });
    const [socketA, socketA2, socketB] = await Promise.all([connectAs(server.url, a), connectAs(server.url, { token: secondToken }), connectAs(server.url, b)]);
    const closed = [socketA, socketA2].map((s) => new Promise<string>((resolve) => s.once("disconnect", resolve)));
    let bDisconnected = false;
    socketB.once("disconnect", () => (bDisconnected = true));
    const originalEmail = a.email;

    expect(await deleteAccount(sessionActor(a), confirmed)).toEqual({ closed: true });

    const row = await db.user.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({
      fullName: DELETED_USER_NAME, email: deletedEmailOf(a.id), phone: null, bio: null, avatarPath: null, specialities: [], barName: "", barNumber: "",
      tbbNumber: null, whatsappNumber: null, verification: "REJECTED",
    });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.email).toMatch(/@silinmis\.invalid$/);

    // every session gone and every socket closed by the server, the counterparty's left alone
    expect(await Promise.all(closed)).toEqual(["io server disconnect", "io server disconnect"]);
    expect(await getSessionByToken(a.token)).toBeNull();
    expect(await getSessionByToken(secondToken)).toBeNull();
    expect(await listSessions(a.id)).toEqual([]);
    expect(bDisconnected).toBe(false);

    // the counterparty still has the whole conversation, under the anonymised name
    const list = await listConversations(actorOf(b));
    const item = list.conversations.find((c) => c.id === conversationId);
    expect(item?.peer).toEqual({ id: a.id, fullName: DELETED_USER_NAME });
    const { messages } = await listMessages(actorOf(b), { conversationId });
    expect(messages.map((m) => [m.senderId, m.body])).toEqual([
      [a.id, "Duruşma saat 10:00'da"],
      [b.id, "Tamam, oradayım"],
    ]);

    // neither the old address nor the placeholder logs in; the profile page is gone
    for (const email of [originalEmail, deletedEmailOf(a.id)]) {
      expect(await authenticateWithPassword({ email, password: TEST_PASSWORD }, { ip: "10.9.0.1" })).toEqual({ ok: false, reason: "invalid" });
    }
    expect((await refusal(getProfile(a.id))).code).toBe("NOT_FOUND");
    // a second run of the job finds nothing to close
    expect(await closeAccount(a.id, afterGrace())).toEqual({ closed: false });
  });

  it("cancels the open jobs, withdraws the pending applications and keeps completed jobs", async () => {
    const [owner, applicant, colleague] = await Promise.all([userWithSession(), userWithSession(), userWithSession()]);
    const openJob = await postJob(actorOf(owner));
    const applicationToOwner = await applyAs(actorOf(applicant), openJob);
    const colleaguesJob = await postJob(actorOf(colleague));
    const ownersApplication = await applyAs(actorOf(owner), colleaguesJob);
    const completed = await doneJob(actorOf(colleague), actorOf(owner));

    await deleteAccount(sessionActor(owner), confirmed);

    expect(await db.job.findUniqueOrThrow({ where: { id: openJob }, select: { status: true, cancelledById: true } })).toEqual({ status: "CANCELLED", cancelledById: owner.id });
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationToOwner } })).status).toBe("REJECTED");
    expect((await db.application.findUniqueOrThrow({ where: { id: ownersApplication } })).status).toBe("WITHDRAWN");
    expect(await db.job.findUniqueOrThrow({ where: { id: completed }, select: { status: true, assigneeId: true } })).toEqual({ status: "DONE", assigneeId: owner.id });
    expect(await db.job.findUniqueOrThrow({ where: { id: colleaguesJob }, select: { status: true } })).toEqual({ status: "OPEN" });
  });

  it("ends sessions at once but closes nothing before the grace period is over; a login meanwhile cancels it", async () => {
    const user = await userWithSession();
    await expect(requestAccountDeletion(sessionActor(user), confirmed, context)).resolves.toMatchObject({ closesAt: expect.any(Date) });
    expect(await getSessionByToken(user.token)).toBeNull();
    expect(await closeAccount(user.id)).toEqual({ closed: false }); // not yet
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).fullName).toBe(user.fullName);

    await cancelAccountDeletion(user.id, context); // what a login does
    expect(await closeAccount(user.id, afterGrace())).toEqual({ closed: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { fullName: true, deletedAt: true, deletionRequestedAt: true } })).toEqual({
      fullName: user.fullName, deletedAt: null, deletionRequestedAt: null,
    });
    const events = await db.securityEvent.findMany({ where: { userId: user.id }, select: { type: true } });
    expect(events.map((e) => e.type).sort()).toEqual(["ACCOUNT_DELETION_CANCELLED", "ACCOUNT_DELETION_REQUESTED"]);
  });

  it("changes nothing with a wrong password, without the tick, or while an assignment is under way", async () => {
    const [user, assignee] = await Promise.all([userWithSession(), userWithSession()]);
    const wrong = await refusal(deleteAccount(sessionActor(user), { currentPassword: "yanlis-sifre", confirm: "on" }));
    expect(wrong).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { currentPassword: ["Mevcut şifreniz doğru değil."] } } });
    const unticked = await refusal(deleteAccount(sessionActor(user), { currentPassword: TEST_PASSWORD }));
    expect(unticked.details.fieldErrors?.confirm).toEqual(["Hesabınızın kalıcı olarak kapatılacağını onaylayın."]);

    await assignedJob(actorOf(user), actorOf(assignee));
    const underWay = await refusal(deleteAccount(sessionActor(user), confirmed));
    expect(underWay.code).toBe("CONFLICT");

    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { fullName: true, deletedAt: true } })).toEqual({ fullName: user.fullName, deletedAt: null });
    expect(await getSessionByToken(user.token)).not.toBeNull();
  });
});
