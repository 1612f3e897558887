import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { doneJob, postJob, refusal } from "@/test/marketplace-test-support";
import { buildDataExport } from "@/lib/kvkk/build-data-export";
import { getDataExportDownload, getDataExportState } from "@/lib/kvkk/data-export-download";
import { expireDataExport } from "@/lib/kvkk/expire-data-export";
import { requestDataExport } from "@/lib/kvkk/request-data-export";
import { openConversation } from "@/lib/messaging/open-conversation";
import { sendMessage } from "@/lib/messaging/send-message";
import { pairWithConversation, userWithSession } from "@/test/socket-test-client";
import { uploadAttachment } from "@/lib/messaging/upload-attachment";
import { closeQueues, EXPORTS_QUEUE, getQueue } from "@/lib/queue/queues";
import { getStorage } from "@/lib/storage/storage";
import { actorOf } from "@/test/factories";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "tevkil-verilerim-"));
  process.env.STORAGE_DIR = directory;
});
afterAll(async () => {
  await closeQueues();
  await rm(directory, { recursive: true, force: true });
});

const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4096, 0x20), Buffer.from("%%EOF\n")]);
const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
const json = (files: Record<string, Uint8Array>, name: string) => JSON.parse(strFromU8(files[name]));

describe("data export", () => {
  it("zips the user's messages, jobs and files, and nothing of conversations the user is not in", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const c = await userWithSession();
    // b and c talk without a: none of it may reach a's export
    const { conversation: other } = await openConversation(actorOf(b), { peerId: c.id });
    await sendMessage(actorOf(b), { conversationId: other.id, clientId: "baskasi-0001", body: "Bu konuşma a'nın değil" });
    await sendMessage(actorOf(a), { conversationId, clientId: "disa-aktar-01", body: "Dosya ekte, duruşma yarın." });
    await sendMessage(actorOf(b), { conversationId, clientId: "disa-aktar-02", body: "Teşekkürler, geliyorum." });
    const { attachment } = await uploadAttachment(actorOf(a), { conversationId, fileName: "vekâletname.pdf" }, pdf);
    await sendMessage(actorOf(a), { conversationId, clientId: "disa-aktar-03", body: "Vekâletname", attachmentId: attachment.id });
    const posted = await postJob(actorOf(a));
    const assigned = await doneJob(actorOf(c), actorOf(a));

    const { exportId } = await requestDataExport(actorOf(a));
    // a second click while it is being built is the same export, and the worker job carries its id only
    expect(await requestDataExport(actorOf(a))).toEqual({ exportId });
    expect((await getQueue(EXPORTS_QUEUE).getJob(`build-${exportId}`))?.data).toEqual({ exportId });
    expect(await getDataExportState(actorOf(a))).toMatchObject({ status: "PENDING" });

    expect(await buildDataExport(exportId)).toBe("built");
    expect(await buildDataExport(exportId)).toBe("skipped");
    expect(await getDataExportState(actorOf(a))).toMatchObject({ status: "READY", id: exportId });
    expect(await db.notification.count({ where: { userId: a.id, type: "DATA_EXPORT_READY", link: "/ayarlar/verilerim" } })).toBe(1);

    const download = await getDataExportDownload(actorOf(a), { exportId });
    const files = unzipSync(await bytesOf(download.body));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["profile.json", "jobs.json", "applications.json", "reviews.json", "messages.json", "notifications.json", "security-log.json"]));

    expect(json(files, "profile.json")).toMatchObject({ id: a.id, email: a.email, fullName: a.fullName });
    expect(json(files, "profile.json").passwordHash).toBeUndefined();
    const jobs = json(files, "jobs.json");
    expect(jobs.posted.map((j: { id: string }) => j.id)).toEqual([posted]);
    expect(jobs.assigned.map((j: { id: string; poster: { fullName: string } }) => [j.id, j.poster.fullName])).toEqual([[assigned, c.fullName]]);

    const conversations = json(files, "messages.json");
    expect(conversations.map((x: { id: string }) => x.id)).toEqual([conversationId]);
    const [conversation] = conversations;
    expect(conversation.members.map((m: { fullName: string }) => m.fullName).sort()).toEqual([a.fullName, b.fullName].sort());
    expect(conversation.messages.map((m: { body: string; sender: { fullName: string } }) => [m.sender.fullName, m.body])).toEqual([
      [a.fullName, "Dosya ekte, duruşma yarın."],
      [b.fullName, "Teşekkürler, geliyorum."],
      [a.fullName, "Vekâletname"],
    ]);
    const allText = Object.values(files).map((f) => strFromU8(f)).join("\n");
    expect(allText).not.toContain("Bu konuşma a'nın değil");
    expect(allText).not.toContain(other.id);

    const fileInZip = conversation.messages[2].attachment.fileInZip;
    expect(fileInZip).toBe(`ekler/${attachment.id}-vekâletname.pdf`);
    expect(Buffer.from(files[fileInZip])).toEqual(pdf);
  });

  it("serves the link to its owner only, and not after it expires; expiry deletes the file", async () => {
    const owner = await userWithSession();
    const stranger = await userWithSession();
    const { exportId } = await requestDataExport(actorOf(owner));
    await buildDataExport(exportId);

    const theirs = await refusal(getDataExportDownload(actorOf(stranger), { exportId }));
    expect(theirs.code).toBe("NOT_FOUND");
    expect((await refusal(getDataExportDownload(actorOf(owner), { exportId: "../../etc/passwd" }))).code).toBe("VALIDATION");
    expect(await getDataExportDownload(actorOf(owner), { exportId })).toMatchObject({ fileName: expect.stringMatching(/^tevkil-verilerim-\d{4}-\d{2}-\d{2}\.zip$/) });

    await db.dataExport.update({ where: { id: exportId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refusal(getDataExportDownload(actorOf(owner), { exportId }))).code).toBe("NOT_FOUND");
    expect(await getDataExportState(actorOf(owner))).toEqual({ status: "NONE" });

    const { storageKey } = await db.dataExport.findUniqueOrThrow({ where: { id: exportId } });
    expect(await expireDataExport(exportId)).toBe("deleted");
    expect(await getStorage().get(storageKey!)).toBeNull();
    expect(await db.dataExport.count({ where: { id: exportId } })).toBe(0);
  });
});
