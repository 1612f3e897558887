import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { getRedis, redisKey } from "@/lib/redis";

// RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 s. One step either side is accepted
// (a phone clock a little off), and a code that worked once is refused afterwards (RFC 6238 §5.2).
const ISSUER = "Tevkil";
const WINDOW = 1;
const PERIOD_SECONDS = 30;

const totpFor = (secretBase32: string, label = "") =>
  new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What the QR code carries, and the same as text for typing into the app by hand. */
export async function enrolmentDetails(secretBase32: string, accountLabel: string): Promise<{ uri: string; qrSvg: string; manualKey: string }> {
  const uri = totpFor(secretBase32, accountLabel).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, qrSvg, manualKey: secretBase32.replace(/(.{4})/g, "$1 ").trim() };
}

export const looksLikeTotpCode = (code: string) => /^\d{6}$/.test(code);

/**
 * Whether the code is valid now for this secret and was not used before. `userId` keys the memory of used steps
 * (kept a little longer than the accepted window).
 */
export async function verifyTotpCode(userId: string, secretBase32: string, code: string): Promise<boolean> {
  if (!looksLikeTotpCode(code)) return false;
  const delta = totpFor(secretBase32).validate({ token: code, window: WINDOW });
  if (delta === null) return false;
  const step = Math.floor(Date.now() / 1000 / PERIOD_SECONDS) + delta;
  const first = await getRedis().set(redisKey("totp-used", userId, String(step)), "1", "EX", PERIOD_SECONDS * (2 * WINDOW + 2), "NX");
  return first === "OK";
}
