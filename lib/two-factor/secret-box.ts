import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// TOTP secrets are sealed at rest (a database dump alone does not give anyone's second factor). The key is derived
// from AUTH_SECRET, so rotating AUTH_SECRET means lawyers enrol their authenticator again.
const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, "tevkil", "totp-secret-box", 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/** The plain text, or null when the box is not ours or was sealed under another key. */
export function open(box: string): string | null {
  const [version, iv, tag, sealed] = box.split(".");
  if (version !== VERSION || !iv || !tag || !sealed) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
