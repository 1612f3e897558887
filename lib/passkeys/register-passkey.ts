import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/types";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { passkeyResponseSchema } from "@/lib/passkeys/passkey-response.schema";
import { keepChallenge, relyingParty, takeChallenge } from "@/lib/passkeys/relying-party";
import { recordSecurityEvent, type SecurityContext } from "@/lib/security/record-security-event";
import { parseInput } from "@/lib/validation";

const MAX_PASSKEYS = 10;
const NOT_VERIFIED = "Geçiş anahtarı doğrulanamadı. Lütfen tekrar deneyin.";

/** Step 1 of adding a passkey: the options for the browser, with the lawyer's existing keys excluded. */
export async function startPasskeyRegistration(actor: Actor): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const [user, existing] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, fullName: true } }),
    db.passkey.findMany({ where: { userId: actor.id }, select: { id: true, transports: true } }),
  ]);
  if (existing.length >= MAX_PASSKEYS) throw conflict(`En fazla ${MAX_PASSKEYS} geçiş anahtarı eklenebilir; kullanmadığınız birini silin.`);
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: actor.id,
    userName: user.email,
    userDisplayName: user.fullName,
    attestationType: "none",
    // discoverable, so the login page needs no e-mail: the phone offers the key for this site
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    excludeCredentials: existing.map((p) => ({ id: isoBase64URL.toBuffer(p.id), type: "public-key" as const, transports: p.transports as never })),
  });
  await keepChallenge("register", actor.id, options.challenge);
  return options;
}

const finishSchema = z.object({
  name: z.string({ error: "Anahtara bir ad verin." }).trim().min(1, "Anahtara bir ad verin.").max(60, "Ad en fazla 60 karakter olabilir."),
  response: passkeyResponseSchema,
});

/** Step 2: the browser's answer is verified against the challenge, and the key is kept under the given name. */
export async function finishPasskeyRegistration(actor: Actor, input: unknown, context: SecurityContext): Promise<{ id: string; name: string }> {
  const { name, response } = parseInput(finishSchema, input);
  const challenge = await takeChallenge("register", actor.id);
  if (!challenge) throw conflict("Geçiş anahtarı eklemenin süresi doldu. Tekrar deneyin.");
  const rp = relyingParty();
  const verification = await verifyRegistrationResponse({
    response: response as unknown as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
  }).catch(() => null);
  const info = verification?.verified ? verification.registrationInfo : undefined;
  if (!info) throw conflict(NOT_VERIFIED);
  const id = isoBase64URL.fromBuffer(info.credentialID);
  const transports = Array.isArray(response.response.transports) ? response.response.transports.filter((t): t is string => typeof t === "string").slice(0, 8) : [];
  const saved = await db.passkey.upsert({
    where: { id },
    // a credential already stored is left as it is: registered again by its owner it is a no-op, and another
    // account's is refused below, never moved
    update: {},
    create: { id, userId: actor.id, publicKey: Buffer.from(info.credentialPublicKey), counter: info.counter, transports, name },
    select: { id: true, name: true, userId: true },
  });
  if (saved.userId !== actor.id) throw conflict(NOT_VERIFIED);
  await recordSecurityEvent({ userId: actor.id, type: "PASSKEY_ADDED", detail: { name } }, context);
  return { id: saved.id, name: saved.name };
}
