import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAttachment } from "@/lib/messaging/get-attachment";
import { sendMessage } from "@/lib/messaging/send-message";
import { pairWithConversation, userWithSession } from "@/test/socket-test-client";
import { db } from "@/lib/db";
import { expireUnsentAttachments, UNSENT_ATTACHMENT_TTL_MS } from "@/lib/messaging/expire-unsent-attachments";
import { MAX_ATTACHMENT_BYTES, UNSENT_QUOTA_BYTES, uploadAttachment } from "@/lib/messaging/upload-attachment";
import { getStorage } from "@/lib/storage/storage";
import { actorOf } from "@/test/factories";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "tevkil-ekler-"));
  process.env.STORAGE_DIR = directory;
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2048, 0x20), Buffer.from("%%EOF\n")]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

async function text(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("attachments", () => {
  it("stores a PDF for a member, shows it to the peer only once sent, and serves it to both members only", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const { attachment } = await uploadAttachment(actorOf(a), { conversationId, fileName: "C:\\dosyalar\\vekaletname.pdf" }, pdf);
    expect(attachment).toMatchObject({ fileName: "vekaletname.pdf", mimeType: "application/pdf", sizeBytes: pdf.length });
    // not sent yet: the uploader's draft, which the peer cannot fetch
    expect(await text((await getAttachment(actorOf(a), { attachmentId: attachment.id })).body)).toEqual(pdf);
    await expect(getAttachment(actorOf(b), { attachmentId: attachment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { message } = await sendMessage(actorOf(a), { conversationId, clientId: `ek-${Date.now()}`, body: "Vekaletname ekte.", attachmentId: attachment.id });
    expect(message.attachment).toEqual(attachment);

    for (const member of [a, b]) {
      const file = await getAttachment(actorOf(member), { attachmentId: attachment.id });
      expect(file.mimeType).toBe("application/pdf");
      expect(await text(file.body)).toEqual(pdf);
    }
    const outsider = await userWithSession();
    await expect(getAttachment(actorOf(outsider), { attachmentId: attachment.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(uploadAttachment(actorOf(outsider), { conversationId, fileName: "x.pdf" }, pdf)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // the same attachment cannot ride on a second message
    await expect(
      sendMessage(actorOf(a), { conversationId, clientId: `ek2-${Date.now()}`, body: "tekrar", attachmentId: attachment.id }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("decides the type by content and enforces the 10 MB limit", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const { attachment } = await uploadAttachment(actorOf(a), { conversationId, fileName: "fotograf.txt" }, png);
    expect(attachment.mimeType).toBe("image/png");

    const executable = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]);
    await expect(uploadAttachment(actorOf(a), { conversationId, fileName: "belge.pdf" }, executable)).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Yalnızca PDF ve resim (PNG, JPEG, GIF, WebP) gönderilebilir.",
    });
    const tooLarge = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    await expect(uploadAttachment(actorOf(a), { conversationId, fileName: "buyuk.pdf" }, tooLarge)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(uploadAttachment(actorOf(a), { conversationId, fileName: "bos.pdf" }, Buffer.alloc(0))).rejects.toMatchObject({ code: "VALIDATION" });

    // only the uploader can send it
    await expect(
      sendMessage(actorOf(b), { conversationId, clientId: `baskasi-${Date.now()}`, body: "benim değil", attachmentId: attachment.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes uploads nobody sent within a day, file and row, and keeps the sent ones", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const { attachment: draft } = await uploadAttachment(actorOf(a), { conversationId, fileName: "taslak.pdf" }, pdf);
    const { attachment: sent } = await uploadAttachment(actorOf(a), { conversationId, fileName: "gonderilen.pdf" }, pdf);
    await sendMessage(actorOf(a), { conversationId, clientId: `gonder-${Date.now()}`, body: "Ekte.", attachmentId: sent.id });
    const { attachment: fresh } = await uploadAttachment(actorOf(a), { conversationId, fileName: "yeni.pdf" }, pdf);
    const dayAgo = new Date(Date.now() - UNSENT_ATTACHMENT_TTL_MS - 60_000);
    await db.attachment.updateMany({ where: { id: { in: [draft.id, sent.id] } }, data: { createdAt: dayAgo } });
    const draftKey = (await db.attachment.findUniqueOrThrow({ where: { id: draft.id } })).storageKey;

    expect(await expireUnsentAttachments()).toBeGreaterThanOrEqual(1);
    expect(await db.attachment.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await getStorage().get(draftKey)).toBeNull();
    expect(await text((await getAttachment(actorOf(b), { attachmentId: sent.id })).body)).toEqual(pdf);
    expect(await text((await getAttachment(actorOf(a), { attachmentId: fresh.id })).body)).toEqual(pdf);
  });

  it("refuses uploads past the unsent quota, also when they arrive at once, and takes more once drafts are sent", async () => {
    const { a, conversationId } = await pairWithConversation();
    const nineMb = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(9 * 1024 * 1024, 0x20), Buffer.from("%%EOF\n")]);
    const fit = Math.floor(UNSENT_QUOTA_BYTES / nineMb.length);
    const results = await Promise.allSettled(
      Array.from({ length: fit + 1 }, (_, i) => uploadAttachment(actorOf(a), { conversationId, fileName: `dosya-${i}.pdf` }, nineMb)),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(accepted).toHaveLength(fit);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("Gönderilmemiş ekleriniz") });
    expect(await db.attachment.count({ where: { uploaderId: a.id } })).toBe(fit);

    const first = (accepted[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof uploadAttachment>>>).value.attachment;
    await sendMessage(actorOf(a), { conversationId, clientId: `kota-${Date.now()}`, body: "Ekte.", attachmentId: first.id });
    await expect(uploadAttachment(actorOf(a), { conversationId, fileName: "sonraki.pdf" }, nineMb)).resolves.toBeTruthy();
  });
});
