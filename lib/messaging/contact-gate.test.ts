import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelAssignment } from "@/lib/jobs/cancel-assignment";
import { assignedJob, refusal } from "@/test/marketplace-test-support";
import { sendMessage } from "@/lib/messaging/send-message";
import { connectAs, pairWithConversation, request, socketServerForFile } from "@/test/socket-test-client";
import { actorOf } from "@/test/factories";

const server = socketServerForFile();

const clientId = (label: string) => `gate-${label}-${Math.random().toString(36).slice(2, 10)}`;
const IBAN = "Ücreti TR33 0006 1005 1978 6457 8413 26 hesabına gönderirim";

describe("contact details in messages", () => {
  it("refuses a phone number or IBAN before an assignment, by socket and by the domain function alike, and stores nothing", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const socket = await connectAs(server.url, a);

    const ack = await request(socket, "message:send", { conversationId, clientId: clientId("iban"), body: IBAN });
    expect(ack.ok).toBe(false);
    expect(ack.error?.code).toBe("VALIDATION");
    expect(ack.error?.message).toContain("Mesajınızda bir IBAN var");
    expect((ack.error as { fieldErrors?: Record<string, string[]> }).fieldErrors?.body?.[0]).toContain("Görevlendirme yapılana kadar");

    const error = await refusal(sendMessage(actorOf(b), { conversationId, clientId: clientId("phone"), body: "Beni 0532 123 45 67'den arayın" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toContain("bir telefon numarası");
    expect(await db.message.count({ where: { conversationId } })).toBe(0);

    // what tevkil talk is full of goes through
    const fine = await request(socket, "message:send", { conversationId, clientId: clientId("ok"), body: "2024/123 Esas, duruşma 12.03.2026 saat 10:30, ücret 3.500 TL" });
    expect(fine.ok).toBe(true);
  });

  it("lets contact details through once the two have an assignment between them (either direction), and refuses them again after it is called off", async () => {
    const { a, b, conversationId } = await pairWithConversation();
    const socket = await connectAs(server.url, b);
    // asked once before the accept: the pair's answer ("not assigned") is now cached
    expect((await request(socket, "message:send", { conversationId, clientId: clientId("before"), body: IBAN })).ok).toBe(false);

    const jobId = await assignedJob(actorOf(a), actorOf(b));
    const after = await request(socket, "message:send", { conversationId, clientId: clientId("after"), body: IBAN });
    expect(after.ok).toBe(true);
    const byPoster = await sendMessage(actorOf(a), { conversationId, clientId: clientId("poster"), body: "Telefonum 0532 123 45 67, e-postam av@example.com" });
    expect(byPoster.message.body).toContain("0532 123 45 67");

    await cancelAssignment(actorOf(b), { jobId, reason: "Aynı gün başka duruşmam çıktı." });
    const again = await request(socket, "message:send", { conversationId, clientId: clientId("again"), body: IBAN });
    expect(again.ok).toBe(false);
    expect(again.error?.code).toBe("VALIDATION");
    expect(await db.message.count({ where: { conversationId } })).toBe(2);
  });
});
