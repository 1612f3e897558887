import { describe, expect, it } from "vitest";
import { acceptApplication } from "@/lib/applications/accept-application";
import { listApplicants } from "@/lib/applications/list-applicants";
import { db } from "@/lib/db";
import { getAssignment } from "@/lib/jobs/get-assignment";
import { getAuthorisationDocument } from "@/lib/jobs/get-authorisation-document";
import { getJobDetail } from "@/lib/jobs/get-job-detail";
import { getJobViewerState } from "@/lib/jobs/get-job-viewer-state";
import { listMyJobs } from "@/lib/jobs/list-my-jobs";
import { applyAs, jobInput, postJob, refusal } from "@/test/marketplace-test-support";
import { updateJob } from "@/lib/jobs/update-job";
import { ANONYMOUS_UNTIL_ASSIGNED, openConversation } from "@/lib/messaging/open-conversation";
import { connectAs, socketServerForFile, until, userWithSession, type TestUser } from "@/test/socket-test-client";
import { listNotifications } from "@/lib/notifications/notification-center";
import { actorOf } from "@/test/factories";

// The authorisation test of issue 14 item 4: before the poster accepts, nothing the poster can reach names an
// applicant of an anonymous job. Page HTML, the PDF route and the browser's socket are covered end to end by
// e2e/anonymous-applicants.spec.ts; here every domain read behind them, and the poster's socket.

const server = socketServerForFile();

/** A lawyer whose every identifying value is unusual enough to be searched for in any output. */
async function distinctLawyer(given: string, surname: string): Promise<TestUser & { identifiers: string[] }> {
  const user = await userWithSession();
  const fullName = `Av. ${given} ${surname}`;
  const phone = `+90 532 ${String(Math.floor(Math.random() * 900) + 100)} 71 93`;
  await db.user.update({ where: { id: user.id }, data: { fullName, phone, showPhone: true, showEmail: true } });
  return { ...user, fullName, phone, identifiers: [fullName, given, surname, user.email, phone, user.barNumber, user.id] };
}

const leaks = (value: unknown, identifiers: string[]) => {
  const text = JSON.stringify(value);
  return identifiers.filter((id) => text.includes(id));
};

describe("applicants of an anonymous job", () => {
  it("reach the poster as initials only until accepted, through every read, notification and socket event", async () => {
    const poster = await userWithSession();
    const kivanc = await distinctLawyer("Kıvanççan", "Bozkurtoğlugil");
    const selin = await distinctLawyer("Selinnaz", "Yazıcıoğlugil");
    const jobId = await postJob(actorOf(poster));
    expect((await getJobDetail(jobId)).anonymousApplicants).toBe(true);

    // everything the poster's socket hears while both apply
    const socket = await connectAs(server.url, poster);
    const heard: { event: string; payload: unknown }[] = [];
    socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
    await applyAs(actorOf(kivanc), jobId, "3.000");
    await applyAs(actorOf(selin), jobId);
    await until(() => heard.filter((h) => h.event === "notification:new").length === 2, 5_000, "two notifications");
    expect(heard.some((h) => h.event === "job:changed")).toBe(true);

    const posterActor = actorOf(poster);
    const everyone = [...kivanc.identifiers, ...selin.identifiers];
    const applicants = await listApplicants(posterActor, jobId);
    expect(applicants.map((a) => a.lawyer)).toEqual([
      expect.objectContaining({ anonymous: true, initials: "K. B.", barName: "İstanbul Barosu", ratingCount: 0, completedJobCount: 0, cancelledAssignCount: 0 }),
      expect.objectContaining({ anonymous: true, initials: "S. Y." }),
    ]);
    const detail = await getJobDetail(jobId);
    const reads = {
      applicants,
      detail,
      viewer: await getJobViewerState(posterActor, detail),
      panel: await listMyJobs(posterActor, "OPEN"),
      notifications: await listNotifications(posterActor),
      rows: await db.notification.findMany({ where: { userId: poster.id } }),
      heard,
    };
    for (const [what, value] of Object.entries(reads)) expect(leaks(value, everyone), what).toEqual([]);
    expect(reads.rows.map((n) => n.body).sort()).toEqual([`"${detail.title}" ilanınıza K. B. başvurdu.`, `"${detail.title}" ilanınıza S. Y. başvurdu.`]);

    // no yetki belgesi, no job conversation from either side (the poster with anyone, so a refusal tells nothing)
    expect(await refusal(getAuthorisationDocument(posterActor, jobId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(openConversation(posterActor, { peerId: kivanc.id, jobId }))).toMatchObject({ code: "FORBIDDEN", message: ANONYMOUS_UNTIL_ASSIGNED });
    expect(await refusal(openConversation(actorOf(kivanc), { peerId: poster.id, jobId }))).toMatchObject({ code: "FORBIDDEN", message: ANONYMOUS_UNTIL_ASSIGNED });
    const stranger = await userWithSession();
    expect(await refusal(openConversation(posterActor, { peerId: stranger.id, jobId }))).toMatchObject({ message: ANONYMOUS_UNTIL_ASSIGNED });
    // a colleague who has not applied may still ask the poster about the job
    expect((await openConversation(actorOf(stranger), { peerId: poster.id, jobId })).created).toBe(true);
    expect(await db.conversation.count({ where: { jobId, members: { some: { userId: kivanc.id } } } })).toBe(0);

    // the poster accepts Kıvanççan: now his name, sicil and contacts; Selinnaz stays initials
    await acceptApplication(posterActor, { applicationId: applicants[0].applicationId });
    const after = await listApplicants(posterActor, jobId);
    expect(after[0].lawyer).toMatchObject({ anonymous: false, id: kivanc.id, fullName: kivanc.fullName });
    expect(after[1].lawyer).toMatchObject({ anonymous: true, initials: "S. Y." });
    const assignment = await getAssignment(posterActor, jobId);
    expect(assignment.assignee).toMatchObject({ fullName: kivanc.fullName, barNumber: kivanc.barNumber, phone: kivanc.phone, email: kivanc.email });
    expect((await getAuthorisationDocument(posterActor, jobId)).bytes.length).toBeGreaterThan(1000);
    expect((await openConversation(posterActor, { peerId: kivanc.id, jobId })).conversation.peer.fullName).toBe(kivanc.fullName);
    const afterDetail = await getJobDetail(jobId);
    expect(leaks([after, assignment, await getJobViewerState(posterActor, afterDetail), await listMyJobs(posterActor, "ASSIGNED"), heard], selin.identifiers)).toEqual([]);
    expect(await refusal(openConversation(actorOf(selin), { peerId: poster.id, jobId }))).toMatchObject({ message: ANONYMOUS_UNTIL_ASSIGNED });
  });

  it("shows names on a job posted with anonymity off", async () => {
    const poster = await userWithSession();
    const open = await distinctLawyer("Oğuzhancan", "Türkmenoğlugil");
    const jobId = await postJob(actorOf(poster), { anonymousApplicants: "0" });
    await applyAs(actorOf(open), jobId);
    const [applicant] = await listApplicants(actorOf(poster), jobId);
    expect(applicant.lawyer).toMatchObject({ anonymous: false, id: open.id, fullName: open.fullName });
    expect((await db.notification.findFirstOrThrow({ where: { userId: poster.id, type: "APPLICATION_RECEIVED" } })).body).toContain(open.fullName);
    expect((await openConversation(actorOf(poster), { peerId: open.id, jobId })).created).toBe(true);
  });

  it("can be turned on by an edit at any time, and off only while nobody has applied", async () => {
    const poster = await userWithSession();
    const jobId = await postJob(actorOf(poster), { anonymousApplicants: "0" });
    const edit = async (anonymousApplicants: string) => updateJob(actorOf(poster), { ...(await jobInput()), jobId, anonymousApplicants });
    await edit("1");
    await edit("0");
    expect((await getJobDetail(jobId)).anonymousApplicants).toBe(false);
    await edit("1");
    await applyAs(actorOf(await userWithSession()), jobId);
    expect(await refusal(edit("0"))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/kimlik gizliliği kapatılamaz/) });
    expect((await getJobDetail(jobId)).anonymousApplicants).toBe(true);
  });
});
