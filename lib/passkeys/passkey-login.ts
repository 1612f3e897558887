import { randomBytes } from "node:crypto";
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/types";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { passkeyResponseSchema } from "@/lib/passkeys/passkey-response.schema";
import { keepChallenge, relyingParty, takeChallenge } from "@/lib/passkeys/relying-party";
import { issueRegistrationTicket } from "@/lib/users/registration-ticket";
import { parseInput } from "@/lib/validation";

export const PASSKEY_NOT_RECOGNISED = "Bu geçiş anahtarı tanınmadı. Silinmiş olabilir; e-posta adresiniz ve şifrenizle giriş yapın.";

/** Step 1 of "Geçiş anahtarıyla giriş yap": a challenge for any of this site's keys on the device (no e-mail asked). */
export async function startPasskeyLogin(context: { ip: string }): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  await enforceRateLimit("loginByIp", context.ip);
  const rp = relyingParty();
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "preferred" });
  const challengeId = randomBytes(16).toString("base64url");
  await keepChallenge("login", challengeId, options.challenge);
  return { challengeId, options };
}

const finishSchema = z.object({ challengeId: z.string().max(64), response: passkeyResponseSchema });

/**
 * Step 2: the signature is checked with the stored public key of that credential; the signature counter must not go
 * back (a cloned key). A passkey is possession and, on the device, a fingerprint or PIN: it stands for both steps
 * of a two-step login. Returns a one-time login ticket (the same kind registration uses) for Auth.js.
 */
export async function finishPasskeyLogin(input: unknown): Promise<{ loginTicket: string; userId: string; isAdministrator: boolean }> {
  const { challengeId, response } = parseInput(finishSchema, input);
  const challenge = await takeChallenge("login", challengeId);
  if (!challenge) throw new AppError("VALIDATION", "Giriş denemesinin süresi doldu. Tekrar deneyin.");
  const passkey = await db.passkey.findUnique({ where: { id: response.id }, include: { user: { select: { deletedAt: true, role: true } } } });
  if (!passkey || passkey.user.deletedAt) throw new AppError("VALIDATION", PASSKEY_NOT_RECOGNISED);
  const rp = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response: response as unknown as AuthenticationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    authenticator: { credentialID: isoBase64URL.toBuffer(passkey.id), credentialPublicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter },
  }).catch(() => null);
  if (!verification?.verified) throw new AppError("VALIDATION", PASSKEY_NOT_RECOGNISED);
  await db.passkey.update({ where: { id: passkey.id }, data: { counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() } });
  return { loginTicket: await issueRegistrationTicket(passkey.userId), userId: passkey.userId, isAdministrator: passkey.user.role === "ADMIN" };
}
