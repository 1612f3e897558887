import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSession, getSessionByToken, listSessions, sessionHandleOf } from "@/lib/auth/session-store";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { changePassword } from "@/lib/users/change-password";
import { WRONG_CURRENT_PASSWORD } from "@/lib/users/check-current-password";
import { actorOf, createTestUser, TEST_PASSWORD } from "@/test/factories";

const NEW_PASSWORD = "yeni-guclu-sifre-2026";
const here = { ip: "10.31.0.1", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36" };
let ipCounter = 0;
const logsIn = async (email: string, password: string) =>
  (await authenticateWithPassword({ email, password }, { ip: `10.32.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` })).ok;

/** A lawyer logged in on three devices; the actor is the first one. */
async function lawyerWithSessions() {
  const user = await createTestUser();
  const tokens = [];
  for (let i = 0; i < 3; i++) tokens.push(await createSession({ userId: user.id, userAgent: `cihaz-${i}`, ip: `10.33.0.${i + 1}` }));
  return { user, tokens, actor: actorOf(user, sessionHandleOf(tokens[0])) };
}

const input = (currentPassword: string, newPassword = NEW_PASSWORD) => ({ currentPassword, newPassword, newPasswordConfirm: newPassword });

describe("changing the password while logged in", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const { user, tokens, actor } = await lawyerWithSessions();
    const error = await changePassword(actor, input("yanlis-sifre-2026"), here).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", message: WRONG_CURRENT_PASSWORD, details: { fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } } });

    expect(await logsIn(user.email, TEST_PASSWORD)).toBe(true);
    expect(await logsIn(user.email, NEW_PASSWORD)).toBe(false);
    for (const token of tokens) expect(await getSessionByToken(token)).not.toBeNull();
    expect(await db.securityEvent.count({ where: { userId: user.id, type: "PASSWORD_CHANGED" } })).toBe(0);
  });

  it("sets the new password, signs out every other session, keeps this one and logs it", async () => {
    const { user, tokens, actor } = await lawyerWithSessions();
    const bystander = await createTestUser();
    const bystanderToken = await createSession({ userId: bystander.id });

    expect(await changePassword(actor, input(TEST_PASSWORD), here)).toEqual({ revokedCount: 2 });

    expect(await getSessionByToken(tokens[0])).toMatchObject({ userId: user.id });
    expect(await getSessionByToken(tokens[1])).toBeNull();
    expect(await getSessionByToken(tokens[2])).toBeNull();
    expect((await listSessions(user.id)).map((s) => s.id)).toEqual([actor.sessionId]);
    expect(await getSessionByToken(bystanderToken)).not.toBeNull();
    expect(await logsIn(user.email, NEW_PASSWORD)).toBe(true);
    expect(await logsIn(user.email, TEST_PASSWORD)).toBe(false);

    const events = await db.securityEvent.findMany({ where: { userId: user.id, type: "PASSWORD_CHANGED" } });
    expect(events).toEqual([expect.objectContaining({ ip: here.ip, userAgent: here.userAgent, detail: { revokedSessions: 2 } })]);
  });

  it("checks the new password like registration does, before looking at the current one", async () => {
    const { actor } = await lawyerWithSessions();
    const short = await changePassword(actor, input(TEST_PASSWORD, "ki-sa-ca"), here).catch((e: unknown) => e);
    expect(short).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { newPassword: ["Şifre en az 10 karakter olmalı."] } } });
    const mismatch = await changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirm: "baska-bir-sifre" }, here).catch((e: unknown) => e);
    expect(mismatch).toMatchObject({ details: { fieldErrors: { newPasswordConfirm: ["Şifreler eşleşmiyor."] } } });
    const same = await changePassword(actor, input(TEST_PASSWORD, TEST_PASSWORD), here).catch((e: unknown) => e);
    expect(same).toMatchObject({ details: { fieldErrors: { newPassword: ["Yeni şifre mevcut şifrenizle aynı olamaz."] } } });
  });

  it("stops guessing the current password after five wrong tries, even with the right one", async () => {
    const { user, actor } = await lawyerWithSessions();
    for (let i = 0; i < 5; i++) await expect(changePassword(actor, input(`yanlis-${i}-sifre-2026`), here)).rejects.toMatchObject({ code: "VALIDATION" });
    const limited = await changePassword(actor, input("yanlis-5-sifre-2026"), here).catch((e: unknown) => e);
    expect(limited).toMatchObject({ code: "RATE_LIMITED" });
    await expect(changePassword(actor, input(TEST_PASSWORD), here)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await logsIn(user.email, TEST_PASSWORD)).toBe(true);
  });
});
