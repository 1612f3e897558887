import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listPasskeys, removePasskey, renamePasskey } from "@/lib/passkeys/manage-passkeys";
import { finishPasskeyLogin, PASSKEY_NOT_RECOGNISED, startPasskeyLogin } from "@/lib/passkeys/passkey-login";
import { actorOf, createTestUser, uniqueSuffix } from "@/test/factories";

const context = { ip: "203.0.113.9", userAgent: "vitest" };
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a failure"); }, (e: AppError) => e);

async function storedPasskey(userId: string) {
  return db.passkey.create({ data: { id: `cred${uniqueSuffix()}`, userId, publicKey: Buffer.from([1, 2, 3]), name: "Telefon" } });
}

describe("passkeys", () => {
  it("are listed, renamed and removed by their owner only; removing is logged", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const key = await storedPasskey(owner.id);
    expect((await failure(renamePasskey(actorOf(stranger), { id: key.id, name: "Benim" }))).code).toBe("NOT_FOUND");
    expect((await failure(removePasskey(actorOf(stranger), { id: key.id }, context))).code).toBe("NOT_FOUND");
    expect(await listPasskeys(actorOf(stranger))).toEqual([]);

    await renamePasskey(actorOf(owner), { id: key.id, name: "İş telefonu" });
    expect((await listPasskeys(actorOf(owner))).map((p) => p.name)).toEqual(["İş telefonu"]);
    expect((await failure(renamePasskey(actorOf(owner), { id: key.id, name: "  " }))).code).toBe("VALIDATION");
    await removePasskey(actorOf(owner), { id: key.id }, context);
    expect(await listPasskeys(actorOf(owner))).toEqual([]);
    expect(await db.securityEvent.count({ where: { userId: owner.id, type: "PASSKEY_REMOVED" } })).toBe(1);
  });

  it("log nobody in without a live challenge, or with a credential the server does not know", async () => {
    const response = { id: "bilinmeyen", rawId: "bilinmeyen", type: "public-key", response: {}, clientExtensionResults: {} };
    expect((await failure(finishPasskeyLogin({ challengeId: "yok", response }))).message).toMatch(/süresi doldu/);
    const malformed = await failure(finishPasskeyLogin({ challengeId: "yok", response: { ...response, id: "not base64url!" } }));
    expect(malformed.code).toBe("VALIDATION");
    const { challengeId } = await startPasskeyLogin({ ip: `198.51.100.${Math.floor(Math.random() * 250)}` });
    expect((await failure(finishPasskeyLogin({ challengeId, response }))).message).toBe(PASSKEY_NOT_RECOGNISED);
    // the challenge was used up by that attempt
    expect((await failure(finishPasskeyLogin({ challengeId, response }))).message).toMatch(/süresi doldu/);
  });
});
