import { describe, expect, it } from "vitest";
import { createSession, getSessionByToken, listSessions, sessionHandleOf } from "@/lib/auth/session-store";
import { AppError } from "@/lib/errors";
import { revokeOwnOtherSessions, revokeOwnSession } from "@/lib/users/revoke-sessions";
import { actorOf, createTestUser } from "@/test/factories";

const origin = { ip: "10.0.0.1", userAgent: "tarayici-0" };

/** A user with `count` sessions; the actor acts through the first one. */
async function userWithSessions(count: number) {
  const user = await createTestUser();
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push(await createSession({ userId: user.id, userAgent: `tarayici-${i}`, ip: `10.0.0.${i + 1}` }));
  return { user, tokens, actor: actorOf(user, sessionHandleOf(tokens[0])) };
}

async function notFoundError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected NOT_FOUND");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("NOT_FOUND");
  return error as AppError;
}

describe("revokeOwnSession", () => {
  it("signs out one of the actor's other sessions and leaves the rest", async () => {
    const { user, tokens, actor } = await userWithSessions(3);
    expect(await revokeOwnSession(actor, { sessionId: sessionHandleOf(tokens[1]) }, origin)).toEqual({ revoked: sessionHandleOf(tokens[1]) });

    expect(await getSessionByToken(tokens[1])).toBeNull();
    expect(await getSessionByToken(tokens[0])).not.toBeNull();
    expect(await getSessionByToken(tokens[2])).not.toBeNull();
    expect((await listSessions(user.id)).map((s) => s.id).sort()).toEqual([sessionHandleOf(tokens[0]), sessionHandleOf(tokens[2])].sort());
  });

  it("treats another user's session handle as not found and leaves that session alive", async () => {
    const { actor } = await userWithSessions(1);
    const victim = await userWithSessions(1);
    const handle = sessionHandleOf(victim.tokens[0]);

    const error = await notFoundError(revokeOwnSession(actor, { sessionId: handle }, origin));
    expect(error.message).toBe("Bu oturum bulunamadı ya da zaten kapatılmış.");
    expect(await getSessionByToken(victim.tokens[0])).toMatchObject({ userId: victim.user.id });
    expect((await listSessions(victim.user.id)).map((s) => s.id)).toEqual([handle]);
  });

  it("does not accept the cookie token itself in place of the handle", async () => {
    const { tokens, actor } = await userWithSessions(2);
    await notFoundError(revokeOwnSession(actor, { sessionId: tokens[1] }, origin));
    expect(await getSessionByToken(tokens[1])).not.toBeNull();
  });

  it("reports an already revoked session as not found", async () => {
    const { tokens, actor } = await userWithSessions(2);
    await revokeOwnSession(actor, { sessionId: sessionHandleOf(tokens[1]) }, origin);
    await notFoundError(revokeOwnSession(actor, { sessionId: sessionHandleOf(tokens[1]) }, origin));
  });

  it("rejects a malformed session id with VALIDATION", async () => {
    const { actor } = await userWithSessions(1);
    for (const input of [{}, { sessionId: "" }, { sessionId: "x".repeat(101) }, null]) {
      await expect(revokeOwnSession(actor, input, origin)).rejects.toMatchObject({ code: "VALIDATION" });
    }
  });
});

describe("revokeOwnOtherSessions", () => {
  it("signs out every other session of the actor, keeps the current one and touches no one else", async () => {
    const { user, tokens, actor } = await userWithSessions(4);
    const bystander = await userWithSessions(2);

    expect(await revokeOwnOtherSessions(actor, origin)).toEqual({ revokedCount: 3 });
    expect(await getSessionByToken(tokens[0])).toMatchObject({ userId: user.id });
    for (const token of tokens.slice(1)) expect(await getSessionByToken(token)).toBeNull();
    expect((await listSessions(user.id)).map((s) => s.id)).toEqual([actor.sessionId]);
    for (const token of bystander.tokens) expect(await getSessionByToken(token)).not.toBeNull();

    expect(await revokeOwnOtherSessions(actor, origin)).toEqual({ revokedCount: 0 });
    expect(await getSessionByToken(tokens[0])).not.toBeNull();
  });
});
