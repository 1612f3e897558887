import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAttachment } from "@/lib/messaging/get-attachment";
import { sendMessage } from "@/lib/messaging/send-message";
import { pairWithConversation, userWithSession } from "@/lib/messaging/socket-test-client";
import { MAX_ATTACHMENT_BYTES, uploadAttachment } from "@/lib/messaging/upload-attachment";
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
  it("stores a PDF for a member, sends it in a message and serves it to both members only", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const { attachment } = await uploadAttachment(actorOf(a), { conversationId, fileName: "C:\\dosyalar\\vekaletname.pdf" }, pdf);
    expect(attachment).toMatchObject({ fileName: "vekaletname.pdf", mimeType: "application/pdf", sizeBytes: pdf.length });

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
});
